import { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db/client.server";
import { whileUnchanged } from "~/lib/db/cache.server";
import { reader } from "~/lib/db/fast.server";
import { httpError } from "~/lib/http.server";
import { audit } from "./audit.server";
import type { TagKind } from "./ideas";
import { assertCan } from "./policy.server";
import type { Actor } from "~/lib/actor";

/**
 * The themes, in their order: read by every list of ideas, so kept until the content changes
 * (shared by every request: read-only).
 */
export function listTags(): Promise<readonly { id: string; kind: string; name: string; position: number }[]> {
  return whileUnchanged("tags", async () =>
    reader().all<{ id: string; kind: string; name: string; position: number }>(
      Prisma.sql`SELECT "id", "kind", "name", "position" FROM "Tag" ORDER BY "kind", "position", "name"`,
    ),
  );
}

/** The themes as the admin manages them: how many ideas carry each (what deleting it would touch). */
export async function listTagsWithUse(actor: Actor) {
  assertCan(actor, "tag.manage");
  const tags = await db.tag.findMany({
    orderBy: [{ kind: "asc" }, { position: "asc" }, { name: "asc" }],
    select: { id: true, kind: true, name: true, _count: { select: { ideas: true } } },
  });
  return tags.map(({ _count, ...tag }) => ({ ...tag, ideas: _count.ideas }));
}

export async function addTag(actor: Actor, input: { kind: TagKind; name: string }) {
  assertCan(actor, "tag.manage");
  const exists = await db.tag.findUnique({ where: { kind_name: input }, select: { id: true } });
  if (exists) return { ok: false as const };
  const last = await db.tag.aggregate({ where: { kind: input.kind }, _max: { position: true } });
  await db.$transaction(async (tx) => {
    const tag = await tx.tag.create({ data: { ...input, position: (last._max.position ?? 0) + 1 } });
    await audit(tx, actor.id, "tag.create", tag.id, input);
  });
  return { ok: true as const };
}

export async function renameTag(actor: Actor, id: string, name: string) {
  assertCan(actor, "tag.manage");
  const tag = await db.tag.findUnique({ where: { id }, select: { kind: true, name: true } });
  if (!tag) httpError(404);
  const clash = await db.tag.findUnique({ where: { kind_name: { kind: tag.kind, name } }, select: { id: true } });
  if (clash && clash.id !== id) return { ok: false as const };
  await db.$transaction(async (tx) => {
    await tx.tag.update({ where: { id }, data: { name } });
    await audit(tx, actor.id, "tag.rename", id, { from: tag.name, to: name });
  });
  return { ok: true as const };
}

/** Removing a theme takes it off the ideas that carried it; the ideas stay. */
export async function deleteTag(actor: Actor, id: string) {
  assertCan(actor, "tag.manage");
  const tag = await db.tag.findUnique({ where: { id }, select: { name: true } });
  if (!tag) httpError(404);
  await db.$transaction(async (tx) => {
    await tx.tag.delete({ where: { id } });
    await audit(tx, actor.id, "tag.delete", id, { name: tag.name });
  });
}
