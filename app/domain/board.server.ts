import { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/lib/actor";
import { romeDay, romeDayBounds } from "~/lib/dates";
import { whileUnchanged } from "~/lib/db/cache.server";
import { db } from "~/lib/db/client.server";
import { afterScan, reader } from "~/lib/db/fast.server";
import { addDays, daysBetween, today as todayInRome, weekOf } from "~/lib/days";
import {
  groupState,
  median,
  MIN_OFFICE_SIZE,
  weightedProgress,
  MAX_WEEKS,
  type Decision,
  type GroupSummary,
} from "./board";
import { listGroups } from "./groups.server";
import { IDEA_STATUSES, type IdeaStatus } from "./ideas";
import { isLate, needsUpdate, OBJECTIVE_STATUSES, type ObjectiveState } from "./objectives";
import { can } from "./policy.server";

/**
 * The Cabina di Regia's figures: the objectives and groups "as of" an instant, ideas by status,
 * decisions, participation in aggregate, and the dashboard that puts them together (decision
 * 0009). Aggregates over the whole database are SQL on the read connection (decision 0013) and
 * are computed once per state of the content.
 */

const DAY_MS = 86_400_000;

/**
 * The objectives as they stood at `asOf`: progress and status from the last update on or
 * before that day, forecast and due days undone from later changes, flags computed for that
 * day. With asOf = now it is simply the present.
 */
export async function objectivesAsOf(
  asOf: Date,
): Promise<{ objectives: ObjectiveState[]; lastUpdates: Map<string, Date> }> {
  const now = asOf.getTime() >= Date.now() - 60_000;
  const [objectives, updates, changes] = await Promise.all([
    db.objective.findMany({
      where: { createdAt: { lte: asOf } },
      orderBy: [{ groupId: "asc" }, { startOn: "asc" }, { id: "asc" }],
      select: {
        id: true,
        groupId: true,
        title: true,
        startOn: true,
        dueOn: true,
        forecastOn: true,
        status: true,
        progress: true,
        createdAt: true,
        lastUpdateAt: true,
      },
    }),
    // The present is the objectives' own columns: history is read only for a past instant.
    now
      ? []
      : db.progressUpdate.findMany({
          where: { createdAt: { lte: asOf } },
          orderBy: { createdAt: "asc" },
          select: { objectiveId: true, progress: true, status: true, createdAt: true },
        }),
    now
      ? []
      : db.objectiveChange.findMany({
          where: {
            createdAt: { gt: asOf },
            field: { in: ["dueOn", "forecastOn", "status", "progress", "title", "startOn"] },
          },
          orderBy: { createdAt: "desc" },
          select: { objectiveId: true, field: true, fromValue: true },
        }),
  ]);
  const lastUpdate = new Map<number, { progress: number; status: string; createdAt: Date }>();
  for (const update of updates) lastUpdate.set(update.objectiveId, update);
  const undo = new Map<number, Record<string, string | null>>();
  // Newest first: the oldest change after asOf is applied last, leaving its "from" value.
  for (const change of changes)
    undo.set(change.objectiveId, { ...(undo.get(change.objectiveId) ?? {}), [change.field]: change.fromValue });
  const day = romeDay(asOf);
  // Each group's latest progress update as of that instant, from its objectives' own.
  const lastUpdates = new Map<string, Date>();
  const states = objectives.map((o) => {
    const before = undo.get(o.id) ?? {};
    const update = lastUpdate.get(o.id);
    const state = {
      ...o,
      title: before.title ?? o.title,
      startOn: before.startOn ?? o.startOn,
      dueOn: before.dueOn ?? o.dueOn,
      forecastOn: "forecastOn" in before ? (before.forecastOn ?? null) : o.forecastOn,
      status: now ? o.status : (update?.status ?? before.status ?? "PIANIFICATO"),
      progress: now ? o.progress : (update?.progress ?? (before.progress !== undefined ? Number(before.progress) : 0)),
      lastUpdateAt: now ? o.lastUpdateAt : (update?.createdAt ?? null),
    };
    const latest = lastUpdates.get(o.groupId);
    if (state.lastUpdateAt && (!latest || state.lastUpdateAt > latest)) lastUpdates.set(o.groupId, state.lastUpdateAt);
    return {
      id: o.id,
      groupId: o.groupId,
      title: state.title,
      startOn: state.startOn,
      dueOn: state.dueOn,
      forecastOn: state.forecastOn,
      status: state.status,
      progress: state.progress,
      late: isLate(state, day),
      needsUpdate: needsUpdate({ ...state, createdAt: o.createdAt }, asOf),
    };
  });
  return { objectives: states, lastUpdates };
}

/** Each group's figures and red/amber/green state from its objectives' states. */
export async function groupSummaries(
  objectives: ObjectiveState[],
  lastUpdates: Map<string, Date>,
  asOf: Date,
): Promise<GroupSummary[]> {
  // The groups in their order, from the list every page keeps (groups change seldom).
  const groups = await listGroups();
  const day = romeDay(asOf);
  return groups.map(({ id, name, slug }) => {
    const group = { id, name, slug };
    const last = lastUpdates.get(id) ?? null;
    const mine = objectives.filter((o) => o.groupId === group.id);
    const active = mine.filter((o) => o.status !== "COMPLETATO" && o.status !== "ANNULLATO");
    const byStatus = Object.fromEntries(
      OBJECTIVE_STATUSES.map((status) => [status, mine.filter((o) => o.status === status).length]),
    );
    const figures = {
      active: active.length,
      late: active.filter((o) => o.late).length,
      needsUpdate: active.filter((o) => o.needsUpdate).length,
      blocked: active.filter((o) => o.status === "BLOCCATO").length,
    };
    return {
      ...group,
      state: groupState(figures),
      byStatus,
      progress: weightedProgress(
        mine
          .filter((o) => o.status !== "ANNULLATO")
          .map((o) => ({ progress: o.progress, days: daysBetween(o.startOn, o.dueOn) + 1 })),
      ),
      late: figures.late,
      needsUpdate: figures.needsUpdate,
      nextDue: active
        .filter((o) => o.dueOn >= day)
        .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
        .slice(0, 3)
        .map(({ id, title, dueOn }) => ({ id, title, dueOn })),
      lastUpdate: last ? last.toISOString() : null,
    };
  });
}

/** Every status with its count from rows of (status, count), 0 for a status no row names. */
function countsByStatus(rows: Iterable<{ status: string; count: unknown }>): Record<IdeaStatus, number> {
  const counts = Object.fromEntries(IDEA_STATUSES.map((status) => [status, 0])) as Record<IdeaStatus, number>;
  for (const row of rows) if (row.status in counts) counts[row.status as IdeaStatus] = Number(row.count);
  return counts;
}

/** Ideas per status as they stood at `asOf` (the status of their last change on or before it). */
export async function ideasByStatusAsOf(asOf: Date): Promise<Record<IdeaStatus, number>> {
  if (asOf.getTime() >= Date.now() - 60_000) {
    // The present is the status column itself.
    const rows = await db.idea.groupBy({ by: ["status"], _count: true });
    return countsByStatus(rows.map((row) => ({ status: row.status, count: row._count })));
  }
  const rows = reader().all<{ status: string; count: number }>(Prisma.sql`
    SELECT COALESCE((
      SELECT e."toStatus" FROM "IdeaEvent" e
      WHERE e."ideaId" = i."id" AND e."toStatus" IS NOT NULL AND e."createdAt" <= ${asOf}
      ORDER BY e."createdAt" DESC, e."id" DESC LIMIT 1
    ), 'NUOVA') AS "status", COUNT(*) AS "count"
    FROM "Idea" i WHERE i."createdAt" <= ${asOf}
    GROUP BY 1`);
  return countsByStatus(rows);
}

/** The board's decisions (accepted or declined) between two instants, oldest first. */
export async function decisionsBetween(from: Date | null, to: Date): Promise<Decision[]> {
  const events = await db.ideaEvent.findMany({
    where: {
      kind: "STATUS",
      toStatus: { in: ["ACCOLTA", "NON_ACCOLTA"] },
      createdAt: { ...(from ? { gt: from } : {}), lte: to },
    },
    orderBy: { createdAt: "asc" },
    select: {
      ideaId: true,
      toStatus: true,
      reason: true,
      createdAt: true,
      idea: { select: { title: true } },
      actor: { select: { displayName: true } },
    },
  });
  return events.map((e) => ({
    ideaId: e.ideaId,
    title: e.idea.title,
    toStatus: e.toStatus!,
    reason: e.reason,
    at: e.createdAt.toISOString(),
    by: e.actor?.displayName ?? null,
  }));
}

/** Who did what when: ideas, comments, supports and progress updates, with the group they concern. */
const ACTIVITY = Prisma.sql`
  SELECT i."authorId" AS "userId", i."groupId" AS "groupId", i."createdAt" AS "at" FROM "Idea" i WHERE i."authorId" IS
    NOT NULL
  UNION ALL SELECT c."authorId", i."groupId", c."createdAt" FROM "Comment" c JOIN "Idea" i ON i."id" = c."ideaId"
    WHERE c."authorId" IS NOT NULL
  UNION ALL SELECT s."userId", i."groupId", s."createdAt" FROM "Support" s JOIN "Idea" i ON i."id" = s."ideaId"
  UNION ALL SELECT u."authorId", o."groupId", u."createdAt"
    FROM "ProgressUpdate" u JOIN "Objective" o ON o."id" = u."objectiveId" WHERE u."authorId" IS NOT NULL`;

/**
 * Participation in aggregate only: counts per group and per office, never a list of people
 * (art. 4 of the Statuto dei lavoratori). Offices smaller than MIN_OFFICE_SIZE are merged.
 * Two statements: each colleague's latest activity by office (which also gives the totals) with
 * distinct people per group over the last 90 days, and the weekly chart.
 */
export async function participation(now = new Date()) {
  const d30 = new Date(now.getTime() - 30 * DAY_MS);
  const d90 = new Date(now.getTime() - 90 * DAY_MS);
  // One statement for both breakdowns, told apart by "kind": each colleague's latest activity by
  // office (which also gives the totals), and distinct people per group over the last 90 days.
  const rows = reader().all<{
    kind: "office" | "group";
    key: string;
    name: string;
    staff: unknown;
    last30: unknown;
    last90: unknown;
    ever: unknown;
  }>(Prisma.sql`
      SELECT 'office' AS "kind", "office" AS "key", "office" AS "name", 0 AS "position", COUNT(*) AS "staff",
        SUM("at" >= ${d30}) AS "last30", SUM("at" >= ${d90}) AS "last90", SUM("at" IS NOT NULL) AS "ever"
      FROM (
        -- Each colleague's latest activity: four index seeks per person, (author, date) indexes.
        SELECT u."office" AS "office", NULLIF(MAX(
          COALESCE((SELECT MAX("createdAt") FROM "Idea" WHERE "authorId" = u."id"), ''),
          COALESCE((SELECT MAX("createdAt") FROM "Comment" WHERE "authorId" = u."id"), ''),
          COALESCE((SELECT MAX("createdAt") FROM "Support" WHERE "userId" = u."id"), ''),
          COALESCE((SELECT MAX("createdAt") FROM "ProgressUpdate" WHERE "authorId" = u."id"), '')), '') AS "at"
        FROM "User" u
        WHERE u."active" = 1 AND u."role" <> 'OSSERVATORE' AND u."passwordHash" IS NOT NULL)
      GROUP BY "office"
      UNION ALL
      SELECT * FROM (
        SELECT 'group', g."id", g."name", g."position", NULL,
               COUNT(DISTINCT CASE WHEN a."at" >= ${d30} THEN a."userId" END), COUNT(DISTINCT a."userId"), NULL
        FROM "WorkingGroup" g
        LEFT JOIN (${ACTIVITY}) a ON a."groupId" = g."id" AND a."at" >= ${d90}
        GROUP BY g."id", g."name", g."position")
      ORDER BY "kind" DESC, "position", "key"`);
  const officeRows = rows.filter((row) => row.kind === "office");
  const groupRows = rows.filter((row) => row.kind === "group");
  const weekly = await weeklyActivity(now);
  const totals = { staff: 0, last30: 0, last90: 0, ever: 0 };
  const offices: { office: string; staff: number; last30: number; last90: number }[] = [];
  const others = { office: "", staff: 0, last30: 0, last90: 0 };
  for (const row of officeRows) {
    const entry = {
      office: row.key,
      staff: Number(row.staff),
      last30: Number(row.last30 ?? 0),
      last90: Number(row.last90 ?? 0),
    };
    totals.staff += entry.staff;
    totals.last30 += entry.last30;
    totals.last90 += entry.last90;
    totals.ever += Number(row.ever ?? 0);
    if (entry.staff >= MIN_OFFICE_SIZE && entry.office) offices.push(entry);
    else {
      others.staff += entry.staff;
      others.last30 += entry.last30;
      others.last90 += entry.last90;
    }
  }
  return {
    ...totals,
    everShare: totals.staff ? Math.round((totals.ever / totals.staff) * 100) : 0,
    perGroup: groupRows.map((row) => ({
      groupId: row.key,
      name: row.name,
      last30: Number(row.last30),
      last90: Number(row.last90),
    })),
    perOffice: others.staff ? [...offices, others] : offices,
    weekly,
  };
}

/**
 * Ideas, comments and supports per Rome week, oldest first, from the week of the project's first
 * phase (empty weeks before the project would hide the real activity), at most MAX_WEEKS. Counted
 * by the hour in SQL, then each hour is put in its Rome day (Rome's offset is whole hours).
 */
async function weeklyActivity(now = new Date()) {
  const thisWeek = weekOf(todayInRome(now));
  const earliest = addDays(thisWeek, -7 * (MAX_WEEKS - 1));
  const since = romeDayBounds(earliest).start;
  // The counts from the earliest week the chart can show, and in the same statement the first
  // phase's start: weeks before the project are then left out here.
  const rows = reader().all<{ kind: "ideas" | "comments" | "supports" | "start"; hour: string | null; n: unknown }>(
    Prisma.sql`
    SELECT 'ideas' AS "kind", substr("createdAt", 1, 13) AS "hour", COUNT(*) AS "n" FROM "Idea" WHERE "createdAt" >=
      ${since} GROUP BY 2
    UNION ALL SELECT 'comments', substr("createdAt", 1, 13), COUNT(*) FROM "Comment" WHERE "createdAt" >=
      ${since} GROUP BY 2
    UNION ALL SELECT 'supports', substr("createdAt", 1, 13), COUNT(*) FROM "Support" WHERE "createdAt" >=
      ${since} GROUP BY 2
    UNION ALL SELECT 'start', MIN("startsOn"), 0 FROM "Phase"`,
  );
  const start = rows.find((row) => row.kind === "start")?.hour;
  const projectWeek = start ? weekOf(romeDay(new Date(start))) : earliest;
  const firstWeek = projectWeek > thisWeek ? thisWeek : projectWeek < earliest ? earliest : projectWeek;
  const weeks = Array.from({ length: daysBetween(firstWeek, thisWeek) / 7 + 1 }, (_, i) => addDays(firstWeek, 7 * i));
  const buckets = new Map(weeks.map((week) => [week, { week, ideas: 0, comments: 0, supports: 0 }]));
  for (const row of rows) {
    if (row.kind === "start") continue;
    const bucket = buckets.get(weekOf(romeDay(new Date(`${row.hour}:30:00Z`))));
    if (bucket) bucket[row.kind] += Number(row.n);
  }
  return weeks.map((week) => buckets.get(week)!);
}

/** Ideas waiting for the board, oldest first, with when they were sent to it (the same for everyone). */
function waitingIdeas(limit: number) {
  return reader().all<{
    id: number;
    title: string;
    supportCount: number;
    groupName: string;
    since: Date | null;
  }>(
    Prisma.sql`
    SELECT i."id", i."title", i."supportCount", g."name" AS "groupName",
           (SELECT MAX(e."createdAt") FROM "IdeaEvent" e WHERE e."ideaId" = i."id" AND e."toStatus" =
             'IN_VALUTAZIONE') AS "since"
    FROM "Idea" i JOIN "WorkingGroup" g ON g."id" = i."groupId"
    WHERE i."status" = 'IN_VALUTAZIONE'
    ORDER BY "since" IS NULL, "since", i."id"
    LIMIT ${limit}`,
    { since: "date" },
  );
}

/** The waiting ideas as the dashboard shows them: days waited as of `now`, private notes for who may read them. */
async function decisionQueue(actor: Actor, rows: ReturnType<typeof waitingIdeas>, now: Date) {
  const showNotes = can(actor, "board.privateNotes");
  // One statement with the authors' names (Prisma would read them with a second one).
  const notes =
    showNotes && rows.length
      ? reader().all<{ ideaId: number; note: string; createdAt: Date; by: string | null }>(
          Prisma.sql`
        SELECT n."ideaId", n."note", n."createdAt", u."displayName" AS "by"
        FROM "BoardNote" n LEFT JOIN "User" u ON u."id" = n."authorId"
        WHERE n."ideaId" IN (${Prisma.join(rows.map((row) => row.id))})
        ORDER BY n."createdAt" DESC, n."id"`,
          { createdAt: "date" },
        )
      : [];
  return rows.map((row) => {
    const since = row.since ?? now;
    return {
      id: row.id,
      title: row.title,
      supportCount: row.supportCount,
      groupName: row.groupName,
      since: since.toISOString(),
      ageDays: Math.max(0, daysBetween(romeDay(since), romeDay(now))),
      notes: notes
        .filter((n) => n.ideaId === row.id)
        .map((n) => ({ note: n.note, at: n.createdAt.toISOString(), by: n.by })),
    };
  });
}

/**
 * The ideas' figures for the dashboard, in one statement: how many are in each status now, and the
 * median days from an idea's proposal to the board's first decision on it. After a content write
 * the board reads its figures again: a statement each made it 14 when an answer and a visit had
 * landed too, against the 12 of issue 22. (A past instant's counts are `ideasByStatusAsOf`'s.)
 */
function ideasNow(): { byStatus: Record<IdeaStatus, number>; medianDays: number | null } {
  const rows = reader().all<{ status: string | null; count: unknown; created: unknown; decided: unknown }>(Prisma.sql`
    SELECT "status", COUNT(*) AS "count", NULL AS "created", NULL AS "decided"
    FROM "Idea" GROUP BY "status"
    UNION ALL
    SELECT NULL, NULL, i."createdAt", MIN(e."createdAt")
    FROM "Idea" i JOIN "IdeaEvent" e ON e."ideaId" = i."id"
    WHERE e."kind" = 'STATUS' AND e."toStatus" IN ('ACCOLTA', 'NON_ACCOLTA')
    GROUP BY i."id"`);
  const statuses = rows.flatMap(({ status, count }) => (status === null ? [] : [{ status, count }]));
  const days = rows
    .filter((row) => row.status === null)
    .map((row) => (new Date(String(row.decided)).getTime() - new Date(String(row.created)).getTime()) / DAY_MS)
    .map((d) => Math.round(d * 10) / 10);
  return { byStatus: countsByStatus(statuses), medianDays: median(days) };
}

/** How many of the waiting ideas the dashboard lists (oldest first); the rest are one link away. */
const QUEUE_SHOWN = 25;

export async function dashboard(actor: Actor, now = new Date()) {
  // The figures and the queue are the same for everyone and costly at scale (participation
  // scans every support and comment, the queue dates every waiting idea): computed once per
  // state of the database, not once per visit. Ages and private notes are per request. The
  // scan's pages leave the read connection's cache once it is done (afterScan).
  const { waiting, ...figures } = await whileUnchanged(`board.figures.${romeDay(now)}`, () =>
    afterScan(async () => {
      const asOf = now;
      const { objectives, lastUpdates } = await objectivesAsOf(asOf);
      const [groups, people] = await Promise.all([groupSummaries(objectives, lastUpdates, asOf), participation(asOf)]);
      const ideas = ideasNow();
      return {
        groups,
        ideasByStatus: ideas.byStatus,
        medianDays: ideas.medianDays,
        participation: people,
        computedAt: asOf.toISOString(),
        waiting: waitingIdeas(QUEUE_SHOWN),
      };
    }),
  );
  const queue = await decisionQueue(actor, waiting, now);
  return { ...figures, queue, queueTotal: figures.ideasByStatus.IN_VALUTAZIONE };
}
