import { Prisma } from "~/generated/prisma/client";
import { whileUnchanged } from "~/lib/db/cache.server";
import { db } from "~/lib/db/client.server";
import { afterScan, reader } from "~/lib/db/fast.server";
import { weekOf } from "~/lib/days";
import { FIGURE_MEASURES, MIN_GROUP, figureUnit, minutes, parseFigure, type Figure } from "./observation";

/**
 * The figures of observation campaigns and surveys (issue 15). A campaign's visits are read in
 * one statement and counted here (heat map, outcomes, weeks, first counter, percentiles); the
 * flows are one join. A survey's figures come from one GROUP BY over its answers, which carry
 * their place, service and week (no join). Percentiles are nearest-rank (the value at position
 * ⌈p·n⌉ of the sorted values): a median is always a time somebody really waited. Breakdowns with
 * fewer than MIN_GROUP values carry `n` and no figure. docs/decisions/0021-observe-and-listen.md
 *
 * Kept per campaign or survey until one of its own visits or answers changes (`touchSource`, called
 * by the writes) — a flood of answers to one survey never recomputes another's, nor the rest of
 * the intranet's cached figures — and at most ten minutes when another process writes.
 */

const memo = new Map<string, { version: string; at: number; value: Promise<unknown> }>();
const sourceVersions = new Map<string, number>();
/** Any campaign's or survey's data changed (the latest with data may be another). */
let anySource = 0;
const OUTSIDE_WRITES_MS = 10 * 60 * 1000;

/** A campaign's or survey's data changed (a visit or an answer, added, removed or moderated). */
export function touchSource(source: string) {
  sourceVersions.set(source, (sourceVersions.get(source) ?? 0) + 1);
  anySource += 1;
}

/** Each day's week (its Monday), worked out once per day within one computation. */
function weeksOfDays() {
  const known = new Map<string, string>();
  return (day: string) => {
    let week = known.get(day);
    if (week === undefined) known.set(day, (week = weekOf(day)));
    return week;
  };
}

/** Counts the computations: a page's kept drawing of some figures names the one it drew. */
let computations = 0;

/**
 * `computed` tells one computation of the figures from the next (the pages that keep their
 * drawing of the figures as markup put it in the drawing's version).
 */
function perSource<T extends object>(source: string, key: string, compute: () => T): Promise<T & { computed: number }> {
  const version = String(sourceVersions.get(source) ?? 0);
  const hit = memo.get(key);
  if (hit && hit.version === version && Date.now() - hit.at < OUTSIDE_WRITES_MS) {
    return hit.value as Promise<T & { computed: number }>;
  }
  const value = Promise.resolve()
    .then(() => afterScan(compute))
    .then((figures) => Object.assign(figures, { computed: ++computations }));
  memo.set(key, { version, at: Date.now(), value });
  value.catch(() => memo.delete(key));
  if (memo.size > 500) memo.delete(memo.keys().next().value!);
  return value;
}

export type DayRange = { from?: string; to?: string };

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part * 1000) / whole) / 10);

type TimeStat = { key: string; n: number; median: number | null; p90: number | null };

/** Nearest-rank median and 90th percentile of some seconds; no figure under MIN_GROUP values. */
function timeStat(key: string, values: number[]): TimeStat {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n < MIN_GROUP) return { key, n, median: null, p90: null };
  return { key, n, median: sorted[Math.ceil(n * 0.5) - 1]!, p90: sorted[Math.ceil(n * 0.9) - 1]! };
}

/** Values grouped by a key, as they arrive (numbers only: the rows themselves are not kept). */
class Groups {
  readonly #values = new Map<string, number[]>();
  add(key: string | null, value: number | null) {
    if (key === null || value === null) return;
    let list = this.#values.get(key);
    if (!list) this.#values.set(key, (list = []));
    list.push(value);
  }
  stats() {
    return [...this.#values.entries()].map(([key, values]) => timeStat(key, values));
  }
}

type VisitRow = {
  placeId: string;
  serviceId: string | null;
  waitSeconds: number | null;
  serviceSeconds: number | null;
  day: string;
  weekday: number;
  hour: number;
  outcome: string;
  channel: string;
  stopCount: number;
};
type Share = { key: string; n: number; resolved: number; share: number | null };

const count = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

/** Everything the campaign's results page shows, over its visits between two days (both optional). */
export function campaignFindings(campaignId: string, range: DayRange = {}) {
  return perSource(campaignId, `campaign:${campaignId}:${range.from ?? ""}:${range.to ?? ""}`, () => {
    const days = Prisma.sql`${range.from ? Prisma.sql`AND "day" >= ${range.from}` : Prisma.empty} ${
      range.to ? Prisma.sql`AND "day" <= ${range.to}` : Prisma.empty
    }`;
    const flows = reader().all<{ fromId: string; toId: string; n: number }>(Prisma.sql`
      SELECT a."placeId" AS fromId, b."placeId" AS toId, COUNT(*) AS n
      FROM "Visit" v
      JOIN "VisitStop" a ON a."visitId" = v."id"
      JOIN "VisitStop" b ON b."visitId" = a."visitId" AND b."position" = a."position" + 1
      WHERE v."campaignId" = ${campaignId} ${range.from ? Prisma.sql`AND v."day" >= ${range.from}` : Prisma.empty}
        ${range.to ? Prisma.sql`AND v."day" <= ${range.to}` : Prisma.empty}
      GROUP BY a."placeId", b."placeId"
      ORDER BY n DESC, fromId, toId`);
    const heat = new Map<string, { placeId: string; weekday: number; hour: number; n: number }>();
    const outcomes = new Map<string, number>();
    const channels = new Map<string, number>();
    const resolvedBy = new Map<string, { n: number; resolved: number }>();
    const weeks = new Map<string, { n: number; resolved: number }>();
    const times = {
      waitAll: new Groups(),
      waitPlace: new Groups(),
      waitService: new Groups(),
      waitWeek: new Groups(),
      serviceAll: new Groups(),
      servicePlace: new Groups(),
      serviceService: new Groups(),
    };
    let resolved = 0;
    let total = 0;
    // A campaign has a few dozen days: each day's week is worked out once, not once per visit.
    const weekOfDay = weeksOfDays();
    // One pass over the visits, none of them kept: 100,000 rows held at once cost 60 MB of heap.
    reader().each<VisitRow>(
      Prisma.sql`
        SELECT "placeId", "serviceId", "waitSeconds", "serviceSeconds", "day", "weekday", "hour", "outcome",
          "channel", "stopCount"
        FROM "Visit" WHERE "campaignId" = ${campaignId} ${days}`,
      (row) => {
        total += 1;
        const cell = `${row.placeId}|${row.weekday * 24 + row.hour}`;
        const entry = heat.get(cell) ?? { placeId: row.placeId, weekday: row.weekday, hour: row.hour, n: 0 };
        entry.n += 1;
        heat.set(cell, entry);
        count(outcomes, row.outcome);
        count(channels, row.channel);
        const first = row.outcome === "RISOLTO" && row.stopCount === 1 ? 1 : 0;
        resolved += first;
        const place = resolvedBy.get(row.placeId) ?? { n: 0, resolved: 0 };
        place.n += 1;
        place.resolved += first;
        resolvedBy.set(row.placeId, place);
        const week = weekOfDay(row.day);
        const inWeek = weeks.get(week) ?? { n: 0, resolved: 0 };
        inWeek.n += 1;
        inWeek.resolved += first;
        weeks.set(week, inWeek);
        times.waitAll.add("all", row.waitSeconds);
        times.waitPlace.add(row.placeId, row.waitSeconds);
        times.waitService.add(row.serviceId, row.waitSeconds);
        times.waitWeek.add(week, row.waitSeconds);
        times.serviceAll.add("all", row.serviceSeconds);
        times.servicePlace.add(row.placeId, row.serviceSeconds);
        times.serviceService.add(row.serviceId, row.serviceSeconds);
      },
    );
    const share = (key: string, n: number, part: number): Share => ({
      key,
      n,
      resolved: part,
      share: n >= MIN_GROUP ? percent(part, n) : null,
    });
    const byCount = (map: Map<string, number>) =>
      [...map.entries()].map(([key, n]) => ({ key, n })).sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
    const weekWaits = new Map(times.waitWeek.stats().map((stat) => [stat.key, stat]));
    return {
      total,
      heat: [...heat.values()],
      flows,
      outcomes: byCount(outcomes).map(({ key, n }) => ({ outcome: key, n })),
      channels: byCount(channels).map(({ key, n }) => ({ channel: key, n })),
      weekly: [...weeks.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([week, entry]) => ({
          week,
          n: entry.n,
          timed: weekWaits.get(week)?.n ?? 0,
          medianWait: weekWaits.get(week)?.median ?? null,
          firstCounter: share(week, entry.n, entry.resolved).share,
        })),
      firstCounter: {
        overall: share("all", total, resolved),
        byPlace: [...resolvedBy.entries()].map(([key, entry]) => share(key, entry.n, entry.resolved)),
      },
      wait: {
        overall: times.waitAll.stats()[0] ?? null,
        byPlace: times.waitPlace.stats(),
        byService: times.waitService.stats(),
      },
      service: {
        overall: times.serviceAll.stats()[0] ?? null,
        byPlace: times.servicePlace.stats(),
        byService: times.serviceService.stats(),
      },
    };
  });
}

type Cell = {
  questionId: string;
  placeId: string;
  serviceId: string | null;
  week: string;
  score: number | null;
  n: number;
};
/** A row of the survey's one statement: an answers' cell (with its question and week) or a day's citizens. */
type SurveyRow = Omit<Cell, "questionId" | "week"> & {
  questionId: string | null;
  week: string | null;
  day: string | null;
};
type Tally = { n: number; scored: number; satisfied: number };
const tally = (): Tally => ({ n: 0, scored: 0, satisfied: 0 });

/**
 * Everything the survey's results page shows. "Non so" is counted apart and left out of the
 * shares; a breakdown's n is its number of citizens (for a place, a service, a week) or of
 * answers (a question in a place or a week).
 */
export function surveyFindings(surveyId: string) {
  return perSource(surveyId, `survey:${surveyId}`, () => {
    // The answers' cells, then the citizens by place, service and day, in one statement (a
    // citizen's row has no question). The citizens are grouped by day from the index alone, each
    // day's week found here: grouping by a week computed in SQL read every row and sorted them
    // (56 ms over 100,000 answers, against 6; issue 22).
    const rows = reader().all<SurveyRow>(Prisma.sql`
      SELECT "questionId", "placeId", "serviceId", "week", NULL AS "day", "score", COUNT(*) AS n FROM "SurveyAnswer"
      WHERE "surveyId" = ${surveyId}
      GROUP BY "questionId", "placeId", "serviceId", "week", "score"
      UNION ALL
      SELECT NULL, "placeId", "serviceId", NULL, "day", NULL, COUNT(*) FROM "SurveyResponse"
      WHERE "surveyId" = ${surveyId}
      GROUP BY "placeId", "serviceId", "day"`);
    const cells: Cell[] = [];
    const people: { placeId: string; serviceId: string | null; day: string; n: number }[] = [];
    for (const { questionId, week, day, ...row } of rows) {
      if (questionId === null) people.push({ placeId: row.placeId, serviceId: row.serviceId, day: day!, n: row.n });
      else cells.push({ ...row, questionId, week: week! });
    }
    const weekOfDay = weeksOfDays();
    const questions = new Map<
      string,
      { n: number; dontKnow: number; counts: [number, number, number, number, number] }
    >();
    const by = {
      all: new Map<string, Tally>(),
      place: new Map<string, Tally>(),
      service: new Map<string, Tally>(),
      week: new Map<string, Tally>(),
      questionWeek: new Map<string, Tally>(),
      questionPlace: new Map<string, Tally>(),
    };
    const add = (map: Map<string, Tally>, key: string | null, cell: Cell, countPeople: boolean) => {
      if (key === null) return;
      const entry = map.get(key) ?? tally();
      if (countPeople) entry.n += cell.n;
      if (cell.score !== null) {
        entry.scored += cell.n;
        if (cell.score >= 4) entry.satisfied += cell.n;
      }
      map.set(key, entry);
    };
    for (const cell of cells) {
      const question = questions.get(cell.questionId) ?? { n: 0, dontKnow: 0, counts: [0, 0, 0, 0, 0] };
      question.n += cell.n;
      if (cell.score === null) question.dontKnow += cell.n;
      else if (cell.score >= 1 && cell.score <= 5) question.counts[cell.score - 1]! += cell.n;
      questions.set(cell.questionId, question);
      add(by.all, "all", cell, false);
      add(by.place, cell.placeId, cell, false);
      add(by.service, cell.serviceId, cell, false);
      add(by.week, cell.week, cell, false);
      add(by.questionWeek, `${cell.questionId}|${cell.week}`, cell, true);
      add(by.questionPlace, `${cell.questionId}|${cell.placeId}`, cell, true);
    }
    // The number of citizens behind a place, a service or a week (not of their answers).
    for (const group of people) {
      for (const [map, key] of [
        [by.all, "all"],
        [by.place, group.placeId],
        [by.service, group.serviceId],
        [by.week, weekOfDay(group.day)],
      ] as const) {
        if (key === null) continue;
        const entry = map.get(key) ?? tally();
        entry.n += group.n;
        map.set(key, entry);
      }
    }
    const shares = (map: Map<string, Tally>) =>
      [...map.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, entry]) => ({
          key,
          n: entry.n,
          share: entry.n >= MIN_GROUP ? percent(entry.satisfied, entry.scored) : null,
        }));
    const split = (map: Map<string, Tally>) =>
      shares(map).map(({ key, ...rest }) => {
        const [questionId, other] = key.split("|") as [string, string];
        return { questionId, key: other, ...rest };
      });
    return {
      responses: by.all.get("all")?.n ?? 0,
      questions: [...questions.entries()].map(([questionId, entry]) => ({
        questionId,
        ...entry,
        scored: entry.n - entry.dontKnow,
        share: entry.n >= MIN_GROUP ? percent(entry.counts[3] + entry.counts[4], entry.n - entry.dontKnow) : null,
      })),
      overall: shares(by.all)[0] ?? { key: "all", n: 0, share: null },
      weeks: shares(by.week),
      byPlace: shares(by.place),
      byService: shares(by.service),
      questionWeeks: split(by.questionWeek),
      questionPlaces: split(by.questionPlace),
    };
  });
}

/**
 * The free texts staff may read: published ones only, newest first. Kept like the survey's
 * figures: a new answer or a moderator's decision touches the source.
 */
export function publishedTexts(surveyId: string) {
  return perSource(surveyId, `texts:${surveyId}`, () =>
    reader().all<{ id: string; day: string; freeText: string | null; placeId: string }>(Prisma.sql`
      SELECT "id", "day", "freeText", "placeId" FROM "SurveyResponse"
      WHERE "surveyId" = ${surveyId} AND "textStatus" = 'PUBBLICATO'
      ORDER BY "day" DESC, "id" DESC
      LIMIT 100`),
  );
}

/** A figure's value now (minutes or percent) with how many visits or answers it rests on. */
export async function figureValue(figure: Figure): Promise<{ value: number | null; n: number }> {
  if (figure.measure === "satisfied") {
    const findings = await surveyFindings(figure.source);
    const row = figure.place ? findings.byPlace.find((entry) => entry.key === figure.place) : findings.overall;
    return { value: row?.share ?? null, n: row?.n ?? 0 };
  }
  const findings = await campaignFindings(figure.source);
  if (figure.measure === "firstCounter") {
    const row = figure.place
      ? findings.firstCounter.byPlace.find((entry) => entry.key === figure.place)
      : findings.firstCounter.overall;
    return { value: row?.share ?? null, n: row?.n ?? 0 };
  }
  const times = figure.measure === "serviceMedian" ? findings.service : findings.wait;
  const row = figure.place ? times.byPlace.find((entry) => entry.key === figure.place) : times.overall;
  if (!row) return { value: null, n: 0 };
  return { value: minutes(figure.measure === "waitP90" ? row.p90 : row.median), n: row.n };
}

/** Names of a figure's campaign or survey and place, for the pages that cite it. */
export async function describeFigure(figure: Figure) {
  const [campaign, survey, place] = await Promise.all([
    figure.measure === "satisfied"
      ? null
      : db.campaign.findUnique({ where: { id: figure.source }, select: { title: true } }),
    figure.measure === "satisfied"
      ? db.survey.findUnique({ where: { id: figure.source }, select: { title: true } })
      : null,
    figure.place ? db.place.findUnique({ where: { id: figure.place }, select: { name: true } }) : null,
  ]);
  const source = campaign ?? survey;
  if (!source || (figure.place && !place)) return null;
  return {
    source: source.title,
    place: place?.name ?? null,
    unit: figureUnit(figure.measure),
    href: figure.measure === "satisfied" ? `/questionari/${figure.source}` : `/rilevazioni/${figure.source}`,
  };
}

/**
 * Keeps the indicators bound to a campaign's or survey's figures equal to them: called after
 * every write of visits or answers (few objectives are bound; each is one small query).
 */
export async function refreshIndicators(source: string) {
  touchSource(source);
  // On the read connection: after every visit recorded from a phone, this scan of the
  // objectives through Prisma cost as much as the write.
  const bound = reader().all<{ id: number; indicatorFigure: string; indicatorCurrent: number | null }>(
    Prisma.sql`SELECT "id", "indicatorFigure", "indicatorCurrent" FROM "Objective"
      WHERE instr("indicatorFigure", ${`.${source}.`}) > 0`,
  );
  for (const objective of bound) {
    const figure = parseFigure(objective.indicatorFigure);
    if (!figure || figure.source !== source) continue;
    const { value } = await figureValue(figure);
    if (value !== objective.indicatorCurrent)
      await db.objective.update({ where: { id: objective.id }, data: { indicatorCurrent: value } });
  }
}

/** The ideas that cite figures of a campaign or survey: the figure links back to them. */
export async function ideasCiting(source: string) {
  // A figure's key is measure.source.place: one range of the figure index per measure. Evidence
  // first (CROSS JOIN keeps that order: with few or no rows the planner would otherwise walk
  // every idea), then its idea, in one statement (Prisma read the ideas with a second one).
  const ranges = FIGURE_MEASURES.map(
    (measure) => Prisma.sql`(e."figure" >= ${`${measure}.${source}.`} AND e."figure" < ${`${measure}.${source}/`})`,
  );
  return reader().all<{ figure: string; id: number; title: string; status: string }>(Prisma.sql`
    SELECT e."figure", i."id", i."title", i."status"
    FROM "IdeaEvidence" e CROSS JOIN "Idea" i ON i."id" = e."ideaId"
    WHERE ${Prisma.join(ranges, " OR ")}
    ORDER BY e."createdAt" DESC`);
}

/**
 * The board's key figures: the latest campaign's median wait and first-counter share and the
 * latest survey's satisfied share, each week by week (the trend), from the same cached figures
 * as their pages.
 */
export async function keyFigures() {
  // Which campaign and survey are the latest changes only when one is created: kept like the
  // board's other figures (decision 0016), so a cached page reads nothing here.
  const sources = await whileUnchanged(
    "findings:latest",
    async () =>
      reader().get<{
        campaignId: string | null;
        campaignTitle: string | null;
        surveyId: string | null;
        surveyTitle: string | null;
      }>(Prisma.sql`
    SELECT c."id" AS campaignId, c."title" AS campaignTitle, s."id" AS surveyId, s."title" AS surveyTitle
    FROM (SELECT 1) one
    LEFT JOIN (
      SELECT "id", "title" FROM "Campaign" c
      WHERE EXISTS (SELECT 1 FROM "Visit" v WHERE v."campaignId" = c."id")
      ORDER BY "endsOn" DESC, "createdAt" DESC LIMIT 1
    ) c
    LEFT JOIN (
      SELECT "id", "title" FROM "Survey" s
      WHERE EXISTS (SELECT 1 FROM "SurveyResponse" r WHERE r."surveyId" = s."id")
      ORDER BY "createdAt" DESC LIMIT 1
    ) s`)!,
    String(anySource),
  );
  const [campaign, survey] = await Promise.all([
    sources.campaignId ? campaignFindings(sources.campaignId) : null,
    sources.surveyId ? surveyFindings(sources.surveyId) : null,
  ]);
  return {
    campaign: campaign
      ? {
          id: sources.campaignId!,
          title: sources.campaignTitle!,
          wait: campaign.weekly.map((row) => ({ week: row.week, n: row.timed, value: minutes(row.medianWait) })),
          firstCounter: campaign.weekly.map((row) => ({ week: row.week, n: row.n, value: row.firstCounter })),
        }
      : null,
    survey: survey ? { id: sources.surveyId!, title: sources.surveyTitle!, satisfied: survey.weeks } : null,
  };
}

/** Two campaigns, or two periods of one, side by side: the same places' times and first-counter shares. */
export async function compareCampaigns(a: string, b: string, rangeA: DayRange = {}, rangeB: DayRange = {}) {
  const [left, right] = await Promise.all([campaignFindings(a, rangeA), campaignFindings(b, rangeB)]);
  return { left, right };
}
