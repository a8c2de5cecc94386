import { createHash, randomBytes } from "node:crypto";
import type { Actor, Role } from "~/lib/actor";
import { endUserSessions } from "~/lib/auth.server";
import { db } from "~/lib/db/client.server";
import type { FieldErrors } from "~/lib/forms";
import { httpError, tooMany } from "~/lib/http.server";
import { hashPassword } from "~/lib/password.server";
import { actionLimits, consume } from "~/lib/rate-limit.server";
import { audit } from "./audit.server";
import { passwordProblem } from "./passwords";
import { assertCan } from "./policy";

/** One-time links: the invitation of a new colleague, and a new password for an existing one. */
const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

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

type InviteResult = { ok: true; token: string } | { ok: false; fieldErrors: FieldErrors };

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

  const token = newToken();
  await db.$transaction(async (tx) => {
    await tx.invitation.create({
      data: {
        email: input.email,
        role: input.role,
        tokenHash: tokenHash(token),
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
        invitedById: actor.id,
      },
    });
    await audit(tx, actor.id, "invitation.create", null, { email: input.email, role: input.role });
  });
  return { ok: true, token };
}

/**
 * A new one-time link for an existing account: it works as a password reset. Earlier
 * unused links for the same account stop working.
 */
export async function createAccessLink(actor: Actor, userId: string, now = new Date()) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, role: true, displayName: true },
  });
  if (!user) httpError(404);
  assertCan(actor, "user.resetAccess", user);
  const token = newToken();
  await db.$transaction(async (tx) => {
    await tx.invitation.updateMany({ where: { userId, usedAt: null }, data: { expiresAt: now } });
    await tx.invitation.create({
      data: {
        email: user.email,
        role: user.role,
        userId,
        tokenHash: tokenHash(token),
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
        invitedById: actor.id,
      },
    });
    await audit(tx, actor.id, "invitation.reset", userId, {});
  });
  return { token, user };
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
    return { ok: true as const, userId: user.id };
  });
}
