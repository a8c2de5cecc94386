/**
 * Observing and listening (issue 15) against the built server and its SQLite file: visits
 * recorded once however often they are sent, every impossible value refused with its field's
 * message and nothing written; citizens' answers without an account, with their abuse limits;
 * moderation; the figures on the pages checked against independent SQL on generated data,
 * including the floor of 5; findings cited by ideas, measuring objectives and on the board.
 */
import Database from "better-sqlite3";
import { formatDay } from "~/lib/dates";
import { beforeAll, describe, expect, it } from "vitest";
import { seedCampaign, seedSurvey } from "../../prisma/seed-observe";
import { changedTables, dbFingerprint } from "../support/db-state";
import { buildObjective } from "../support/factories";
import { useServer } from "../support/harness";
import { Client, text } from "../support/http";
import { signedIn } from "../support/sessions";

const h = useServer();
const as = (who: "observer" | "member" | "leader" | "board" | "admin" | "employee") =>
  signedIn(h.server, h.scenario.users[who].email);

let campaignId: string;
let anagrafe: string;
let tributi: string;
let carta: string;

beforeAll(async () => {
  const { users, groups } = h.scenario;
  const campaign = await seedCampaign(h.server.db, {
    title: "Rilevazione di prova",
    startsOn: "2026-10-01",
    endsOn: "2026-12-31",
    visits: 3000,
    groupId: groups.logistica!.id,
    createdById: users.leader.id,
    recorders: [users.member.id, users.observer.id],
    seed: 7,
  });
  campaignId = campaign.id;
  anagrafe = (await h.server.db.place.findFirstOrThrow({ where: { name: "Anagrafe" } })).id;
  tributi = (await h.server.db.place.findFirstOrThrow({ where: { name: "Ufficio tributi" } })).id;
  carta = (await h.server.db.service.findFirstOrThrow({ where: { name: "Carta d'identità" } })).id;
});

let counter = 0;
const visit = (extra: Record<string, string> = {}) => ({
  visitId: `prova${Date.now().toString(36)}${(counter += 1)}xx`,
  day: "2026-11-03",
  arrival: "09:10",
  start: "09:22:30",
  end: "09:30",
  stop0: anagrafe,
  stop1: tributi,
  serviceId: carta,
  outcome: "RINVIATO",
  channel: "SPONTANEO",
  note: "",
  ...extra,
});

describe("recording visits", () => {
  it("stores a visit from the page's form with its times, path and Rome clock cell", async () => {
    const observer = await as("observer");
    const form = visit();
    const response = await observer.post(`/rilevazioni/${campaignId}/visita`, form);
    expect(response.status).toBe(302);
    const stored = await h.server.db.visit.findUniqueOrThrow({
      where: { id: form.visitId },
      include: { stops: { orderBy: { position: "asc" } } },
    });
    expect(stored).toMatchObject({
      day: "2026-11-03",
      arrivalMinute: 9 * 60 + 10,
      hour: 9,
      weekday: 1,
      placeId: anagrafe,
      stopCount: 2,
      waitSeconds: 12 * 60 + 30,
      serviceSeconds: 7 * 60 + 30,
      outcome: "RINVIATO",
      recordedById: h.scenario.users.observer.id,
    });
    expect(stored.stops.map((stop) => stop.placeId)).toEqual([anagrafe, tributi]);
    // Written by hand on the fast path, the time reads back as Prisma writes it.
    expect(Math.abs(stored.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("stores a visit once however often it is sent: again, from the queue, or five at the same moment", async () => {
    const member = await as("member");
    const form = visit();
    expect((await member.post(`/rilevazioni/${campaignId}/visita`, form)).status).toBe(302);
    const again = await member.post(`/rilevazioni/${campaignId}/coda`, form);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ok: true, repeated: true });
    const burst = visit();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => member.post(`/rilevazioni/${campaignId}/coda`, burst)),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    const repeated = await Promise.all(
      answers.map(async (answer) => ((await answer.json()) as { repeated: boolean }).repeated),
    );
    expect(repeated.filter((value) => !value)).toHaveLength(1);
    expect(await h.server.db.visit.count({ where: { id: { in: [form.visitId, burst.visitId] } } })).toBe(2);
    expect(await h.server.db.visitStop.count({ where: { visitId: burst.visitId } })).toBe(2);
  });

  const bad: [string, Record<string, string>, string, string][] = [
    ["service ending before it starts", { start: "09:30", end: "09:20" }, "end", "non può finire prima di iniziare"],
    ["service starting before the arrival", { arrival: "10:00", start: "09:50" }, "start", "prima dell'arrivo"],
    ["a wait of most of a day", { arrival: "00:10", start: "23:50", end: "23:55" }, "start", "Più di 8 ore"],
    ["an end without a start", { start: "", end: "09:40" }, "start", "serve anche l'inizio"],
    ["a day before the campaign", { day: "2026-09-30" }, "day", "fuori dal periodo"],
    ["a day in the future", { day: "2026-12-30" }, "day", "giorni futuri"],
    ["a day that does not exist", { day: "2026-02-30" }, "day", "non esiste nel calendario"],
    ["a time that does not exist", { arrival: "25:10" }, "arrival", "09:30"],
    ["no place", { stop0: "", stop1: "" }, "stop0", "almeno il primo"],
    ["a place of no campaign", { stop1: "cnessunluogo00000" }, "stop1", "Scegli dall'elenco"],
    ["a forged place value", { stop0: "../../etc/passwd" }, "stop0", "Scegli dall'elenco"],
    ["a service of no campaign", { serviceId: "cnessunservizio00" }, "serviceId", "Scegli dall'elenco"],
    ["no outcome", { outcome: "" }, "outcome", "com'è finita"],
    ["an outcome not in the list", { outcome: "ARRESTATO" }, "outcome", "com'è finita"],
    ["a note of 281 characters", { note: "n".repeat(281) }, "note", "Al massimo 280 caratteri"],
    ["a malformed visit id", { visitId: "x" }, "visitId", "ricarica la pagina"],
  ];
  it.each(bad)("refuses %s with the field's message and writes nothing", async (_name, change, field, message) => {
    const observer = await as("observer");
    const before = await dbFingerprint(h.server.db);
    const page = await observer.post(`/rilevazioni/${campaignId}/visita`, visit(change));
    expect(page.status).toBe(400);
    expect(await text(page)).toContain(message);
    const queued = await observer.post(`/rilevazioni/${campaignId}/coda`, visit(change));
    expect(queued.status).toBe(400);
    const body = (await queued.json()) as { fieldErrors: Record<string, unknown> };
    expect(Object.keys(body.fieldErrors)).toEqual([field]);
    expect(changedTables(before, await dbFingerprint(h.server.db))).toEqual([]);
  });

  it("refuses a visit whose id belongs to another campaign", async () => {
    const other = await seedCampaign(h.server.db, {
      title: "Un'altra rilevazione",
      startsOn: "2026-10-01",
      endsOn: "2026-11-30",
      visits: 1,
      groupId: null,
      createdById: h.scenario.users.board.id,
      recorders: [h.scenario.users.board.id],
    });
    const [taken] = await h.server.db.visit.findMany({ where: { campaignId: other.id }, take: 1 });
    const before = await dbFingerprint(h.server.db);
    const response = await (
      await as("observer")
    ).post(`/rilevazioni/${campaignId}/coda`, visit({ visitId: taken!.id }));
    expect(response.status).toBe(409);
    expect(changedTables(before, await dbFingerprint(h.server.db))).toEqual([]);
  });

  it("lets the recorder delete their own visit, not someone else's", async () => {
    const member = await as("member");
    const employee = await as("employee");
    const form = visit();
    await member.post(`/rilevazioni/${campaignId}/visita`, form);
    // The employee has not joined: not theirs, and they may not record here at all.
    const refused = await employee.post(`/rilevazioni/${campaignId}/visita`, {
      intent: "delete",
      visitId: form.visitId,
    });
    expect(refused.status).toBe(403);
    expect(await h.server.db.visit.count({ where: { id: form.visitId } })).toBe(1);
    const done = await member.post(`/rilevazioni/${campaignId}/visita`, { intent: "delete", visitId: form.visitId });
    expect(done.status).toBe(302);
    expect(await h.server.db.visit.count({ where: { id: form.visitId } })).toBe(0);
    expect(await h.server.db.visitStop.count({ where: { visitId: form.visitId } })).toBe(0);
  });

  it("exports the visits as CSV, notes as inert text", async () => {
    const observer = await as("observer");
    const form = visit({ note: '=HYPERLINK("x") <b>grassetto</b>' });
    await observer.post(`/rilevazioni/${campaignId}/visita`, form);
    const csv = await (await observer.get(`/rilevazioni/${campaignId}/visite.csv`)).text();
    const line = csv.split("\r\n").find((row) => row.startsWith(form.visitId))!;
    expect(line).toContain("Anagrafe > Ufficio tributi");
    expect(line).toContain("'=HYPERLINK");
    expect(line).toContain("<b>grassetto</b>");
    expect(csv.split("\r\n").length).toBeGreaterThan(3000);
  });
});

/** The rows of a page's tables as text: cells joined by " | ". */
function tableRows(html: string) {
  return [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)]
      .map((cell) =>
        cell[1]!
          .replace(/<[^>]+>/g, " ")
          .replace(/&#x27;/g, "'")
          .replace(/&amp;/g, "&")
          .replace(/\s+/g, " ")
          .trim(),
      )
      .join(" | "),
  );
}
const it_ = (value: number) => new Intl.NumberFormat("it-IT", { maximumFractionDigits: 1 }).format(value);
const minutesText = (seconds: number) => `${it_(Math.round(seconds / 6) / 10)} min`;

describe("the figures, against independent SQL", () => {
  /** Nearest-rank percentile, computed here from every value. */
  const rank = (sorted: number[], p: number) => sorted[Math.ceil(p * sorted.length) - 1]!;

  it("shows each place's median and 90th percentile wait and service, and its first-counter share", async () => {
    const sqlite = new Database(h.server.dbFile, { readonly: true });
    const places = sqlite.prepare(`SELECT "id", "name" FROM "Place"`).all() as { id: string; name: string }[];
    const html = await (await (await as("employee")).get(`/rilevazioni/${campaignId}`)).text();
    const rows = tableRows(html);
    let checked = 0;
    for (const place of places) {
      const values = (column: string) =>
        (
          sqlite
            .prepare(
              `SELECT "${column}" AS x FROM "Visit"
               WHERE "campaignId" = ? AND "placeId" = ? AND "${column}" IS NOT NULL`,
            )
            .all(campaignId, place.id) as { x: number }[]
        )
          .map((row) => row.x)
          .sort((a, b) => a - b);
      const wait = values("waitSeconds");
      const service = values("serviceSeconds");
      if (wait.length < 5) continue;
      const visits = sqlite
        .prepare(
          `SELECT COUNT(*) AS n,
             SUM("outcome" = 'RISOLTO' AND (SELECT COUNT(*) FROM "VisitStop" s WHERE s."visitId" = v."id") = 1) AS ok
                  FROM "Visit" v WHERE "campaignId" = ? AND "placeId" = ?`,
        )
        .get(campaignId, place.id) as { n: number; ok: number };
      const expected = [
        place.name,
        String(visits.n),
        minutesText(rank(wait, 0.5)),
        minutesText(rank(wait, 0.9)),
        minutesText(rank(service, 0.5)),
        minutesText(rank(service, 0.9)),
        `${it_(Math.round((visits.ok * 1000) / visits.n) / 10)} %`,
      ].join(" | ");
      expect(rows.some((row) => row.startsWith(expected))).toBe(true);
      checked += 1;
    }
    expect(checked).toBe(6);
    sqlite.close();
    // The figures are drawn on the server and kept there: the loader's JSON carries the page's
    // other parts, not the figures (0041).
    const loaderData = await (
      await (
        await as("employee")
      ).get(`/rilevazioni/${campaignId}?_data=${encodeURIComponent("routes/rilevazioni.$id")}`)
    ).text();
    expect(JSON.parse(loaderData)).toMatchObject({ campaign: { id: campaignId } });
    expect(loaderData).not.toContain('"findings"');
    expect(loaderData).not.toContain('"heat"');
  });

  it("shows the flows between places as the stops say, most frequent first", async () => {
    const sqlite = new Database(h.server.dbFile, { readonly: true });
    // Another formulation: each stop with the one before it (LAG), then counted.
    const flows = sqlite
      .prepare(
        `SELECT f."name" || ' → ' || t."name" AS label, COUNT(*) AS n FROM (
           SELECT s."placeId" AS toId, LAG(s."placeId") OVER (PARTITION BY s."visitId" ORDER BY s."position") AS fromId
           FROM "VisitStop" s JOIN "Visit" v ON v."id" = s."visitId" WHERE v."campaignId" = ?
         ) x JOIN "Place" f ON f."id" = x.fromId JOIN "Place" t ON t."id" = x.toId
         WHERE x.fromId IS NOT NULL GROUP BY x.fromId, x.toId ORDER BY n DESC`,
      )
      .all(campaignId) as { label: string; n: number }[];
    sqlite.close();
    const rows = tableRows(await (await (await as("employee")).get(`/rilevazioni/${campaignId}`)).text());
    expect(flows.length).toBeGreaterThan(10);
    for (const flow of flows) expect(rows).toContain(`${flow.label} | ${flow.n}`);
  });

  it("shows no figure for a place with fewer than 5 timed visits, only how many there are", async () => {
    const { users } = h.scenario;
    const small = await seedCampaign(h.server.db, {
      title: "Poche visite",
      startsOn: "2026-10-01",
      endsOn: "2026-10-31",
      visits: 0,
      groupId: null,
      createdById: users.board.id,
      recorders: [users.board.id],
    });
    const board = await as("board");
    for (const wait of ["09:20", "09:25", "09:30", "09:45"])
      expect(
        (
          await board.post(
            `/rilevazioni/${small.id}/visita`,
            visit({ day: "2026-10-05", start: wait, end: "", stop1: "", outcome: "RISOLTO" }),
          )
        ).status,
      ).toBe(302);
    const rows = tableRows(await (await board.get(`/rilevazioni/${small.id}`)).text());
    const row = rows.find((line) => line.startsWith("Anagrafe |"))!;
    expect(row).toContain("meno di 5 (4)");
    expect(row).not.toMatch(/\d+,?\d* min/);
    // The fifth visit makes it a figure: the median of 10, 15, 20, 35, 35 minutes is 20.
    await board.post(
      `/rilevazioni/${small.id}/visita`,
      visit({ day: "2026-10-05", start: "09:45", end: "", stop1: "", outcome: "RISOLTO" }),
    );
    const after = tableRows(await (await board.get(`/rilevazioni/${small.id}`)).text()).find((line) =>
      line.startsWith("Anagrafe |"),
    )!;
    expect(after.startsWith("Anagrafe | 5 | 20 min | 35 min")).toBe(true);
  });

  it("shows each question's distribution and satisfied share, and hides places with fewer than 5 answers", async () => {
    const survey = await seedSurvey(h.server.db, {
      title: "Questionario di prova",
      from: "2026-10-05",
      to: "2026-10-30",
      responses: 2000,
      createdById: h.scenario.users.board.id,
      seed: 3,
    });
    // A place with four answers only.
    const sportello = await h.server.db.place.findFirstOrThrow({ where: { name: "Protocollo" } });
    await h.server.db.surveyPlace.create({
      data: {
        surveyId: survey.id,
        placeId: sportello.id,
        token: "tokenprotocollo00000",
        kioskToken: "kioskprotocollo00000",
      },
    });
    for (let index = 0; index < 4; index += 1)
      await h.server.db.surveyResponse.create({
        data: {
          surveyId: survey.id,
          placeId: sportello.id,
          day: "2026-10-06",
          via: "QR",
          answers: {
            create: [
              {
                surveyId: survey.id,
                placeId: sportello.id,
                week: "2026-10-05",
                questionId: survey.questions[0]!.id,
                score: 5,
              },
            ],
          },
        },
      });
    const sqlite = new Database(h.server.dbFile, { readonly: true });
    const rows = tableRows(await (await (await as("employee")).get(`/questionari/${survey.id}`)).text());
    for (const [index, question] of survey.questions.entries()) {
      const counts = sqlite
        .prepare(
          `SELECT a."score" AS s FROM "SurveyAnswer" a
           JOIN "SurveyResponse" r ON r."id" = a."responseId" WHERE a."questionId" = ?`,
        )
        .all(question.id) as { s: number | null }[];
      const by = (score: number | null) => counts.filter((row) => row.s === score).length;
      const scored = counts.filter((row) => row.s !== null).length;
      const share = Math.round(((by(4) + by(5)) * 1000) / scored) / 10;
      const cells = [1, 2, 3, 4, 5, null].map(by).join(" | ");
      const expected = `D${index + 1} · ${question.textIt} | ${cells} | ${it_(share)} %`;
      expect(rows).toContain(expected);
    }
    // The citizens of each week (Monday to Sunday), as SQLite's own calendar counts them.
    const weeks = sqlite
      .prepare(
        `SELECT date("day", 'weekday 0', '-6 days') AS week, COUNT(*) AS n FROM "SurveyResponse"
         WHERE "surveyId" = ? GROUP BY week ORDER BY week`,
      )
      .all(survey.id) as { week: string; n: number }[];
    expect(weeks.length).toBeGreaterThanOrEqual(4);
    for (const { week, n } of weeks)
      expect(rows.some((row) => row.startsWith(`${formatDay(week, "it")} | ${n} | `))).toBe(true);
    sqlite.close();
    expect(rows).toContain("Protocollo | 4 | meno di 5 (4) | Proponi un'idea da questo dato Protocollo");
    const loaderData = await (
      await (
        await as("employee")
      ).get(`/questionari/${survey.id}?_data=${encodeURIComponent("routes/questionari.$id")}`)
    ).text();
    expect(JSON.parse(loaderData)).toMatchObject({ survey: { id: survey.id } });
    expect(loaderData).not.toContain('"findings"');
  });
});

describe("comparing", () => {
  it("puts two periods of one campaign side by side (before and after a pilot)", async () => {
    const sqlite = new Database(h.server.dbFile, { readonly: true });
    const visitsIn = (from: string, to: string) =>
      (
        sqlite
          .prepare(`SELECT COUNT(*) AS n FROM "Visit" WHERE "campaignId" = ? AND "day" >= ? AND "day" <= ?`)
          .get(campaignId, from, to) as { n: number }
      ).n;
    const before = visitsIn("2026-10-01", "2026-10-31");
    const after = visitsIn("2026-11-01", "2026-11-30");
    sqlite.close();
    const page = await text(
      await (
        await as("employee")
      ).get(
        `/rilevazioni/confronto?a=${campaignId}&aDal=2026-10-01&aAl=2026-10-31` +
          `&b=${campaignId}&bDal=2026-11-01&bAl=2026-11-30`,
      ),
    );
    expect(page).toContain(`Visite ${before} → ${after}`);
    expect(page).toContain("Attesa mediana A");
    // The same campaign and the same days is no comparison.
    const same = await text(await (await as("employee")).get(`/rilevazioni/confronto?a=${campaignId}&b=${campaignId}`));
    expect(same).toContain("o la stessa in due periodi diversi");
  });
});

describe("citizens' answers", () => {
  async function openSurvey() {
    const survey = await seedSurvey(h.server.db, {
      title: `Aperto ${Math.random()}`,
      from: "2026-10-05",
      to: "2026-10-09",
      responses: 0,
      createdById: h.scenario.users.board.id,
      status: "APERTO",
    });
    const place = await h.server.db.surveyPlace.findFirstOrThrow({ where: { surveyId: survey.id } });
    return { ...survey, token: place.token, kioskToken: place.kioskToken, placeId: place.placeId };
  }
  const answers = (survey: { questions: { id: string }[] }, extra: Record<string, string> = {}) => ({
    [`q_${survey.questions[0]!.id}`]: "5",
    [`q_${survey.questions[1]!.id}`]: "0",
    [`q_${survey.questions[2]!.id}`]: "2",
    testo: "",
    sito_web: "",
    ...extra,
  });

  it("takes an answer without an account and keeps only the day, the place and the scores", async () => {
    const survey = await openSurvey();
    const citizen = new Client(h.server.url);
    const page = await citizen.get(`/q/${survey.token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(page.headers.get("set-cookie")).toBeNull();
    const response = await citizen.post(`/q/${survey.token}`, answers(survey, { testo: "Molto gentili" }));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/q/${survey.token}?grazie=1`);
    const stored = await h.server.db.surveyResponse.findFirstOrThrow({
      where: { surveyId: survey.id },
      include: { answers: true },
    });
    expect(Object.keys(stored).sort()).toEqual(
      [
        "answers",
        "day",
        "freeText",
        "id",
        "moderatedById",
        "placeId",
        "serviceId",
        "surveyId",
        "textStatus",
        "via",
      ].sort(),
    );
    expect(stored).toMatchObject({
      placeId: survey.placeId,
      via: "QR",
      textStatus: "DA_LEGGERE",
      freeText: "Molto gentili",
    });
    expect(stored.answers.map((answer) => answer.score).sort()).toEqual([2, 5, null].sort());
    expect(await text(await citizen.get(`/q/${survey.token}?grazie=1`))).toContain("Grazie!");
  });

  it("speaks English when asked", async () => {
    const survey = await openSurvey();
    const page = await text(await new Client(h.server.url).get(`/q/${survey.token}?lang=en`));
    expect(page).toContain("How satisfied are you with the waiting time?");
    expect(page).toContain("Don't know");
  });

  it("thanks a bot that fills the hidden field and keeps nothing", async () => {
    const survey = await openSurvey();
    const before = await dbFingerprint(h.server.db);
    const response = await new Client(h.server.url).post(
      `/q/${survey.token}`,
      answers(survey, { sito_web: "http://spam" }),
    );
    expect(response.status).toBe(302);
    expect(changedTables(before, await dbFingerprint(h.server.db))).toEqual([]);
  });

  it("refuses bad answers with a clear message and writes nothing", async () => {
    const survey = await openSurvey();
    const other = await openSurvey();
    const citizen = new Client(h.server.url);
    const cases: [Record<string, string>, number, string][] = [
      [answers(survey, { [`q_${survey.questions[0]!.id}`]: "7" }), 400, "da 1 a 5"],
      [answers(survey, { testo: "t".repeat(501) }), 400, "Al massimo 500 caratteri"],
      [{ testo: "", sito_web: "" }, 400, "almeno a una domanda"],
      // Another survey's questions (and its ids in the form) do not reach it through this poster.
      [{ ...answers(other), surveyId: other.id, placeId: other.placeId }, 400, "almeno a una domanda"],
      [answers(survey, { servizio: "cnessunservizio00" }), 400, "Risposta non valida"],
    ];
    for (const [form, status, message] of cases) {
      const before = await dbFingerprint(h.server.db);
      const response = await citizen.post(`/q/${survey.token}`, form);
      expect(response.status).toBe(status);
      expect(await text(response)).toContain(message);
      expect(changedTables(before, await dbFingerprint(h.server.db))).toEqual([]);
    }
    const unknown = await citizen.post(`/q/${"z".repeat(22)}`, answers(survey));
    expect(unknown.status).toBe(404);
    expect(await text(unknown)).toContain("Questo questionario non esiste");
    await h.server.db.survey.update({ where: { id: survey.id }, data: { status: "CHIUSO" } });
    const closed = await citizen.post(`/q/${survey.token}`, answers(survey));
    expect(closed.status).toBe(409);
    expect(await text(closed)).toContain("chiuso");
    expect(await text(await citizen.get(`/q/${survey.token}`))).toContain("non accetta più risposte");
  });

  it("limits answers per address, and the kiosk separately", async () => {
    const survey = await openSurvey();
    const citizen = new Client(h.server.url);
    for (let index = 0; index < 10; index += 1)
      expect((await citizen.post(`/q/${survey.token}`, answers(survey))).status).toBe(302);
    const before = await dbFingerprint(h.server.db);
    const eleventh = await citizen.post(`/q/${survey.token}`, answers(survey));
    expect(eleventh.status).toBe(429);
    expect(Number(eleventh.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(changedTables(before, await dbFingerprint(h.server.db))).toEqual([]);
    // The counter's tablet answers for many people: its own limit.
    expect((await citizen.post(`/chiosco/${survey.kioskToken}`, answers(survey))).status).toBe(302);
    expect(await h.server.db.surveyResponse.count({ where: { surveyId: survey.id } })).toBe(11);
    expect(await h.server.db.surveyResponse.count({ where: { surveyId: survey.id, via: "CHIOSCO" } })).toBe(1);
  });

  it("shows free text to staff only once published, as the moderator left it, and inert", async () => {
    const survey = await openSurvey();
    const citizen = new Client(h.server.url);
    await citizen.post(
      `/q/${survey.token}`,
      answers(survey, { testo: "Sono Mario Rossi, 333 1234567 <img src=x onerror=alert(1)>" }),
    );
    const employee = await as("employee");
    const hidden = await (await employee.get(`/questionari/${survey.id}`)).text();
    expect(hidden).not.toContain("Mario");
    expect(await (await employee.get(`/questionari/${survey.id}/risposte.csv`)).text()).not.toContain("Mario");
    const admin = await as("admin");
    const queue = await text(await admin.get(`/questionari/${survey.id}/moderazione`));
    expect(queue).toContain("Mario Rossi");
    const response = await h.server.db.surveyResponse.findFirstOrThrow({ where: { surveyId: survey.id } });
    expect(
      (
        await admin.post(`/questionari/${survey.id}/moderazione`, {
          responseId: response.id,
          decision: "publish",
          text: "Sono [omissis] <img src=x onerror=alert(1)>",
        })
      ).status,
    ).toBe(302);
    const shown = await (await employee.get(`/questionari/${survey.id}`)).text();
    expect(shown).not.toContain("Mario");
    expect(shown).toContain("Sono [omissis] &lt;img src=x onerror=alert(1)&gt;");
    expect(shown).not.toContain("<img src=x");
    // An employee may not moderate.
    const refused = await employee.post(`/questionari/${survey.id}/moderazione`, {
      responseId: response.id,
      decision: "discard",
    });
    expect(refused.status).toBe(403);
  });

  it("locks the questions once the survey has an answer", async () => {
    const survey = await openSurvey();
    await h.server.db.survey.update({ where: { id: survey.id }, data: { status: "BOZZA" } });
    const board = await as("board");
    expect(
      (await board.post(`/questionari/${survey.id}`, { intent: "addQuestion", textIt: "Tornerebbe?", textEn: "Back?" }))
        .status,
    ).toBe(302);
    expect(
      (await board.post(`/questionari/${survey.id}`, { intent: "removeQuestion", questionId: survey.questions[5]!.id }))
        .status,
    ).toBe(302);
    expect(await h.server.db.surveyQuestion.count({ where: { surveyId: survey.id } })).toBe(6);
    await h.server.db.survey.update({ where: { id: survey.id }, data: { status: "APERTO" } });
    await new Client(h.server.url).post(`/q/${survey.token}`, answers(survey));
    await h.server.db.survey.update({ where: { id: survey.id }, data: { status: "BOZZA" } });
    const before = await dbFingerprint(h.server.db);
    const add = await board.post(`/questionari/${survey.id}`, {
      intent: "addQuestion",
      textIt: "Altra?",
      textEn: "Other?",
    });
    expect(add.status).toBe(409);
    expect(await text(add)).toContain("prima dell'apertura e della prima risposta");
    const remove = await board.post(`/questionari/${survey.id}`, {
      intent: "removeQuestion",
      questionId: survey.questions[0]!.id,
    });
    expect(remove.status).toBe(409);
    expect(changedTables(before, await dbFingerprint(h.server.db))).toEqual([]);
  });

  it("draws the poster's QR code as an SVG of the public address", async () => {
    const survey = await openSurvey();
    const html = await (
      await (await as("employee")).get(`/questionari/${survey.id}/manifesto/${survey.placeId}`)
    ).text();
    expect(html).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 (\d+) \1"/);
    expect(html).toContain(`/q/${survey.token}</p>`);
    expect(html).not.toContain(survey.kioskToken);
  });
});

describe("findings feed ideas, objectives and the board", () => {
  it("starts an idea that cites a figure with its numbers of that day, and the figure links back", async () => {
    const member = await as("member");
    const key = `waitMedian.${campaignId}.${anagrafe}`;
    const form = await text(await member.get(`/idee/nuova?evidenza=${key}`));
    expect(form).toContain("Dati a sostegno dell'idea");
    const response = await member.post(`/idee/nuova?evidenza=${key}`, {
      title: "Un numerino per l'Anagrafe",
      body: "Le attese all'Anagrafe sono le più lunghe: proviamo un eliminacode.",
      groupId: h.scenario.groups.logistica!.id,
    });
    expect(response.status).toBe(302);
    const ideaId = Number(response.headers.get("location")!.split("/").pop());
    const evidence = await h.server.db.ideaEvidence.findFirstOrThrow({ where: { ideaId } });
    const snapshot = JSON.parse(evidence.snapshot) as { value: number; n: number; unit: string; place: string };
    const sqlite = new Database(h.server.dbFile, { readonly: true });
    const waits = (
      sqlite
        .prepare(
          `SELECT "waitSeconds" AS x FROM "Visit"
           WHERE "campaignId" = ? AND "placeId" = ? AND "waitSeconds" IS NOT NULL`,
        )
        .all(campaignId, anagrafe) as { x: number }[]
    )
      .map((row) => row.x)
      .sort((a, b) => a - b);
    sqlite.close();
    expect(snapshot).toMatchObject({ unit: "min", place: "Anagrafe", n: waits.length });
    expect(snapshot.value).toBe(Math.round(waits[Math.ceil(waits.length / 2) - 1]! / 6) / 10);
    const idea = await text(await member.get(`/idee/${ideaId}`));
    expect(idea).toContain(`Attesa mediana · Anagrafe: ${it_(snapshot.value)} min`);
    expect(await text(await member.get(`/rilevazioni/${campaignId}`))).toContain("Un numerino per l'Anagrafe");
    // A key that names nothing cites nothing.
    const plain = await member.post(`/idee/nuova?evidenza=waitMedian.cinventata0000.all`, {
      title: "Senza dati",
      body: "Un'idea che cita un dato inesistente.",
      groupId: h.scenario.groups.logistica!.id,
    });
    const plainId = Number(plain.headers.get("location")!.split("/").pop());
    expect(await h.server.db.ideaEvidence.count({ where: { ideaId: plainId } })).toBe(0);
  });

  it("measures a bound objective's indicator from the campaign, never from the form", async () => {
    const objective = await buildObjective(h.server.db, {
      groupId: h.scenario.groups.logistica!.id,
      title: "Attese più brevi all'Anagrafe",
      startOn: "2026-10-01",
      dueOn: "2027-03-31",
    });
    const employee = await as("employee");
    const key = `waitMedian.${campaignId}.${anagrafe}`;
    const refused = await employee.post(`/rilevazioni/${campaignId}`, {
      intent: "bind",
      figure: key,
      objectiveId: String(objective.id),
      name: "Attesa mediana all'Anagrafe",
    });
    expect(refused.status).toBe(403);
    const leader = await as("leader");
    const bound = await leader.post(`/rilevazioni/${campaignId}`, {
      intent: "bind",
      figure: key,
      objectiveId: String(objective.id),
      name: "Attesa mediana all'Anagrafe",
    });
    expect(bound.status).toBe(302);
    const before = await h.server.db.objective.findUniqueOrThrow({ where: { id: objective.id } });
    expect(before).toMatchObject({ indicatorFigure: key, indicatorUnit: "min" });
    expect(before.indicatorCurrent).toBeGreaterThan(0);
    // Fifty long waits at the Anagrafe move the median up: the indicator follows.
    const board = await as("board");
    for (let index = 0; index < 400; index += 1)
      await board.post(
        `/rilevazioni/${campaignId}/coda`,
        visit({ arrival: "08:00", start: "11:59", end: "12:05", stop1: "" }),
      );
    const after = await h.server.db.objective.findUniqueOrThrow({ where: { id: objective.id } });
    expect(after.indicatorCurrent).toBeGreaterThan(before.indicatorCurrent!);
    expect(await text(await employee.get(`/obiettivi/${objective.id}`))).toContain("Il valore attuale è misurato");
    // The board's dashboard shows the citizens' key figures.
    expect(await text(await board.get("/cabina-di-regia"))).toContain("I cittadini agli sportelli");
  });
});
