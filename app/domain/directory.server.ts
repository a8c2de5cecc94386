import type { Actor, Role } from "~/lib/actor";
import { endUserSessions } from "~/lib/auth.server";
import { db } from "~/lib/db/client.server";
import { env } from "~/lib/env.server";
import { httpError } from "~/lib/http.server";
import { checkPassword, DirectoryUnavailable, findPerson, readPeople, type DirectoryPerson } from "~/lib/ldap.server";
import { cleanText } from "~/lib/text";
import { audit } from "./audit.server";
import { joinInvitedGroups } from "./invitations.server";
import { assertCan } from "./policy.server";
import { log } from "~/lib/log.server";

/**
 * Accounts that follow the municipality's directory (docs/decisions/0019-directory-sign-in.md):
 * the first sign-in makes the account, later ones refresh name, office and role; a person the
 * directory no longer has, or has disabled, loses access at their next sign-in and at the
 * periodic check. An account with a password of its own here stays local: the directory never
 * takes it over, even with the same e-mail.
 */

export { DirectoryUnavailable };

export function directoryEnabled() {
  return env.ldap !== null;
}

/** The role the directory's groups give, or null when no group is mapped (the role is then Pionieri's). */
function roleOf(person: DirectoryPerson): Role | null {
  const groups = env.ldap!.groups;
  const mapped = Object.entries(groups).filter(([, dn]) => dn);
  if (mapped.length === 0) return null;
  for (const [role, dn] of mapped) if (person.groups.includes(dn!)) return role as Role;
  return "DIPENDENTE";
}

function displayNameOf(person: DirectoryPerson) {
  const name = cleanText(`${person.givenName} ${person.surname}`).replace(/\s+/g, " ").trim();
  return (name || person.email.split("@")[0]!).slice(0, 80);
}

/** Switches an account off because the directory says so; its sessions end now. */
async function deactivate(userId: string, reason: "missing" | "disabled") {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { active: false, deactivatedAt: new Date() } });
    await endUserSessions(userId, { tx });
    await audit(tx, null, "user.directory.deactivate", userId, { cause: reason });
  });
}

export type DirectorySignIn =
  | { kind: "ok"; userId: string }
  | { kind: "failed" }
  /** The e-mail belongs to an account with its own password here: it signs in with that. */
  | { kind: "local" };

/**
 * A sign-in through the directory: the person the identifier names, their password checked by a
 * bind as them, then their account here made or brought up to date. Throws DirectoryUnavailable.
 */
export async function signInWithDirectory(identifier: string, password: string): Promise<DirectorySignIn> {
  const person = await findPerson(identifier);
  if (!person) {
    // Gone from the directory: an account that signed in there with this e-mail is switched off.
    if (identifier.includes("@")) {
      const left = await db.user.findFirst({
        where: { email: identifier.toLowerCase(), directoryDn: { not: null }, active: true },
        select: { id: true },
      });
      if (left) await deactivate(left.id, "missing");
    }
    return { kind: "failed" };
  }
  if (!person.email || !(await checkPassword(person.dn, password))) return { kind: "failed" };
  const existing = await db.user.findFirst({
    where: { OR: [{ directoryDn: person.dn }, { email: person.email }] },
    select: { id: true, email: true, role: true, active: true, passwordHash: true, directoryDn: true },
  });
  if (person.disabled) {
    if (existing?.directoryDn && existing.active) await deactivate(existing.id, "disabled");
    return { kind: "failed" };
  }
  if (existing && !existing.directoryDn && existing.passwordHash) return { kind: "local" };
  if (existing && !existing.active) return { kind: "failed" };
  const role = roleOf(person);
  const profile = { displayName: displayNameOf(person), office: cleanText(person.office).slice(0, 80) };
  return db.$transaction(async (tx) => {
    if (!existing) {
      const user = await tx.user.create({
        data: { email: person.email, ...profile, role: role ?? "DIPENDENTE", directoryDn: person.dn },
        select: { id: true },
      });
      await audit(tx, null, "user.directory.create", user.id, { email: person.email, role: role ?? "DIPENDENTE" });
      // An invitation that waited for this address (from an import, say) is used up: the directory
      // made the account; the groups it named are joined as at its acceptance.
      const waiting = await tx.invitation.findMany({
        where: { email: person.email, usedAt: null, userId: null, expiresAt: { gt: new Date() } },
        select: { groupIds: true },
      });
      await joinInvitedGroups(
        tx,
        user.id,
        waiting.map((i) => i.groupIds),
      );
      await tx.invitation.updateMany({
        where: { email: person.email, usedAt: null, userId: null },
        data: { usedAt: new Date(), userId: user.id },
      });
      return { kind: "ok" as const, userId: user.id };
    }
    await tx.user.update({
      where: { id: existing.id },
      data: { ...profile, directoryDn: person.dn, passwordHash: null, ...(role ? { role } : {}) },
    });
    if (role && role !== existing.role)
      await audit(tx, null, "user.directory.role", existing.id, { from: existing.role, to: role });
    return { kind: "ok" as const, userId: existing.id };
  });
}

export type DirectoryCheck = {
  at: string;
  checked: number;
  deactivated: { email: string; reason: "missing" | "disabled" }[];
  roleChanges: number;
  error: string | null;
};

/**
 * The periodic check: every active directory account is read again; those the directory no longer
 * has or has disabled are switched off, roles follow the mapped groups. What it did is kept for
 * the administrator's page.
 */
async function checkDirectoryAccounts(now = new Date()): Promise<DirectoryCheck> {
  const accounts = await db.user.findMany({
    where: { active: true, directoryDn: { not: null } },
    select: { id: true, email: true, role: true, directoryDn: true },
  });
  const result: DirectoryCheck = {
    at: now.toISOString(),
    checked: accounts.length,
    deactivated: [],
    roleChanges: 0,
    error: null,
  };
  try {
    const people = await readPeople(accounts.map((a) => a.directoryDn!));
    for (const account of accounts) {
      const person = people.get(account.directoryDn!);
      if (!person || person.disabled) {
        const reason = person ? "disabled" : "missing";
        await deactivate(account.id, reason);
        result.deactivated.push({ email: account.email, reason });
        continue;
      }
      const role = roleOf(person);
      if (role && role !== account.role) {
        await db.$transaction(async (tx) => {
          await tx.user.update({ where: { id: account.id }, data: { role } });
          await audit(tx, null, "user.directory.role", account.id, { from: account.role, to: role });
        });
        result.roleChanges++;
      }
    }
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  }
  await db.setting.upsert({
    where: { key: "directory-check" },
    create: { key: "directory-check", value: JSON.stringify(result) },
    update: { value: JSON.stringify(result) },
  });
  return result;
}

/** The administrator's «Controlla ora». */
export async function checkDirectoryNow(actor: Actor) {
  assertCan(actor, "directory.check");
  if (!env.ldap) httpError(404);
  return checkDirectoryAccounts();
}

export async function lastDirectoryCheck(): Promise<DirectoryCheck | null> {
  const row = await db.setting.findUnique({ where: { key: "directory-check" }, select: { value: true } });
  return row ? (JSON.parse(row.value) as DirectoryCheck) : null;
}

let timer: NodeJS.Timeout | null = null;

/** The check runs a minute after start, then every LDAP_CHECK_MINUTES. */
export function startDirectoryCheck() {
  if (!env.ldap) return;
  const run = () =>
    void checkDirectoryAccounts().catch((error: unknown) =>
      log.error({ err: error }, "Directory: controllo non riuscito"),
    );
  timer = setTimeout(() => {
    run();
    timer = setInterval(run, env.ldap!.checkMinutes * 60_000);
    timer.unref();
  }, 60_000);
  timer.unref();
}
