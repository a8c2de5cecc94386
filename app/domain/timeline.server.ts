import { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/lib/actor";
import { romeDay, romeDayBounds } from "~/lib/dates";
import { contentVersion, whileUnchanged } from "~/lib/db/cache.server";
import { db } from "~/lib/db/client.server";
import { reader } from "~/lib/db/fast.server";
import { today as todayInRome, type Day } from "~/lib/days";
import { httpError } from "~/lib/http.server";
import { audit } from "./audit.server";
import { findGroup } from "./groups.server";
import { isLate, needsUpdate, type ObjectiveStatus } from "./objectives";
import { assertCan } from "./policy.server";

/**
 * The crono-programma (decision 0008): the project's phases and the current one, milestones, and
 * everything the shared timeline draws. Its reads run on every page (the phase banner) and on the
 * timeline at any scale, so they are SQL on the read connection (decision 0013); its writes are
 * the board's, through Prisma.
 */

/**
 * The phase the project is in: the one the board pinned; otherwise the one whose dates
 * include now; between phases, the last one that started; before the first, the first.
 */
export async function currentPhase(now = new Date()) {
  // Phases run from the start of a Rome day to the end of one: the answer changes with the day
  // or with the phases, so it is kept for the day while nothing is written (every page asks).
  return whileUnchanged(
    `phase.${romeDay(now)}`,
    async () =>
      reader().get<{ id: string; name: string; endsOn: Date }>(
        Prisma.sql`
      SELECT "id", "name", "endsOn" FROM "Phase"
      ORDER BY "pinned" DESC,
               ("startsOn" <= ${now} AND "endsOn" >= ${now}) DESC,
               ("startsOn" <= ${now}) DESC,
               CASE WHEN "startsOn" <= ${now} THEN "startsOn" END DESC,
               "startsOn" ASC
      LIMIT 1`,
        { endsOn: "date" },
      ) ?? null,
  );
}

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
    const phase = await tx.phase.findUnique({ where: { id }, select: { name: true } });
    if (!phase) httpError(404);
    await tx.phase.delete({ where: { id } });
    await audit(tx, actor.id, "phase.delete", id, { name: phase.name });
  });
}

/** Pins a phase as current whatever its dates (or unpins, with id null): at most one is pinned. */
export async function pinPhase(actor: Actor, id: string | null) {
  assertCan(actor, "timeline.manage");
  const phase = id ? await db.phase.findUnique({ where: { id }, select: { name: true } }) : null;
  if (id && !phase) httpError(404);
  await db.$transaction(async (tx) => {
    await tx.phase.updateMany({ where: { pinned: true }, data: { pinned: false } });
    if (id) await tx.phase.update({ where: { id }, data: { pinned: true } });
    await audit(tx, actor.id, "phase.pin", id, phase ? { name: phase.name } : {});
  });
}

type MilestoneInput = { title: string; date: string; groupId: string };

export async function createMilestone(actor: Actor, input: MilestoneInput) {
  assertCan(actor, "timeline.manage");
  const groupId = input.groupId || null;
  if (groupId && !(await findGroup({ id: groupId }))) httpError(400, "objectives.groupInvalid");
  await db.$transaction(async (tx) => {
    const milestone = await tx.milestone.create({ data: { title: input.title, date: input.date, groupId } });
    await audit(tx, actor.id, "milestone.create", milestone.id, input);
  });
}

export async function updateMilestone(actor: Actor, id: string, input: MilestoneInput) {
  assertCan(actor, "timeline.manage");
  const groupId = input.groupId || null;
  if (groupId && !(await findGroup({ id: groupId }))) httpError(400, "objectives.groupInvalid");
  await db.$transaction(async (tx) => {
    const updated = await tx.milestone.updateMany({
      where: { id },
      data: { title: input.title, date: input.date, groupId },
    });
    if (updated.count === 0) httpError(404);
    await audit(tx, actor.id, "milestone.update", id, input);
  });
}

export async function deleteMilestone(actor: Actor, id: string) {
  assertCan(actor, "timeline.manage");
  await db.$transaction(async (tx) => {
    const milestone = await tx.milestone.findUnique({ where: { id }, select: { title: true } });
    if (!milestone) httpError(404);
    await tx.milestone.delete({ where: { id } });
    await audit(tx, actor.id, "milestone.delete", id, { title: milestone.title });
  });
}

/** `from`/`to` (calendar days): only the objectives that overlap the window shown. */
export type TimelineFilters = { groupId?: string; status?: ObjectiveStatus; from?: Day; to?: Day };

/**
 * Everything the crono-programma draws: phases, milestones and objectives with their flags, kept
 * while nothing is written (the flags change with the day). `drawing` names the view and the
 * version of its data, for the page's kept markup (components/cached-fragment.tsx): the version
 * is read before the data, so that a write landing in between makes the next request draw
 * again, never keeps old data under a new version.
 */
export async function timelineData(filters: TimelineFilters = {}) {
  const now = new Date();
  const today = todayInRome(now);
  const view = [today, filters.groupId ?? "", filters.status ?? "", filters.from ?? "", filters.to ?? ""].join("|");
  const drawing = { view: `timeline|${view}`, version: String(contentVersion()) };
  const data = await whileUnchanged(`timeline|${view}`, async () => readTimeline(filters, now, today));
  return { ...data, drawing };
}

/**
 * What a page's kept drawing of the timeline reads: the objectives and the groups' lanes, which
 * the crono-programma and a group's page leave in the load context (decision 0041).
 */
export type TimelineDrawing = Pick<Awaited<ReturnType<typeof timelineData>>, "objectives" | "groups">;

function readTimeline(filters: TimelineFilters, now: Date, today: Day) {
  // Read on the fast path: four statements, whatever the size of the window.
  const read = reader();
  const phases = read.all<{
    id: string;
    name: string;
    description: string;
    startsOn: Date;
    endsOn: Date;
    pinned: boolean;
    position: number;
  }>(
    Prisma.sql`SELECT "id", "name", "description", "startsOn", "endsOn", "pinned", "position"
      FROM "Phase" ORDER BY "startsOn"`,
    { startsOn: "date", endsOn: "date", pinned: "boolean" },
  );
  const milestones = read.all<{
    id: string;
    title: string;
    date: string;
    groupId: string | null;
    groupName: string | null;
  }>(
    Prisma.sql`
    SELECT m."id", m."title", m."date", m."groupId", g."name" AS "groupName"
    FROM "Milestone" m LEFT JOIN "WorkingGroup" g ON g."id" = m."groupId"
    WHERE ${filters.groupId ? Prisma.sql`(m."groupId" IS NULL OR m."groupId" = ${filters.groupId})` : Prisma.sql`1 = 1`}
    ORDER BY m."date", m."id"`,
  );
  const where: Prisma.Sql[] = [Prisma.sql`1 = 1`];
  if (filters.groupId) where.push(Prisma.sql`o."groupId" = ${filters.groupId}`);
  if (filters.status) where.push(Prisma.sql`o."status" = ${filters.status}`);
  if (filters.to) where.push(Prisma.sql`o."startOn" <= ${filters.to}`);
  if (filters.from)
    where.push(
      Prisma.sql`(o."dueOn" >= ${filters.from} OR o."forecastOn" >= ${filters.from}
        OR o."completedOn" >= ${filters.from})`,
    );
  type Row = {
    id: number;
    groupId: string;
    title: string;
    startOn: string;
    dueOn: string;
    forecastOn: string | null;
    completedOn: string | null;
    status: string;
    progress: number;
    lastUpdateAt: Date | null;
    createdAt: Date;
    ownerName: string | null;
  };
  const objectives = read.all<Row>(
    Prisma.sql`
    SELECT o."id", o."groupId", o."title", o."startOn", o."dueOn", o."forecastOn", o."completedOn", o."status",
      o."progress",
           o."lastUpdateAt", o."createdAt", u."displayName" AS "ownerName"
    FROM "Objective" o LEFT JOIN "User" u ON u."id" = o."ownerId"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY o."startOn", o."id"`,
    { lastUpdateAt: "date", createdAt: "date" },
  );
  const groups = read.all<{ id: string; slug: string; name: string; colour: string }>(Prisma.sql`
    SELECT "id", "slug", "name", "colour" FROM "WorkingGroup"
    WHERE ${filters.groupId ? Prisma.sql`"id" = ${filters.groupId}` : Prisma.sql`1 = 1`}
    ORDER BY "position", "name"`);
  return {
    phases,
    milestones,
    groups,
    // Today's date read once for all: the crono-programma maps hundreds of rows.
    objectives: objectives.map(({ lastUpdateAt, createdAt, ...o }) => ({
      ...o,
      late: isLate(o, today),
      needsUpdate: needsUpdate(
        {
          status: o.status,
          startOn: o.startOn,
          lastUpdateAt,
          createdAt,
        },
        now,
      ),
    })),
  };
}
