import { httpError } from "~/lib/http.server";
import { db } from "~/lib/db.server";
import { audit } from "./audit.server";
import { assertCan } from "./policy";
import type { Actor } from "./roles";

const memberSelect = {
  isLeader: true,
  joinedAt: true,
  user: { select: { id: true, displayName: true, office: true } },
} as const;

/** The groups in their order, each with its leaders and member count (home and /gruppi). */
export async function listGroups() {
  const groups = await db.workingGroup.findMany({
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      colour: true,
      _count: { select: { memberships: { where: { user: { active: true } } } } },
      memberships: {
        where: { isLeader: true, user: { active: true } },
        orderBy: { user: { displayName: "asc" } },
        select: { user: { select: { id: true, displayName: true } } },
      },
    },
  });
  return groups.map(({ _count, memberships, ...group }) => ({
    ...group,
    memberCount: _count.memberships,
    leaders: memberships.map((m) => m.user),
  }));
}

/** One group with its active members, leaders first. */
export async function getGroupBySlug(slug: string) {
  const group = await db.workingGroup.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      colour: true,
      memberships: {
        where: { user: { active: true } },
        orderBy: [{ isLeader: "desc" }, { user: { displayName: "asc" } }],
        select: memberSelect,
      },
    },
  });
  if (!group) return null;
  const { memberships, ...rest } = group;
  return {
    ...rest,
    members: memberships.map((m) => ({ ...m.user, isLeader: m.isLeader, joinedAt: m.joinedAt })),
  };
}

export async function findGroupBySlug(slug: string) {
  return db.workingGroup.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
}

export async function findGroup(id: string) {
  return db.workingGroup.findUnique({ where: { id }, select: { id: true, name: true, slug: true } });
}

/** Voluntary: anyone but an observer joins; joining twice is harmless. */
export async function joinGroup(actor: Actor, groupId: string) {
  const group = await findGroup(groupId);
  if (!group) httpError(404);
  if (actor.memberOf.includes(groupId)) return group;
  assertCan(actor, "group.join", group);
  await db.membership.upsert({
    where: { userId_groupId: { userId: actor.id, groupId } },
    create: { userId: actor.id, groupId },
    update: {},
  });
  return group;
}

/** Leaving also ends a leadership of that group. */
export async function leaveGroup(actor: Actor, groupId: string) {
  const group = await findGroup(groupId);
  if (!group) httpError(404);
  if (!actor.memberOf.includes(groupId)) return group;
  assertCan(actor, "group.leave", group);
  await db.$transaction(async (tx) => {
    const removed = await tx.membership.deleteMany({ where: { userId: actor.id, groupId, isLeader: true } });
    await tx.membership.deleteMany({ where: { userId: actor.id, groupId } });
    if (removed.count > 0) await audit(tx, actor.id, "group.leader.remove", actor.id, { groupId, reason: "left" });
  });
  return group;
}

export async function listGroupsForAdmin(actor: Actor) {
  assertCan(actor, "user.list");
  return db.workingGroup.findMany({
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, slug: true, name: true, description: true, colour: true, position: true },
  });
}

export async function updateGroup(
  actor: Actor,
  input: { groupId: string; name: string; description: string; colour: string; position: number },
) {
  const group = await db.workingGroup.findUnique({
    where: { id: input.groupId },
    select: { id: true, name: true, description: true, colour: true, position: true },
  });
  if (!group) httpError(404);
  assertCan(actor, "group.edit", group);
  const { groupId, ...data } = input;
  await db.$transaction(async (tx) => {
    await tx.workingGroup.update({ where: { id: groupId }, data });
    await audit(tx, actor.id, "group.update", groupId, { from: group, to: data });
  });
  return { ...group, ...data };
}
