import { romeDayBounds } from "~/lib/dates";
import { db } from "~/lib/db.server";
import { httpError } from "~/lib/http.server";
import { audit } from "./audit.server";
import { assertCan } from "./policy";
import type { Actor } from "./roles";

/** Phases are stored as instants: from the start of their first day to the end of the last, in Rome. */
function romeBounds(startOn: string, endOn: string) {
  return { startsOn: romeDayBounds(startOn).start, endsOn: romeDayBounds(endOn).end };
}

type PhaseInput = { name: string; description: string; startOn: string; endOn: string; position: number };

export async function createPhase(actor: Actor, input: PhaseInput) {
  assertCan(actor, "timeline.manage");
  const { startOn, endOn, ...rest } = input;
  await db.$transaction(async (tx) => {
    const phase = await tx.phase.create({ data: { ...rest, ...romeBounds(startOn, endOn) } });
    await audit(tx, actor.id, "phase.create", phase.id, input);
  });
}

export async function updatePhase(actor: Actor, id: string, input: PhaseInput) {
  assertCan(actor, "timeline.manage");
  const phase = await db.phase.findUnique({ where: { id }, select: { id: true } });
  if (!phase) httpError(404);
  const { startOn, endOn, ...rest } = input;
  await db.$transaction(async (tx) => {
    await tx.phase.update({ where: { id }, data: { ...rest, ...romeBounds(startOn, endOn) } });
    await audit(tx, actor.id, "phase.update", id, input);
  });
}

export async function deletePhase(actor: Actor, id: string) {
  assertCan(actor, "timeline.manage");
  await db.$transaction(async (tx) => {
    const removed = await tx.phase.deleteMany({ where: { id } });
    if (removed.count === 0) httpError(404);
    await audit(tx, actor.id, "phase.delete", id, {});
  });
}

/** Pins a phase as current whatever its dates (or unpins, with id null): at most one is pinned. */
export async function pinPhase(actor: Actor, id: string | null) {
  assertCan(actor, "timeline.manage");
  if (id && !(await db.phase.findUnique({ where: { id }, select: { id: true } }))) httpError(404);
  await db.$transaction(async (tx) => {
    await tx.phase.updateMany({ where: { pinned: true }, data: { pinned: false } });
    if (id) await tx.phase.update({ where: { id }, data: { pinned: true } });
    await audit(tx, actor.id, "phase.pin", id, {});
  });
}

export async function createMilestone(actor: Actor, input: { title: string; date: string; groupId: string }) {
  assertCan(actor, "timeline.manage");
  const groupId = input.groupId || null;
  if (groupId && !(await db.workingGroup.findUnique({ where: { id: groupId }, select: { id: true } })))
    httpError(400, "objectives.groupInvalid");
  await db.$transaction(async (tx) => {
    const milestone = await tx.milestone.create({ data: { title: input.title, date: input.date, groupId } });
    await audit(tx, actor.id, "milestone.create", milestone.id, input);
  });
}

export async function deleteMilestone(actor: Actor, id: string) {
  assertCan(actor, "timeline.manage");
  await db.$transaction(async (tx) => {
    const removed = await tx.milestone.deleteMany({ where: { id } });
    if (removed.count === 0) httpError(404);
    await audit(tx, actor.id, "milestone.delete", id, {});
  });
}
