import { createHash, randomBytes } from "node:crypto";
import type { Actor, Role } from "~/lib/actor";
import { endUserSessions } from "~/lib/auth.server";
import { db } from "~/lib/db/client.server";
import type { FieldErrors } from "~/lib/forms";
import { httpError, tooMany } from "~/lib/http.server";
import { hashPassword } from "~/lib/password.server";
import { mailOrigin } from "~/lib/mail.server";
import { actionLimits, consume, KeptRateLimiter } from "~/lib/rate-limit.server";
import { audit } from "./audit.server";
import { invitationMail } from "./mail-messages.server";
import { enqueueMail } from "./outbox.server";
import { passwordProblem } from "./passwords";
import { assertCan } from "./policy.server";

/** One-time links: the invitation of a new colleague, and a new password for an existing one. */
const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** A new password asked for from the login page: one hour, as the user is waiting for it. */
const RESET_TTL_MS = 60 * 60 * 1000;

function tokenHash(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

/** A new random token: 32 bytes, URL-safe. Only its hash is stored. */
function newToken() {
  return randomBytes(32).toString("base64url");
}

export function invitationPath(token: string) {
  return `/invito/${token}`;
}

type InviteResult = { ok: true; token: string; mailed: boolean } | { ok: false; fieldErrors: FieldErrors };

/** The admin invites a new colleague; the returned token goes into the one-time link. */
export async function inviteUser(
  actor: Actor,
  input: { email: string; role: Role },
  now = new Date(),
): Promise<InviteResult> {
  assertCan(actor, "user.invite");
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) return { ok: false, fieldErrors: { email: { key: "v.emailTaken" } } };
  const pending = await db.invitation.findFirst({
    where: { email: input.email, usedAt: null, expiresAt: { gt: now }, userId: null },
    select: { id: true },
  });
  if (pending) return { ok: false, fieldErrors: { email: { key: "v.invitePending" } } };
  const wait = consume(actionLimits.invitation, actor.id);
  if (wait) tooMany(wait);

  const { token, mailed } = await db.$transaction(async (tx) => {
    const made = await newInvitation(tx, { ...input, invitedById: actor.id }, now);
    await audit(tx, actor.id, "invitation.create", null, { email: input.email, role: input.role });
    return made;
  });
  return { ok: true, token, mailed };
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

export type NewInvitation = {
  email: string;
  role: Role;
  invitedById: string | null;
  /** From an import: the name and office the form starts with, the groups joined on acceptance. */
  displayName?: string;
  office?: string;
  groupIds?: string[];
  importId?: string;
};

/**
 * An invitation for a new colleague, mailed (in Italian: the invitee has no language yet) when
 * e-mail is on. The token goes into the one-time link; only its hash is stored.
 */
export async function newInvitation(tx: Tx, input: NewInvitation, now = new Date()) {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  await tx.invitation.create({
    data: {
      email: input.email,
      role: input.role,
      tokenHash: tokenHash(token),
      expiresAt,
      invitedById: input.invitedById,
      displayName: input.displayName ?? "",
      office: input.office ?? "",
      groupIds: (input.groupIds ?? []).join(","),
      importId: input.importId ?? null,
    },
  });
  const mail = invitationMail({ locale: "it", url: mailOrigin() + invitationPath(token), expiresAt, isReset: false });
  const to = { name: input.displayName ?? "", address: input.email };
  const mailed = await enqueueMail(tx, { userId: null, to, kind: "INVITATION", mail });
  return { token, mailed: mailed !== null };
}

/**
 * An imported colleague joins the working groups their invitations named (those that still
 * exist), when they accept one or first sign in through the directory.
 */
export async function joinInvitedGroups(tx: Tx, userId: string, groupIdLists: string[]) {
  const groupIds = [...new Set(groupIdLists.flatMap((list) => list.split(",").filter(Boolean)))];
  if (groupIds.length === 0) return;
  const groups = await tx.workingGroup.findMany({ where: { id: { in: groupIds } }, select: { id: true } });
  await tx.membership.createMany({ data: groups.map((g) => ({ userId, groupId: g.id })) });
}

/**
 * A new one-time link for an existing account: it works as a password reset. Earlier
 * unused links for the same account stop working.
 */
export async function createAccessLink(actor: Actor, userId: string, now = new Date()) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, role: true, displayName: true, locale: true, directoryDn: true },
  });
  if (!user) httpError(404);
  assertCan(actor, "user.resetAccess", user);
  // Its password is the directory's: a link here would make a second one.
  if (user.directoryDn) httpError(409, "admin.users.directoryNoLink");
  const { token, mailed } = await db.$transaction(async (tx) => {
    const made = await newAccessLink(tx, user, { ttlMs: INVITATION_TTL_MS, invitedById: actor.id, now });
    await audit(tx, actor.id, "invitation.reset", userId, {});
    return made;
  });
  return { token, user, mailed };
}

/**
 * A one-time link for an existing account, mailed to it (when e-mail is on). Earlier unused
 * links for the same account stop working.
 */
async function newAccessLink(
  tx: Tx,
  user: { id: string; email: string; role: string; displayName: string; locale?: string },
  options: { ttlMs: number; invitedById: string | null; now: Date },
) {
  const token = newToken();
  const expiresAt = new Date(options.now.getTime() + options.ttlMs);
  await tx.invitation.updateMany({ where: { userId: user.id, usedAt: null }, data: { expiresAt: options.now } });
  await tx.invitation.create({
    data: {
      email: user.email,
      role: user.role,
      userId: user.id,
      tokenHash: tokenHash(token),
      expiresAt,
      invitedById: options.invitedById,
    },
  });
  const mail = invitationMail({
    locale: user.locale ?? "it",
    url: mailOrigin() + invitationPath(token),
    expiresAt,
    isReset: true,
  });
  const mailed = await enqueueMail(tx, {
    userId: user.id,
    to: { name: user.displayName, address: user.email },
    kind: "RESET",
    mail,
  });
  return { token, mailed: mailed !== null };
}

/**
 * "Password dimenticata?": the same answer whether or not the address has an account, at most a
 * few requests per address and per network address; a link valid one hour, mailed. Nothing is
 * said to the person asking about what happened.
 */
const resetPerIp = new KeptRateLimiter(10, 15 * 60 * 1000, "reset:address");
const resetPerEmail = new KeptRateLimiter(3, 60 * 60 * 1000, "reset:email");

export async function requestPasswordReset(
  input: { email: string; ip: string },
  now = new Date(),
): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  const email = input.email.trim().toLowerCase();
  const wait = Math.max(resetPerIp.retryAfter(input.ip), resetPerEmail.retryAfter(email));
  if (wait > 0) return { ok: false, retryAfterSeconds: wait };
  await Promise.all([resetPerIp.hit(input.ip), resetPerEmail.hit(email)]);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, role: true, displayName: true, locale: true, active: true, passwordHash: true },
  });
  // Only an active account that signs in with a password here gets a link.
  if (!user || !user.active || !user.passwordHash) return { ok: true };
  await db.$transaction(async (tx) => {
    await newAccessLink(tx, user, { ttlMs: RESET_TTL_MS, invitedById: null, now });
    await audit(tx, null, "invitation.selfReset", user.id, {});
  });
  return { ok: true };
}

/** The invitation behind a token if it can still be used; null otherwise (wrong, used or expired). */
export async function findUsableInvitation(token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      usedAt: true,
      displayName: true,
      office: true,
      groupIds: true,
      user: { select: { id: true, displayName: true, office: true, active: true } },
    },
  });
  if (!invitation || invitation.usedAt || invitation.expiresAt <= now) return null;
  if (invitation.user && !invitation.user.active) return null;
  return invitation;
}

type AcceptInput = { displayName: string; office: string; password: string };
type AcceptResult =
  { ok: true; userId: string } | { ok: false; fieldErrors: FieldErrors } | { ok: false; invalid: true };

/**
 * Uses an invitation once: creates the account (or sets the new password of an existing one)
 * and marks the invitation used, in one transaction. A second use finds it used.
 */
export async function acceptInvitation(token: string, input: AcceptInput, now = new Date()): Promise<AcceptResult> {
  const invitation = await findUsableInvitation(token, now);
  if (!invitation) return { ok: false, invalid: true };
  const problem = passwordProblem(input.password, invitation.email);
  if (problem) return { ok: false, fieldErrors: { password: { key: problem } } };
  const passwordHash = await hashPassword(input.password);

  return db.$transaction(async (tx) => {
    // Claim the invitation first: of two simultaneous uses, only one updates a row.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return { ok: false as const, invalid: true as const };

    if (invitation.user) {
      await tx.user.update({
        where: { id: invitation.user.id },
        data: { passwordHash, displayName: input.displayName, office: input.office },
      });
      // A reset ends the sessions that were open with the old password.
      await endUserSessions(invitation.user.id, { tx });
      return { ok: true as const, userId: invitation.user.id };
    }
    const taken = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
    if (taken) return { ok: false as const, invalid: true as const };
    const user = await tx.user.create({
      data: {
        email: invitation.email,
        role: invitation.role,
        displayName: input.displayName,
        office: input.office,
        passwordHash,
      },
      select: { id: true },
    });
    await tx.invitation.update({ where: { id: invitation.id }, data: { userId: user.id } });
    await joinInvitedGroups(tx, user.id, [invitation.groupIds]);
    return { ok: true as const, userId: user.id };
  });
}
