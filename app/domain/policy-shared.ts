import type { Actor } from "~/lib/actor";

/**
 * The part of the policy (policy.ts) that components in the browser ask: the navigation (the
 * administrator's link), joining and leaving a group, and a comment's controls. Apart from the
 * whole table so that every page's JavaScript carries these few rules, not all of them (the whole
 * table had grown to 1.2 KB gzipped on every page, decision 0031). policy.ts spreads them into the
 * one table that the server and tests/unit/policy.test.ts use.
 */

export type GroupRef = { id: string };
export type UserRef = { id: string };
type CommentRef = {
  authorId: string | null;
  ideaGroupId: string;
  deletedAt: Date | string | null;
  hiddenAt: Date | string | null;
};

export type SharedRules = {
  "group.join": GroupRef;
  "group.leave": GroupRef;
  /** the admin's user list, invitations, roles, activation, leaders */
  "user.list": undefined;
  "comment.edit": CommentRef;
  "comment.delete": CommentRef;
  "comment.hide": CommentRef;
  "comment.report": CommentRef;
};

export const isAdmin = (actor: Actor) => actor.role === "ADMIN";
export const canWrite = (actor: Actor) => actor.role !== "OSSERVATORE";
export const isBoard = (actor: Actor) => actor.role === "CABINA";
export const leads = (actor: Actor, groupId: string) => actor.leaderOf.includes(groupId);
const live = (comment: CommentRef) => !comment.deletedAt && !comment.hiddenAt;

export const sharedRules: { [A in keyof SharedRules]: (actor: Actor, resource: SharedRules[A]) => boolean } = {
  "group.join": (actor, group) => canWrite(actor) && !actor.memberOf.includes(group.id),
  "group.leave": (actor, group) => actor.memberOf.includes(group.id),
  "user.list": isAdmin,
  "comment.edit": (actor, comment) => comment.authorId === actor.id && live(comment),
  "comment.delete": (actor, comment) => comment.authorId === actor.id && live(comment),
  // Leaders moderate their group's discussions; the board and the admin every group's.
  "comment.hide": (actor, comment) =>
    live(comment) && (leads(actor, comment.ideaGroupId) || isBoard(actor) || isAdmin(actor)),
  "comment.report": (actor, comment) => canWrite(actor) && live(comment) && comment.authorId !== actor.id,
};

/** The browser's `can`: the same answer as policy.ts's for these rules. */
export function can<A extends keyof SharedRules>(
  actor: Actor | null | undefined,
  action: A,
  ...resource: SharedRules[A] extends undefined ? [] : [SharedRules[A]]
): boolean {
  if (!actor || !actor.active) return false;
  const rule = sharedRules[action] as (actor: Actor, resource: SharedRules[A] | undefined) => boolean;
  return rule(actor, resource[0]);
}
