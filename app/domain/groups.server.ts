import { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/lib/actor";
import { whileUnchanged } from "~/lib/db/cache.server";
import { db } from "~/lib/db/client.server";
import { reader } from "~/lib/db/fast.server";
import { httpError } from "~/lib/http.server";
import { audit } from "./audit.server";
import { assertCan } from "./policy.server";

/**
 * The five working groups (any colleague joins voluntarily): choices for forms and filters, the
 * list with leaders and counts, a group's page, joining and leaving, the admin's edits. Read on
 * every page that lists groups, so on the read connection and cached (decision 0013).
 */

/** A group's active members (deactivated accounts keep their membership but do not count). */
const ACTIVE_MEMBERS = Prisma.sql`"Membership" m JOIN "User" u ON u."id" = m."userId" AND u."active" = 1`;

/**
 * The groups as choices (filters, forms, lanes): no counts. Read by every list of ideas, so kept
 * until the content changes (shared by every request: read-only).
 */
export function groupOptions(): Promise<readonly { id: string; slug: string; name: string; colour: string }[]> {
  return whileUnchanged("group-options", async () =>
    reader().all<{ id: string; slug: string; name: string; colour: string }>(
      Prisma.sql`SELECT "id", "slug", "name", "colour" FROM "WorkingGroup" ORDER BY "position", "name"`,
    ),
  );
}

/**
 * The groups in their order, each with its leaders and member count (home and /gruppi): one
 * statement, counting thousands of memberships, so kept until the content changes.
 */
export function listGroups() {
  return whileUnchanged("groups", async () => readGroups());
}

function readGroups() {
  const rows = reader().all<{
    id: string;
    slug: string;
    name: string;
    description: string;
    colour: string;
    memberCount: number;
    leaders: string;
  }>(Prisma.sql`
    SELECT g."id", g."slug", g."name", g."description", g."colour",
           (SELECT COUNT(*) FROM ${ACTIVE_MEMBERS} WHERE m."groupId" = g."id") AS "memberCount",
           (SELECT json_group_array(json_object('id', l."id", 'displayName', l."displayName")) FROM (
              SELECT u."id", u."displayName" FROM ${ACTIVE_MEMBERS}
              WHERE m."groupId" = g."id" AND m."isLeader" = 1 ORDER BY u."displayName") l) AS "leaders"
    FROM "WorkingGroup" g
    ORDER BY g."position", g."name"`);
  return rows.map(({ leaders, ...group }) => ({
    ...group,
    leaders: JSON.parse(leaders) as { id: string; displayName: string }[],
  }));
}

/**
 * A group's page: its active members, leaders first, at most `memberLimit` of them (and how many
 * in all). Memberships change seldom and a group has a thousand members at scale: the group and
 * its count come from the cached list, the members are kept until the content changes.
 */
export async function getGroupPage(slug: string, memberLimit = Number.MAX_SAFE_INTEGER) {
  const group = (await listGroups()).find((candidate) => candidate.slug === slug);
  if (!group) return null;
  const limit = Math.min(memberLimit, 100_000);
  const members = await whileUnchanged(`group.members.${group.id}.${limit}`, async () =>
    reader().all<{ id: string; displayName: string; office: string; isLeader: boolean; joinedAt: Date }>(
      Prisma.sql`
        SELECT u."id", u."displayName", u."office", m."isLeader", m."joinedAt"
        FROM ${ACTIVE_MEMBERS}
        WHERE m."groupId" = ${group.id}
        ORDER BY m."isLeader" DESC, u."displayName", u."id"
        LIMIT ${limit}`,
      { isLeader: "boolean", joinedAt: "date" },
    ),
  );
  const { id, name, description, colour, memberCount } = group;
  return { id, slug: group.slug, name, description, colour, memberCount, members };
}

/** The one way to find a group, by id or by its address (slug): null when there is none. */
export async function findGroup(key: { id: string } | { slug: string }) {
  const groups = await groupOptions();
  return groups.find((group) => ("id" in key ? group.id === key.id : group.slug === key.slug)) ?? null;
}

/** Voluntary: anyone but an observer joins; joining twice is harmless. */
export async function joinGroup(actor: Actor, groupId: string) {
  const group = await findGroup({ id: groupId });
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
  const group = await findGroup({ id: groupId });
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
