import type { Actor } from "./roles";

/**
 * Every permission rule of Pionieri, as pure functions. Domain functions call `assertCan`
 * before writing; the UI calls `can` to show or hide a control. Unit-tested as a table in
 * tests/unit/policy.test.ts.
 */

type GroupRef = { id: string };
type UserRef = { id: string };

type Rules = {
  /** read the intranet at all (every page behind login) */
  "intranet.read": undefined;
  "group.join": GroupRef;
  "group.leave": GroupRef;
  /** the admin's user list, invitations, roles, activation, leaders */
  "user.list": undefined;
  "user.invite": undefined;
  "user.changeRole": UserRef;
  "user.setActive": UserRef;
  "user.resetAccess": UserRef;
  "user.setLeader": UserRef;
  "group.edit": GroupRef;
  "profile.edit": UserRef;
};

export type Action = keyof Rules;

const isAdmin = (actor: Actor) => actor.role === "ADMIN";
const canWrite = (actor: Actor) => actor.role !== "OSSERVATORE";
const self = (actor: Actor, user: UserRef) => actor.id === user.id;

const rules: { [A in Action]: (actor: Actor, resource: Rules[A]) => boolean } = {
  "intranet.read": () => true,
  "group.join": (actor, group) => canWrite(actor) && !actor.memberOf.includes(group.id),
  "group.leave": (actor, group) => actor.memberOf.includes(group.id),
  "user.list": isAdmin,
  "user.invite": isAdmin,
  // An admin cannot demote or deactivate themselves: the project would risk having no admin.
  "user.changeRole": (actor, user) => isAdmin(actor) && !self(actor, user),
  "user.setActive": (actor, user) => isAdmin(actor) && !self(actor, user),
  "user.resetAccess": isAdmin,
  "user.setLeader": isAdmin,
  "group.edit": isAdmin,
  "profile.edit": (actor, user) => self(actor, user),
};

export function can<A extends Action>(
  actor: Actor | null | undefined,
  action: A,
  ...resource: Rules[A] extends undefined ? [] : [Rules[A]]
): boolean {
  if (!actor || !actor.active) return false;
  const rule = rules[action] as (actor: Actor, resource: Rules[A] | undefined) => boolean;
  return rule(actor, resource[0]);
}

/** Throws a 403 Response (rendered by the error boundary) when the actor may not act. */
export function assertCan<A extends Action>(
  actor: Actor | null | undefined,
  action: A,
  ...resource: Rules[A] extends undefined ? [] : [Rules[A]]
): asserts actor is Actor {
  if (!can(actor, action, ...resource)) {
    throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  }
}
