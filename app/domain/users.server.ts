import type { Prisma } from "~/generated/prisma/client";
import type { Actor, Role } from "~/lib/actor";
import { endUserSessions } from "~/lib/auth.server";
import { db } from "~/lib/db/client.server";
import type { FieldErrors } from "~/lib/forms";
import { httpError } from "~/lib/http.server";
import type { Locale } from "~/lib/i18n";
import { hashPassword, verifyPassword } from "~/lib/password.server";
import { audit } from "./audit.server";
import { findGroup } from "./groups.server";
import { passwordProblem } from "./passwords";
import { FORMER_COLLEAGUE } from "./people";
import {
  isDigestFrequency,
  mailPreferences,
  type DigestFrequency,
  type MailChoice,
  type MailKind,
} from "./mail-preferences";
import { assertCan } from "./policy.server";

/** Accounts: the admin's list and actions on them, one's own profile and password. */

const USERS_PAGE_SIZE = 25;

export type UserFilters = {
  q?: string;
  role?: Role;
  status?: "active" | "inactive" | "pending";
  groupId?: string;
  page?: number;
};

/** The admin's user list: search over name, email and office, filters, pages of 25. */
export async function listUsers(actor: Actor, filters: UserFilters) {
  assertCan(actor, "user.list");
  const where: Prisma.UserWhereInput = {};
  if (filters.q) {
    where.OR = [
      { displayName: { contains: filters.q } },
      { email: { contains: filters.q.toLowerCase() } },
      { office: { contains: filters.q } },
    ];
  }
  if (filters.role) where.role = filters.role;
  if (filters.status === "active") Object.assign(where, { active: true, passwordHash: { not: null } });
  if (filters.status === "inactive") where.active = false;
  if (filters.status === "pending") Object.assign(where, { active: true, passwordHash: null, directoryDn: null });
  if (filters.groupId) where.memberships = { some: { groupId: filters.groupId } };

  const page = filters.page ?? 1;
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ displayName: "asc" }, { email: "asc" }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: {
        id: true,
        email: true,
        displayName: true,
        office: true,
        role: true,
        active: true,
        passwordHash: true,
        directoryDn: true,
        memberships: { select: { groupId: true, isLeader: true }, orderBy: { group: { position: "asc" } } },
      },
    }),
  ]);
  return {
    total,
    page,
    pages: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)),
    // A directory account has no password here and is not waiting for one.
    users: users.map(({ passwordHash, directoryDn, ...user }) => ({
      ...user,
      directory: directoryDn !== null,
      pending: passwordHash === null && directoryDn === null,
    })),
  };
}

async function findUserOr404(id: string) {
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, displayName: true, role: true, active: true, email: true },
  });
  if (!user) httpError(404);
  return user;
}

export async function changeRole(actor: Actor, userId: string, role: Role) {
  const user = await findUserOr404(userId);
  assertCan(actor, "user.changeRole", user);
  if (user.role === role) return user;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { role } });
    await audit(tx, actor.id, "user.role", userId, { from: user.role, to: role });
  });
  return { ...user, role };
}

/** Deactivating ends every session of the account at once; reactivating lets it log in again. */
export async function setActive(actor: Actor, userId: string, active: boolean) {
  const user = await findUserOr404(userId);
  assertCan(actor, "user.setActive", user);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { active, deactivatedAt: active ? null : new Date() } });
    if (!active) await endUserSessions(userId, { tx });
    await audit(tx, actor.id, active ? "user.reactivate" : "user.deactivate", userId, {});
  });
  return user;
}

/**
 * Deactivates an account for good and removes its personal data (GDPR art. 17): name, e-mail,
 * office, password, sessions, invitations, calendar secret, memberships, follows and
 * notifications go; ideas, comments, supports and updates stay, signed "ex collaboratore".
 */
export async function anonymiseUser(actor: Actor, userId: string) {
  const user = await findUserOr404(userId);
  assertCan(actor, "user.anonymise", user);
  await db.$transaction(async (tx) => {
    await endUserSessions(userId, { tx });
    await tx.invitation.deleteMany({ where: { OR: [{ userId }, { email: user.email }] } });
    await tx.calendarToken.deleteMany({ where: { userId } });
    await tx.membership.deleteMany({ where: { userId } });
    await tx.follow.deleteMany({ where: { userId } });
    await tx.notification.deleteMany({ where: { userId } });
    await tx.user.update({
      where: { id: userId },
      data: {
        displayName: FORMER_COLLEAGUE,
        email: `ex-${userId}@anonimo.invalid`,
        office: "",
        passwordHash: null,
        locale: "it",
        active: false,
        deactivatedAt: new Date(),
      },
    });
    await audit(tx, actor.id, "user.anonymise", userId, {});
  });
  return user;
}

/** Names or removes a group leader; naming a non-member also makes them a member. */
export async function setLeader(actor: Actor, userId: string, groupId: string, isLeader: boolean) {
  const user = await findUserOr404(userId);
  assertCan(actor, "user.setLeader", user);
  const group = await findGroup({ id: groupId });
  if (!group) httpError(404);
  await db.$transaction(async (tx) => {
    if (isLeader) {
      await tx.membership.upsert({
        where: { userId_groupId: { userId, groupId } },
        create: { userId, groupId, isLeader: true },
        update: { isLeader: true },
      });
    } else {
      await tx.membership.updateMany({ where: { userId, groupId }, data: { isLeader: false } });
    }
    await audit(tx, actor.id, isLeader ? "group.leader.add" : "group.leader.remove", userId, { groupId });
  });
  return { user, group };
}

/** One's e-mail choices, each kind filled in with its default. */
export async function getMailPreferences(actor: Actor) {
  assertCan(actor, "profile.edit", { id: actor.id });
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { mailPrefs: true, digest: true } });
  return { choices: mailPreferences(user.mailPrefs), digest: isDigestFrequency(user.digest) ? user.digest : "DAILY" };
}

export async function updateMailPreferences(
  actor: Actor,
  input: { choices: Record<MailKind, MailChoice>; digest: DigestFrequency },
) {
  assertCan(actor, "profile.edit", { id: actor.id });
  await db.user.update({
    where: { id: actor.id },
    data: { mailPrefs: JSON.stringify(input.choices), digest: input.digest },
  });
}

export async function updateProfile(actor: Actor, input: { displayName: string; office: string; locale: Locale }) {
  assertCan(actor, "profile.edit", { id: actor.id });
  await db.user.update({ where: { id: actor.id }, data: input });
}

/** Whether the person signs in with the municipality's directory: their password is changed there. */
export async function isDirectoryAccount(actor: Actor) {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { directoryDn: true } });
  return Boolean(user?.directoryDn);
}

/**
 * Changes one's own password after checking the current one; every other session of the
 * person ends (a stolen session does not survive a password change).
 */
export async function changePassword(
  actor: Actor,
  currentSessionId: string,
  input: { currentPassword: string; password: string },
): Promise<{ ok: true } | { ok: false; fieldErrors: FieldErrors }> {
  assertCan(actor, "profile.edit", { id: actor.id });
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { email: true, passwordHash: true },
  });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { ok: false, fieldErrors: { currentPassword: { key: "v.currentPasswordWrong" } } };
  }
  const problem = passwordProblem(input.password, user.email);
  if (problem) return { ok: false, fieldErrors: { password: { key: problem } } };
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
    await endUserSessions(actor.id, { except: currentSessionId, tx });
  });
  return { ok: true };
}
