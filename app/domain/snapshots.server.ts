import type { Actor } from "~/lib/actor";
import { db } from "~/lib/db/client.server";
import { httpError } from "~/lib/http.server";
import { audit } from "./audit.server";
import type { SnapshotData } from "./board";
import type { ObjectiveState } from "./objectives";
import { decisionsBetween, groupSummaries, ideasByStatusAsOf, objectivesAsOf } from "./board.server";
import { assertCan } from "./policy.server";

/**
 * Meeting snapshots: the board's figures frozen for a meeting with the same code that computes
 * them live (decision 0009), immutable in the database (triggers refuse UPDATE and DELETE), and
 * compared two at a time.
 */

/** Freezes the state for a meeting: figures, decisions since the previous snapshot, objectives. */
export async function freezeSnapshot(actor: Actor, input: { meetingDate: string; notes: string }, asOf = new Date()) {
  assertCan(actor, "board.freeze");
  const previous = await db.snapshot.findFirst({
    where: { createdAt: { lt: asOf } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const { objectives, lastUpdates } = await objectivesAsOf(asOf);
  const data: SnapshotData = {
    groups: await groupSummaries(objectives, lastUpdates, asOf),
    ideasByStatus: await ideasByStatusAsOf(asOf),
    decisions: await decisionsBetween(previous?.createdAt ?? null, asOf),
    objectives,
    asOf: asOf.toISOString(),
  };
  return db.$transaction(async (tx) => {
    const snapshot = await tx.snapshot.create({
      data: {
        meetingDate: input.meetingDate,
        notes: input.notes,
        data: JSON.stringify(data),
        createdById: actor.id,
        createdAt: asOf,
      },
      select: { id: true },
    });
    await audit(tx, actor.id, "snapshot.freeze", snapshot.id, { meetingDate: input.meetingDate });
    return snapshot;
  });
}

export function listSnapshots() {
  return db.snapshot.findMany({
    orderBy: [{ createdAt: "desc" }],
    select: { id: true, meetingDate: true, createdAt: true, notes: true, createdBy: { select: { displayName: true } } },
  });
}

export async function getSnapshot(id: string) {
  const snapshot = await db.snapshot.findUnique({
    where: { id },
    include: { createdBy: { select: { displayName: true } } },
  });
  if (!snapshot) return null;
  const { data, ...rest } = snapshot;
  return { ...rest, data: JSON.parse(data) as SnapshotData };
}

/**
 * What moved between two snapshots (the older one first, whichever order they are given in).
 * "Slipped" means the expected end moved later (forecast, or due day when there is no forecast);
 * an objective that only became late, with its dates unchanged, is listed apart.
 */
export async function compareSnapshots(aId: string, bId: string) {
  if (aId === bId) httpError(404, "board.compareSame");
  const [x, y] = await Promise.all([getSnapshot(aId), getSnapshot(bId)]);
  if (!x || !y) httpError(404, "board.snapshotUnknown");
  const [a, b] = x.createdAt <= y.createdAt ? [x, y] : [y, x];
  const before = new Map(a.data.objectives.map((o) => [o.id, o]));
  const end = (o: ObjectiveState) => o.forecastOn ?? o.dueOn;
  const both = b.data.objectives.filter((o) => before.has(o.id)).map((o) => ({ now: o, then: before.get(o.id)! }));
  const slipped = both.filter(({ now, then }) => end(now) > end(then));
  const becameLate = both.filter(({ now, then }) => now.late && !then.late && end(now) <= end(then));
  const completed = b.data.objectives.filter(
    (o) => o.status === "COMPLETATO" && before.get(o.id)?.status !== "COMPLETATO",
  );
  const added = b.data.objectives.filter((o) => !before.has(o.id));
  const groups = b.data.groups.map((group) => ({
    now: group,
    then: a.data.groups.find((g) => g.id === group.id) ?? null,
  }));
  const decisions = await decisionsBetween(a.createdAt, b.createdAt);
  return { a, b, groups, slipped, becameLate, completed, added, decisions };
}
