import { Prisma } from "~/generated/prisma/client";
import { whileUnchanged } from "~/lib/db/cache.server";
import { db } from "~/lib/db/client.server";
import { reader } from "~/lib/db/fast.server";
import { romeDay } from "~/lib/dates";
import { addDays } from "~/lib/days";
import { MIN_GROUP, figureUnit, minutes, parseFigure, type Figure } from "./observation";

/**
 * The figures of observation campaigns and surveys (issue 15), in SQL: percentiles by window
 * functions over one campaign's visits, counts over one index for the surveys. Percentiles are
 * nearest-rank (the value at position ⌈p·n⌉ of the sorted values): a median is always a time
 * somebody really waited. Breakdowns with fewer than MIN_GROUP values carry `n` and no figure.
 * Kept until the data changes (whileUnchanged). docs/decisions/0021-observe-and-listen.md
 */

export type DayRange = { from?: string; to?: string };
const bounds = (range: DayRange) => [range.from ?? "0000-00-00", range.to ?? "9999-99-99"] as const;

type TimeRow = { k: string; n: number; p50: number | null; p90: number | null };
export type TimeStat = { key: string; n: number; median: number | null; p90: number | null };

/** Median and 90th percentile of a visit time, per place, per service or over all visits. */
function percentiles(
  campaignId: string,
  column: "waitSeconds" | "serviceSeconds",
  by: "placeId" | "serviceId" | "all",
  range: DayRange,
  placeId: string | null = null,
): TimeStat[] {
  const [from, to] = bounds(range);
  const key = Prisma.raw(by === "all" ? "'all'" : `"${by}"`);
  const value = Prisma.raw(`"${column}"`);
  const place = placeId ? Prisma.sql`AND "placeId" = ${placeId}` : Prisma.empty;
  const rows = reader().all<TimeRow>(Prisma.sql`
    SELECT k, n,
      MAX(CASE WHEN rn = (n + 1) / 2 THEN x END) AS p50,
      MAX(CASE WHEN rn = (9 * n + 9) / 10 THEN x END) AS p90
    FROM (
      SELECT ${key} AS k, ${value} AS x,
        ROW_NUMBER() OVER (PARTITION BY ${key} ORDER BY ${value}) AS rn,
        COUNT(*) OVER (PARTITION BY ${key}) AS n
      FROM "Visit"
      WHERE "campaignId" = ${campaignId} AND ${value} IS NOT NULL AND "day" >= ${from} AND "day" <= ${to} ${place}
        AND ${key} IS NOT NULL
    )
    GROUP BY k`);
  return rows.map((row) => ({
    key: row.k,
    n: row.n,
    median: row.n >= MIN_GROUP ? row.p50 : null,
    p90: row.n >= MIN_GROUP ? row.p90 : null,
  }));
}

type Share = { key: string; n: number; resolved: number; share: number | null };

function firstCounter(campaignId: string, range: DayRange, by: "placeId" | "all", placeId: string | null = null) {
  const [from, to] = bounds(range);
  const key = Prisma.raw(by === "all" ? "'all'" : `"placeId"`);
  const place = placeId ? Prisma.sql`AND "placeId" = ${placeId}` : Prisma.empty;
  return reader()
    .all<{ k: string; n: number; resolved: number }>(
      Prisma.sql`
        SELECT ${key} AS k, COUNT(*) AS n,
          SUM(CASE WHEN "outcome" = 'RISOLTO' AND "stopCount" = 1 THEN 1 ELSE 0 END) AS resolved
        FROM "Visit"
        WHERE "campaignId" = ${campaignId} AND "day" >= ${from} AND "day" <= ${to} ${place}
        GROUP BY k`,
    )
    .map((row): Share => ({ key: row.k, ...row, share: row.n >= MIN_GROUP ? percent(row.resolved, row.n) : null }));
}

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part * 1000) / whole) / 10);

/** Everything the campaign's results page shows. */
export function campaignFindings(campaignId: string, range: DayRange = {}) {
  return whileUnchanged(`campaign:${campaignId}:${range.from ?? ""}:${range.to ?? ""}`, async () => {
    const [from, to] = bounds(range);
    const where = Prisma.sql`"campaignId" = ${campaignId} AND "day" >= ${from} AND "day" <= ${to}`;
    const heat = reader().all<{ placeId: string; weekday: number; hour: number; n: number }>(Prisma.sql`
      SELECT "placeId", "weekday", "hour", COUNT(*) AS n FROM "Visit" WHERE ${where}
      GROUP BY "placeId", "weekday", "hour"`);
    const flows = reader().all<{ fromId: string; toId: string; n: number }>(Prisma.sql`
      SELECT a."placeId" AS fromId, b."placeId" AS toId, COUNT(*) AS n
      FROM "Visit" v
      JOIN "VisitStop" a ON a."visitId" = v."id"
      JOIN "VisitStop" b ON b."visitId" = a."visitId" AND b."position" = a."position" + 1
      WHERE v."campaignId" = ${campaignId} AND v."day" >= ${from} AND v."day" <= ${to}
      GROUP BY a."placeId", b."placeId"
      ORDER BY n DESC, fromId, toId`);
    const outcomes = reader().all<{ outcome: string; n: number }>(Prisma.sql`
      SELECT "outcome", COUNT(*) AS n FROM "Visit" WHERE ${where} GROUP BY "outcome" ORDER BY n DESC`);
    const channels = reader().all<{ channel: string; n: number }>(Prisma.sql`
      SELECT "channel", COUNT(*) AS n FROM "Visit" WHERE ${where} GROUP BY "channel" ORDER BY n DESC`);
    const weeks = reader().all<{ week: string; n: number }>(Prisma.sql`
      SELECT date("day", 'weekday 0', '-6 days') AS week, COUNT(*) AS n FROM "Visit" WHERE ${where}
      GROUP BY week ORDER BY week`);
    const overall = firstCounter(campaignId, range, "all")[0] ?? { key: "all", n: 0, resolved: 0, share: null };
    return {
      total: overall.n,
      heat,
      flows,
      outcomes,
      channels,
      weeks,
      firstCounter: { overall, byPlace: firstCounter(campaignId, range, "placeId") },
      wait: {
        overall: percentiles(campaignId, "waitSeconds", "all", range)[0] ?? null,
        byPlace: percentiles(campaignId, "waitSeconds", "placeId", range),
        byService: percentiles(campaignId, "waitSeconds", "serviceId", range),
      },
      service: {
        overall: percentiles(campaignId, "serviceSeconds", "all", range)[0] ?? null,
        byPlace: percentiles(campaignId, "serviceSeconds", "placeId", range),
        byService: percentiles(campaignId, "serviceSeconds", "serviceId", range),
      },
    };
  });
}

type Distribution = { n: number; dontKnow: number; counts: [number, number, number, number, number] };

/** Everything the survey's results page shows. "Non so" is counted apart and left out of the shares. */
export function surveyFindings(surveyId: string, range: DayRange = {}) {
  return whileUnchanged(`survey:${surveyId}:${range.from ?? ""}:${range.to ?? ""}`, async () => {
    const [from, to] = bounds(range);
    const ranged = range.from || range.to;
    const rows = ranged
      ? reader().all<{ questionId: string; score: number | null; n: number }>(Prisma.sql`
          SELECT a."questionId", a."score", COUNT(*) AS n FROM "SurveyAnswer" a
          JOIN "SurveyResponse" r ON r."id" = a."responseId"
          WHERE a."surveyId" = ${surveyId} AND r."day" >= ${from} AND r."day" <= ${to}
          GROUP BY a."questionId", a."score"`)
      : reader().all<{ questionId: string; score: number | null; n: number }>(Prisma.sql`
          SELECT "questionId", "score", COUNT(*) AS n FROM "SurveyAnswer" WHERE "surveyId" = ${surveyId}
          GROUP BY "questionId", "score"`);
    const questions = new Map<string, Distribution>();
    for (const row of rows) {
      const entry = questions.get(row.questionId) ?? { n: 0, dontKnow: 0, counts: [0, 0, 0, 0, 0] };
      if (row.score === null) entry.dontKnow += row.n;
      else if (row.score >= 1 && row.score <= 5) entry.counts[row.score - 1]! += row.n;
      entry.n += row.n;
      questions.set(row.questionId, entry);
    }
    const satisfaction = (by: Prisma.Sql) =>
      reader().all<{ k: string; n: number; scored: number; satisfied: number }>(Prisma.sql`
        SELECT ${by} AS k, COUNT(DISTINCT r."id") AS n, COUNT(a."score") AS scored,
          SUM(CASE WHEN a."score" >= 4 THEN 1 ELSE 0 END) AS satisfied
        FROM "SurveyResponse" r JOIN "SurveyAnswer" a ON a."responseId" = r."id"
        WHERE r."surveyId" = ${surveyId} AND r."day" >= ${from} AND r."day" <= ${to}
        GROUP BY k ORDER BY k`);
    const shares = (list: { k: string; n: number; scored: number; satisfied: number }[]) =>
      list
        .filter((row) => row.k !== null)
        .map((row) => ({
          key: row.k,
          n: row.n,
          share: row.n >= MIN_GROUP ? percent(row.satisfied, row.scored) : null,
        }));
    const responses = reader().get<{ n: number }>(Prisma.sql`
      SELECT COUNT(*) AS n FROM "SurveyResponse"
      WHERE "surveyId" = ${surveyId} AND "day" >= ${from} AND "day" <= ${to}`)!.n;
    return {
      responses,
      questions: [...questions.entries()].map(([questionId, entry]) => ({
        questionId,
        ...entry,
        scored: entry.n - entry.dontKnow,
        share: entry.n >= MIN_GROUP ? percent(entry.counts[3] + entry.counts[4], entry.n - entry.dontKnow) : null,
      })),
      overall: shares(satisfaction(Prisma.sql`'all'`))[0] ?? { key: "all", n: 0, share: null },
      weeks: shares(satisfaction(Prisma.sql`date(r."day", 'weekday 0', '-6 days')`)),
      byPlace: shares(satisfaction(Prisma.sql`r."placeId"`)),
      byService: shares(satisfaction(Prisma.sql`r."serviceId"`)),
    };
  });
}

/** The free texts staff may read: published ones only, newest first. */
export function publishedTexts(surveyId: string) {
  return db.surveyResponse.findMany({
    where: { surveyId, textStatus: "PUBBLICATO" },
    orderBy: [{ day: "desc" }, { id: "asc" }],
    take: 100,
    select: { id: true, day: true, freeText: true, placeId: true },
  });
}

/** A figure's value now (minutes or percent) with how many visits or answers it rests on. */
export async function figureValue(figure: Figure): Promise<{ value: number | null; n: number }> {
  const range = {};
  if (figure.measure === "satisfied") {
    const findings = await surveyFindings(figure.source);
    const row = figure.place ? findings.byPlace.find((entry) => entry.key === figure.place) : findings.overall;
    return { value: row?.share ?? null, n: row?.n ?? 0 };
  }
  if (figure.measure === "firstCounter") {
    const row = firstCounter(figure.source, range, "all", figure.place)[0];
    return { value: row?.share ?? null, n: row?.n ?? 0 };
  }
  const column = figure.measure === "serviceMedian" ? "serviceSeconds" : "waitSeconds";
  const row = percentiles(figure.source, column, "all", range, figure.place)[0];
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
  const bound = await db.objective.findMany({
    where: { indicatorFigure: { contains: `.${source}.` } },
    select: { id: true, indicatorFigure: true, indicatorCurrent: true },
  });
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
  const rows = await db.ideaEvidence.findMany({
    where: { figure: { contains: `.${source}.` } },
    orderBy: { createdAt: "desc" },
    select: { figure: true, idea: { select: { id: true, title: true, status: true } } },
  });
  return rows.map((row) => ({ figure: row.figure, ...row.idea }));
}

/**
 * The board's key figures: the latest campaign's median wait and first-counter share and the
 * latest survey's satisfied share, each with its value week by week (the trend).
 */
export function keyFigures() {
  return whileUnchanged("findings:key", async () => {
    const campaign = reader().get<{ id: string; title: string }>(Prisma.sql`
      SELECT c."id", c."title" FROM "Campaign" c
      WHERE EXISTS (SELECT 1 FROM "Visit" v WHERE v."campaignId" = c."id")
      ORDER BY c."endsOn" DESC, c."createdAt" DESC LIMIT 1`);
    const survey = reader().get<{ id: string; title: string }>(Prisma.sql`
      SELECT s."id", s."title" FROM "Survey" s
      WHERE EXISTS (SELECT 1 FROM "SurveyResponse" r WHERE r."surveyId" = s."id")
      ORDER BY s."createdAt" DESC LIMIT 1`);
    const campaignWeeks = campaign
      ? reader().all<{ week: string; n: number }>(Prisma.sql`
          SELECT date("day", 'weekday 0', '-6 days') AS week, COUNT(*) AS n FROM "Visit"
          WHERE "campaignId" = ${campaign.id} GROUP BY week ORDER BY week`)
      : [];
    const weekly = (week: string) => ({ from: week, to: addDays(week, 6) });
    return {
      campaign: campaign
        ? {
            ...campaign,
            wait: campaignWeeks.map((row) => ({
              week: row.week,
              n: row.n,
              value: minutes(percentiles(campaign.id, "waitSeconds", "all", weekly(row.week))[0]?.median ?? null),
            })),
            firstCounter: campaignWeeks.map((row) => ({
              week: row.week,
              n: row.n,
              value: firstCounter(campaign.id, weekly(row.week), "all")[0]?.share ?? null,
            })),
          }
        : null,
      survey: survey ? { ...survey, satisfied: (await surveyFindings(survey.id)).weeks } : null,
      asOf: romeDay(new Date()),
    };
  });
}

/** Two campaigns side by side: the same places' times and first-counter shares. */
export async function compareCampaigns(a: string, b: string) {
  const [left, right] = await Promise.all([campaignFindings(a), campaignFindings(b)]);
  return { left, right };
}
