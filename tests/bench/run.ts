/**
 * `npm run bench`: the production build on the large data set (`npm run bench:data`), measured
 * with autocannon over loopback at 16 connections as logged-in colleagues, against a floor route
 * served by the same server. Prints PASS/FAIL per target and exits non-zero when one is missed;
 * writes tests/bench/results.{md,json} and the README's table. docs/decisions/0015-speed-benchmark.md
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import sharp from "sharp";
import { BENCH, BENCH_DB } from "./config";
import { lighthouseScores, type LighthouseResult } from "./lighthouse";
import { freePort } from "../support/ports";
import { startCommand } from "../support/start-command";

const ROOT = path.resolve(import.meta.dirname, "../..");
const LIGHTHOUSE_VERSION = (
  JSON.parse(readFileSync(path.join(ROOT, "node_modules/lighthouse/package.json"), "utf8")) as { version: string }
).version;
const CONNECTIONS = 16;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = 3;
const TARGETS = {
  p95: 50,
  floorShare: 0.25,
  toggleP95: 20,
  statements: 12,
  jsKb: 100,
  cssKb: 50,
  rssMb: 300,
  mailPerSecond: 20,
};

const source = path.resolve(ROOT, BENCH_DB);
if (!existsSync(source)) {
  console.error(`Manca il database di prova ${source}: esegui prima "npm run bench:data".`);
  process.exit(1);
}

if (!process.env.BENCH_SKIP_BUILD)
  execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });

// Each run starts from the generated file: the writes of a run do not leak into the next.
const file = path.join(path.dirname(source), "run.db");
for (const suffix of ["", "-wal", "-shm", ".pid"]) rmSync(file + suffix, { force: true });
copyFileSync(source, file);

// Sessions made the way a login makes them (Lucia stores the id): 1,000 colleagues, so that
// comment posting stays under the per-person limit (30 in 10 minutes) without switching it off.
const sql = new Database(file);
const colleagues = sql
  .prepare(
    `SELECT u."id" FROM "User" u WHERE u."role" = 'DIPENDENTE' AND NOT EXISTS (SELECT 1 FROM "Membership" m WHERE
      m."userId" = u."id" AND m."isLeader") ORDER BY u."id" LIMIT 1000`,
  )
  .all() as { id: string }[];
const insertSession = sql.prepare(
  `INSERT INTO "Session" ("id", "userId", "expiresAt", "createdAt") VALUES (?, ?, ?, ?)`,
);
const isoNow = (offset = 0) => new Date(Date.now() + offset).toISOString().replace("Z", "+00:00");
const cookies = sql.transaction(() =>
  colleagues.map(({ id }) => {
    const sessionId = randomBytes(20).toString("hex");
    insertSession.run(sessionId, id, isoNow(8 * 3600_000), isoNow());
    return `pionieri_session=${sessionId}`;
  }),
)();
// Personal access tokens (read scope) of the same colleagues, for the API's row (decision 0027):
// 64 of them, so that the row measures serving and not the per-token limit (600 a minute each),
// which 16 tokens reached at 1,270 requests a second.
const insertToken = sql.prepare(
  `INSERT INTO "AccessToken" ("id", "userId", "name", "tokenHash", "scope", "createdAt", "expiresAt")
   VALUES (?, ?, 'Benchmark', ?, 'READ', ?, ?)`,
);
const apiTokens = sql.transaction(() =>
  colleagues.slice(0, 64).map(({ id }) => {
    const token = `pio_${randomBytes(32).toString("base64url")}`;
    const hash = createHash("sha256").update(token).digest("hex");
    insertToken.run(randomBytes(12).toString("hex"), id, hash, isoNow(), isoNow(30 * 86400_000));
    return token;
  }),
)();
const group = BENCH.meetingGroup;
// Sixteen colleagues of that group, who may add to its documents (the upload burst below).
const uploaders = sql.transaction(() =>
  (
    sql
      .prepare(
        `SELECT m."userId" AS "id" FROM "Membership" m JOIN "WorkingGroup" g ON g."id" = m."groupId"
         WHERE g."slug" = ? ORDER BY m."userId" LIMIT 16`,
      )
      .all(group) as { id: string }[]
  ).map(({ id }) => {
    const sessionId = randomBytes(20).toString("hex");
    insertSession.run(sessionId, id, isoNow(8 * 3600_000), isoNow());
    return `pionieri_session=${sessionId}`;
  }),
)();
const popular = sql.prepare(`SELECT "id" FROM "Idea" ORDER BY "supportCount" DESC LIMIT 1`).get() as { id: number };
// The colleagues with sessions joined the campaign: they record visits from the phone's queue.
const joinCampaign = sql.prepare(`INSERT INTO "CampaignMember" ("campaignId", "userId", "createdAt") VALUES (?, ?, ?)`);
sql.transaction(() => colleagues.forEach(({ id }) => joinCampaign.run(BENCH.campaign, id, isoNow())))();
sql.close();

// --- a mail relay on loopback (its own process): the server runs with e-mail on, as in production --
let delivered = 0;
const relay: ChildProcess = spawn(process.execPath, [path.join(import.meta.dirname, "relay.mjs")], {
  cwd: ROOT,
  stdio: ["ignore", "pipe", "inherit"],
});
const relayPort = await new Promise<number>((resolve) => {
  let out = "";
  relay.stdout!.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    const port = /port (\d+)/.exec(out);
    if (port) resolve(Number(port[1]));
    const counts = [...out.matchAll(/delivered (\d+)/g)];
    if (counts.length) delivered = Number(counts.at(-1)![1]);
    out = out.slice(-200);
  });
});
process.on("exit", () => relay.kill("SIGTERM"));

// --- the server -------------------------------------------------------------------------------
// Node's options and environment exactly as `npm start` gives them (the heap's flags shape the memory
// figure; MALLOC_ARENA_MAX: glibc's allocator held on to image buffers, decision 0020).
const { nodeOptions, env: startEnv } = startCommand();
/** The collector's token (decision 0025): /metrics is read as Prometheus reads it. */
const METRICS_TOKEN = "benchmark-metriche-0123456789abcdef";
// Production needs its public address at start (APP_ORIGIN): the port is chosen first.
const serverPort = await freePort();
const server: ChildProcess = spawn(process.execPath, [...nodeOptions, "build/index.js"], {
  cwd: ROOT,
  env: {
    ...startEnv,
    PATH: process.env.PATH,
    NODE_ENV: "production",
    PORT: String(serverPort),
    HOST: "127.0.0.1",
    APP_ORIGIN: `http://127.0.0.1:${serverPort}`,
    DATABASE_URL: `file:${file}`,
    COOKIE_SECURE: "false",
    LOG_REQUESTS: "false",
    PIONIERI_BENCH: "1",
    METRICS_TOKEN: METRICS_TOKEN,
    SMTP_URL: `smtp://127.0.0.1:${relayPort}?starttls=off`,
    MAIL_FROM: "Pionieri <pionieri@bench.example>",
    DIGEST_HOUR: "24",
  },
  stdio: ["ignore", "pipe", "inherit"],
});
const base = await new Promise<string>((resolve, reject) => {
  let out = "";
  server.stdout!.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    const match = /http:\/\/localhost:(\d+)/.exec(out);
    if (match) resolve(`http://127.0.0.1:${match[1]}`);
  });
  server.once("exit", (code) => reject(new Error(`il server è uscito (${code}): ${out}`)));
});
const stopServer = () => server.exitCode === null && server.kill("SIGTERM");
process.on("exit", stopServer);

function peakRssMb() {
  const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

// --- what a page ships: the scripts and styles its HTML asks for, gzip as served ---------------
const gzipCache = new Map<string, number>();
function gzipBytes(href: string) {
  let size = gzipCache.get(href);
  if (size === undefined) {
    size = gzipSync(readFileSync(path.join(ROOT, "public", new URL(href, base).pathname))).length;
    gzipCache.set(href, size);
  }
  return size;
}
function shipped(html: string) {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(tag)?.[1];
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (tag.startsWith("<script") && src) scripts.add(src);
    else if (/rel="modulepreload"/.test(tag) && href) scripts.add(href);
    else if (/rel="stylesheet"/.test(tag) && href) styles.add(href);
  }
  // Remix's inline bootstrap imports the entry and the route modules: those are in modulepreload.
  for (const [, spec] of html.matchAll(/import\s*(?:\*\s*as\s*\w+\s*from\s*)?"(\/build\/[^"]+\.js)"/g))
    scripts.add(spec!);
  const sum = (set: Set<string>) =>
    [...set].filter((href) => href.startsWith("/")).reduce((n, href) => n + gzipBytes(href), 0);
  return { jsKb: sum(scripts) / 1024, cssKb: sum(styles) / 1024 };
}

// --- the measured endpoints -------------------------------------------------------------------
type Endpoint = {
  name: string;
  path: string;
  kind: "page" | "action" | "floor";
  method?: "GET" | "POST";
  /** Builds each request's headers and body (sessions rotate; toggles alternate). */
  next?: () => { headers: Record<string, string>; body?: string };
  /** Arranges what the row measures under (10,000 queued e-mails), or what its probe reads. */
  before?: () => void | Promise<void>;
  /** Undoes it once the row is measured, so that the next rows measure the pages alone. */
  after?: () => void | Promise<void>;
};
let rotation = 0;
const nextCookie = () => cookies[rotation++ % cookies.length]!;
const page = (name: string, pagePath: string): Endpoint => ({ name, path: pagePath, kind: "page" });
const supported = new Set<string>();
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const postHeaders = (cookie: string) => ({ cookie, origin: base, "content-type": "application/x-www-form-urlencoded" });

const endpoints: Endpoint[] = [
  { name: "Floor (route vuota, senza layout)", path: "/bench/floor", kind: "floor" },
  // What every signed-in page costs before its own data: the session, the root's loader, the
  // layout and Remix's document (docs/decisions/0050-what-a-page-costs-before-its-data.md).
  page("Pagina senza dati propri (/accessibilita: solo il layout)", "/accessibilita"),
  page("Home", "/"),
  page("/idee (più recenti)", "/idee"),
  page("/idee filtrate per gruppo e stato", `/idee?gruppo=${group}&stato=IN_DISCUSSIONE`),
  page("/idee?q= (ricerca)", "/idee?q=sportello+attese"),
  page("Idea con 200 commenti", `/idee/${BENCH.busyIdea}`),
  page("/crono-programma", "/crono-programma"),
  { ...page("/cabina-di-regia", "/cabina-di-regia"), before: everythingChanged },
  page(`Pagina di gruppo (${BENCH.meetings} riunioni)`, `/gruppi/${group}`),
  page("/sondaggi (40 sondaggi)", "/sondaggi"),
  page("Sondaggio con 3000 voti", `/sondaggi/${BENCH.poll}`),
  page(`Sfida con ${BENCH.challengeIdeas} idee`, `/sfide/${BENCH.challenge}`),
  page(`Riunione (${BENCH.meetings} del gruppo)`, `/riunioni/bmeeting00015`),
  {
    name: "/metrics (il collettore Prometheus)",
    path: "/metrics",
    kind: "action",
    method: "GET",
    next: () => ({ headers: { authorization: `Bearer ${METRICS_TOKEN}` } }),
  },
  {
    name: "/api/v1/ideas (l'API: 20 idee in JSON, con un token)",
    path: "/api/v1/ideas",
    kind: "action",
    method: "GET",
    next: () => ({ headers: { authorization: `Bearer ${apiTokens[rotation++ % apiTokens.length]}` } }),
  },
  {
    name: "Azione: sostegno on/off",
    path: `/idee/${popular.id}?_data=${encodeURIComponent("routes/idee.$id")}`,
    kind: "action",
    method: "POST",
    next() {
      const cookie = nextCookie();
      const on = !supported.has(cookie);
      if (on) supported.add(cookie);
      else supported.delete(cookie);
      return { headers: postHeaders(cookie), body: form({ intent: on ? "support" : "unsupport", respond: "json" }) };
    },
  },
  {
    name: "Azione: nuovo commento",
    path: `/idee/${popular.id}?_data=${encodeURIComponent("routes/idee.$id")}`,
    kind: "action",
    method: "POST",
    next: () => ({
      headers: postHeaders(nextCookie()),
      body: form({ intent: "comment", body: "Sono d'accordo: proviamolo su un servizio e misuriamo le attese." }),
    }),
    before: countComments,
    after: drainNotices,
  },
  { ...page("Home durante l'invio di 10.000 e-mail", "/"), before: queueMails, after: withdrawMails },
  page("Risultati di una rilevazione (100.000 visite)", `/rilevazioni/${BENCH.campaign}`),
  page("Risultati di un questionario (100.000 risposte)", `/questionari/${BENCH.survey}`),
  {
    name: "Azione: visita dalla coda del telefono",
    path: `/rilevazioni/${BENCH.campaign}/coda`,
    kind: "action",
    method: "POST",
    next: () => ({ headers: postHeaders(nextCookie()), body: visitForm() }),
  },
  { ...page("/cabina-di-regia durante un'ondata di risposte", "/cabina-di-regia"), before: floodAnswers },
];

/** A visit as the phone's queue sends it, each with an identifier of its own. */
function visitForm() {
  return form({
    visitId: `bench${randomBytes(9).toString("base64url")}`,
    day: "2026-11-20",
    arrival: "09:12",
    start: "09:30",
    end: "09:41",
    stop0: "bplace0001",
    stop1: "bplace0003",
    serviceId: "bservice001",
    outcome: "RINVIATO",
    channel: "SPONTANEO",
    note: "",
  });
}
const answerForm = form({ q_bq0: "3", q_bq1: "4", testo: "", sito_web: "" });
const answer = () =>
  fetch(`${base}/q/${BENCH.qrToken}`, {
    method: "POST",
    headers: { origin: base, "content-type": "application/x-www-form-urlencoded" },
    body: answerForm,
    redirect: "manual",
  });

/**
 * Before the board's row: a content write, a citizen's answer and a visit, so that its probe
 * counts the board's statements at their most (issue 22: "cold after a visit or answer"). The
 * board keeps three sets of figures, each with its own version (the content's, the featured
 * campaign's, the featured survey's): all three are read again. The content write is the
 * version's own raise, which every write to a page's table makes by trigger.
 */
async function everythingChanged() {
  const writer = new Database(file);
  writer.pragma("busy_timeout = 5000");
  writer.prepare(`UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1`).run();
  writer.close();
  const answered = await answer();
  const visited = await fetch(`${base}/rilevazioni/${BENCH.campaign}/coda`, {
    method: "POST",
    headers: postHeaders(nextCookie()),
    body: visitForm(),
    redirect: "manual",
  });
  for (const [what, response] of [
    ["answer", answered],
    ["visit", visited],
  ] as const) {
    await response.arrayBuffer();
    if (response.status >= 400) throw new Error(`before the board's row, the ${what}: ${response.status}`);
  }
}

/**
 * Citizens' answers pouring in from one address at full speed while the board's page is measured:
 * the limits turn them away before any work (a 429 costs no query), the few accepted are small
 * transactions.
 */
const flood = { accepted: 0, refused: 0 };
function floodAnswers() {
  const until = Date.now() + (WARMUP + DURATION + 2) * 1000;
  const worker = async () => {
    while (Date.now() < until) {
      const response = await answer();
      await response.arrayBuffer();
      if (response.status === 302) flood.accepted += 1;
      else flood.refused += 1;
    }
  };
  for (let i = 0; i < 4; i++) void worker();
}

/**
 * The followers' notices of the comment row are fanned out moments after each comment
 * (decision 0023): the row ends when the last of them is written, not before, so that their cost
 * is counted with the comments and does not fall on the next row.
 */
const noticeDrain = { comments: 0, startedAt: 0, seconds: 0, drainSeconds: 0, notices: 0 };
function countComments() {
  const sql = new Database(file, { readonly: true });
  noticeDrain.comments = (sql.prepare(`SELECT COUNT(*) AS n FROM "Comment"`).get() as { n: number }).n;
  noticeDrain.notices = (sql.prepare(`SELECT COUNT(*) AS n FROM "Notification"`).get() as { n: number }).n;
  sql.close();
  noticeDrain.startedAt = Date.now();
}
async function drainNotices() {
  const sql = new Database(file, { readonly: true });
  const ended = Date.now();
  const pending = sql.prepare(`SELECT COUNT(*) AS n FROM "PendingNotice"`);
  while ((pending.get() as { n: number }).n > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  noticeDrain.drainSeconds = (Date.now() - ended) / 1000;
  noticeDrain.seconds = (Date.now() - noticeDrain.startedAt) / 1000;
  noticeDrain.comments =
    (sql.prepare(`SELECT COUNT(*) AS n FROM "Comment"`).get() as { n: number }).n - noticeDrain.comments;
  noticeDrain.notices =
    (sql.prepare(`SELECT COUNT(*) AS n FROM "Notification"`).get() as { n: number }).n - noticeDrain.notices;
  sql.close();
}

/** 10,000 e-mails in the outbox at once (a digest day for a large body), while the home page is measured. */
const mailDrain = { queued: 0, deliveredBefore: 0, startedAt: 0, delivered: 0, seconds: 0 };
function queueMails() {
  const sql = new Database(file);
  const insert = sql.prepare(
    `INSERT INTO "OutboxMail" ("id", "toAddress", "toName", "kind", "subject", "text", "html", "headers",
      "status", "attempts", "nextAttemptAt", "createdAt") VALUES (?, ?, ?, 'DIGEST', ?, ?, ?, '{}', 'QUEUED', 0, ?, ?)`,
  );
  const now = isoNow();
  sql.transaction(() => {
    for (let i = 0; i < 10_000; i++)
      insert.run(
        `mbench${i.toString().padStart(6, "0")}`,
        `collega${i}@bench.example`,
        `Collega ${i}`,
        "Pionieri: il riepilogo di oggi (3 novità)",
        "Ecco che cosa è successo su Pionieri dall'ultimo riepilogo.\n".repeat(20),
        "<p>Ecco che cosa è successo su Pionieri dall'ultimo riepilogo.</p>".repeat(20),
        now,
        now,
      );
  })();
  sql.close();
  mailDrain.queued = 10_000;
  mailDrain.deliveredBefore = delivered;
  mailDrain.startedAt = Date.now();
}
/** What the sender delivered during the row (warm-up and measure); the rest of the queue is withdrawn. */
function withdrawMails() {
  mailDrain.delivered = delivered - mailDrain.deliveredBefore;
  mailDrain.seconds = (Date.now() - mailDrain.startedAt) / 1000;
  const sql = new Database(file);
  sql.pragma("busy_timeout = 5000");
  sql.prepare(`DELETE FROM "OutboxMail" WHERE "id" LIKE 'mbench%' AND "status" = 'QUEUED'`).run();
  sql.close();
}

type Row = {
  name: string;
  path: string;
  kind: Endpoint["kind"];
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  statements: number | null;
  jsKb: number | null;
  cssKb: number | null;
};

async function probe(endpoint: Endpoint) {
  const request = endpoint.next?.() ?? { headers: endpoint.kind === "floor" ? {} : { cookie: nextCookie() } };
  // Every request reads its session, and one used a minute after its last extension is extended
  // (BEGIN, UPDATE, COMMIT): the rotating sessions are due a few minutes into a run, and the probe
  // counted that bookkeeping as the page's (the support toggle's 8 for 5, the board's 15 for 12).
  // The empty route, with the same cookie, takes the extension first; no page's cache is touched.
  const cookie = (request.headers as Record<string, string> | undefined)?.cookie;
  if (cookie) await (await fetch(`${base}/bench/floor`, { headers: { cookie } })).text();
  const response = await fetch(base + endpoint.path, {
    method: endpoint.method ?? "GET",
    headers: request.headers,
    body: request.body,
    redirect: "manual",
  });
  const body = await response.text();
  if (response.status >= 300) throw new Error(`${endpoint.name}: ${response.status} ${body.slice(0, 300)}`);
  const statements = Number(response.headers.get("x-sql-statements"));
  return { statements, ...(endpoint.kind === "page" ? shipped(body) : { jsKb: null, cssKb: null }) };
}

/** autocannon's own percentiles skip p95: every response time is kept and read here instead. */
function percentiles(times: number[]) {
  const sorted = Float64Array.from(times).sort();
  const at = (p: number) =>
    Math.round(10 * (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN)) / 10;
  return { p50: at(50), p95: at(95), p99: at(99) };
}

function load(endpoint: Endpoint, seconds: number) {
  const times: number[] = [];
  return new Promise<{ result: autocannon.Result; times: number[] }>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: seconds,
        requests: [
          {
            method: endpoint.method ?? "GET",
            path: endpoint.path,
            setupRequest(request) {
              const made = endpoint.next?.() ?? { headers: endpoint.kind === "floor" ? {} : { cookie: nextCookie() } };
              return { ...request, headers: { ...request.headers, ...made.headers }, body: made.body };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve({ result, times })),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

// --- sixteen colleagues upload a 20 MB file each at once: documents, then photos --------------
// First, on the fresh server: what the uploads themselves cost (the pages' rows grow the heap,
// which V8 keeps; the peak of the whole run is the line after the table).
function currentRssMb() {
  const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}
async function uploadBurst(label: string, name: string, make: (i: number) => Buffer) {
  const before = currentRssMb();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, currentRssMb())), 20);
  const started = Date.now();
  const statuses = await Promise.all(
    uploaders.map(async (cookie, i) => {
      const form = new FormData();
      form.append("title", `${label} ${i}`);
      form.append("file", new Blob([new Uint8Array(make(i))]), name);
      const response = await fetch(`${base}/gruppi/${group}/documenti`, {
        method: "POST",
        redirect: "manual",
        headers: { cookie, origin: base },
        body: form,
      });
      await response.arrayBuffer();
      return response.status;
    }),
  );
  clearInterval(sampler);
  const result = {
    label,
    files: uploaders.length,
    seconds: (Date.now() - started) / 1000,
    beforeMb: before,
    peakMb: peak,
    statuses,
  };
  console.log(
    `${label}: ${statuses.join(" ")} in ${result.seconds.toFixed(1)} s, ` +
      `RSS ${before.toFixed(0)} → ${peak.toFixed(0)} MB`,
  );
  return result;
}
// BENCH_ONLY=<regular expression>: only the rows whose name matches (and the floor), without the
// uploads (BENCH_UPLOADS=1 keeps them) and Lighthouse, for a quick look while working; such a run
// writes no results.
const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, "i") : null;
const twentyMb = 20 * 1024 * 1024 - 64 * 1024;
const pdfHead = Buffer.from("%PDF-1.7\n");
const photo = await sharp({
  create: {
    width: 6000,
    height: 4000,
    channels: 3,
    background: "#808080",
    noise: { type: "gaussian", mean: 128, sigma: 60 },
  },
})
  .jpeg({ quality: 92 })
  .toBuffer();
const uploads =
  only && !process.env.BENCH_UPLOADS
    ? []
    : [
        await uploadBurst("PDF da 20 MB", "verbale.pdf", (i) =>
          Buffer.concat([pdfHead, randomBytes(twentyMb - pdfHead.length - 1), Buffer.from([i])]),
        ),
        await uploadBurst(`Foto da ${(photo.length / 1048576).toFixed(0)} MB (6000 × 4000)`, "sala.jpg", () => photo),
      ];

const rows: Row[] = [];
for (const endpoint of endpoints.filter((e) => !only || e.kind === "floor" || only.test(e.name))) {
  await endpoint.before?.();
  const { statements, jsKb, cssKb } = await probe(endpoint);
  await load(endpoint, WARMUP);
  const { result, times } = await load(endpoint, DURATION);
  await endpoint.after?.();
  const row: Row = {
    name: endpoint.name,
    path: endpoint.path.replace(/\?_data=.*$/, ""),
    kind: endpoint.kind,
    rps: result.requests.average,
    ...percentiles(times),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statements,
    jsKb,
    cssKb,
  };
  rows.push(row);
  console.log(
    `${row.name.padEnd(40)} ${row.rps.toFixed(0).padStart(6)} req/s ` +
      ` p50 ${row.p50} ms  p95 ${row.p95} ms  p99 ${row.p99} ms  non-2xx ` +
      `${row.non2xx}  SQL ${statements}  RSS ${currentRssMb().toFixed(0)} MB`,
  );
}

const drained = mailDrain.delivered;
const drainSeconds = mailDrain.seconds;
console.log(`E-mail consegnate durante la riga: ${drained} di ${mailDrain.queued} in ${drainSeconds.toFixed(0)} s`);
console.log(`Ondata di risposte dei cittadini: ${flood.accepted} accettate, ${flood.refused} respinte dai limiti`);
relay.kill("SIGTERM");
const rssMb = peakRssMb();
const lighthouse: LighthouseResult[] =
  process.env.BENCH_SKIP_LIGHTHOUSE || only
    ? []
    : await lighthouseScores(base, cookies[0]!, [
        { name: "Home", path: "/" },
        { name: "/idee", path: "/idee" },
        { name: "Idea", path: `/idee/${BENCH.busyIdea}` },
      ]);
stopServer();

// --- targets ----------------------------------------------------------------------------------
const floor = rows.find((row) => row.kind === "floor")!;
type Check = { what: string; value: string; target: string; pass: boolean };
const checks: Check[] = [];
const check = (what: string, value: number, target: number, unit: string, atMost = true, digits = 0) =>
  checks.push({
    what,
    value: `${value.toFixed(digits)} ${unit}`.trim(),
    target: `${atMost ? "≤" : "≥"} ${target} ${unit}`.trim(),
    pass: atMost ? value <= target : value >= target,
  });
for (const row of rows.filter((r) => r.kind !== "floor")) {
  const toggle = row.name.includes("sostegno");
  check(`${row.name}: p95`, row.p95, toggle ? TARGETS.toggleP95 : TARGETS.p95, "ms");
  checks.push({
    what: `${row.name}: risposte non 2xx`,
    value: `${row.non2xx + row.errors}`,
    target: "0",
    pass: row.non2xx + row.errors === 0,
  });
  if (row.kind === "page") {
    check(`${row.name}: quota del floor`, (100 * row.rps) / floor.rps, 100 * TARGETS.floorShare, "%", false, 1);
    check(`${row.name}: istruzioni SQL`, row.statements!, TARGETS.statements, "");
    check(`${row.name}: JavaScript gzip`, row.jsKb!, TARGETS.jsKb, "KB", true, 1);
    check(`${row.name}: CSS gzip`, row.cssKb!, TARGETS.cssKb, "KB", true, 1);
  }
}
check("RSS di picco del server", rssMb, TARGETS.rssMb, "MB");
if (mailDrain.seconds)
  check(
    "E-mail consegnate al secondo con la home sotto carico",
    drained / drainSeconds,
    TARGETS.mailPerSecond,
    "/s",
    false,
  );
for (const burst of uploads) {
  check(`16 caricamenti insieme, ${burst.label}: RSS di picco`, burst.peakMb, TARGETS.rssMb, "MB");
  check(
    `16 caricamenti insieme, ${burst.label}: risposte non 302`,
    burst.statuses.filter((status) => status !== 302).length,
    0,
    "",
  );
}
for (const result of lighthouse) {
  check(`Lighthouse ${result.name}: prestazioni`, result.performance, 95, "", false);
  check(`Lighthouse ${result.name}: accessibilità`, result.accessibility, 100, "", false);
  check(`Lighthouse ${result.name}: buone pratiche`, result.bestPractices, 95, "", false);
}

if (only) {
  console.log(`RSS di picco del server: ${rssMb.toFixed(0)} MB (BENCH_ONLY: nessun risultato scritto).`);
  for (const c of checks) console.log(`${c.pass ? "PASS" : "FAIL"}  ${c.what}: ${c.value} (obiettivo ${c.target})`);
  process.exit(0);
}

const machine =
  `${os.cpus().length} core ${os.cpus()[0]?.model.trim() ?? ""}, ` +
  `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node.js ${process.version}, ` +
  `${os.platform()} ${os.release()}`;
const when = new Date().toISOString();
const failed = checks.filter((c) => !c.pass);

writeFileSync(
  path.join(import.meta.dirname, "results.json"),
  JSON.stringify(
    {
      when,
      machine,
      connections: CONNECTIONS,
      seconds: DURATION,
      data: BENCH,
      rows,
      rssMb,
      uploads,
      lighthouse,
      checks,
    },
    null,
    2,
  ) + "\n",
);

const fmt = (n: number | null, digits = 0) => (n === null ? "–" : n.toFixed(digits));
const table = [
  `Misurato il ${when.slice(0, 10)} su ${machine}; ${CONNECTIONS} ` +
    `connessioni, ${DURATION} s per riga dopo ${WARMUP} s di riscaldamento; ` +
    `dati: ${BENCH.users.toLocaleString("it-IT")} persone, ${BENCH.ideas.toLocaleString("it-IT")} ` +
    `idee, ${BENCH.supports.toLocaleString("it-IT")} sostegni, ${BENCH.comments.toLocaleString("it-IT")} ` +
    `commenti, ${BENCH.objectives} obiettivi con ${BENCH.updates.toLocaleString("it-IT")} ` +
    `aggiornamenti.`,
  "",
  "| Pagina o azione | req/s | % floor | p50 ms | p95 ms | p99 ms | non 2xx | SQL | JS gzip KB | CSS gzip KB |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...rows.map(
    (r) =>
      `| ${r.name} | ${fmt(r.rps)} | ${r.kind === "floor" ? "100" : fmt((100 * r.rps) / floor.rps, 1)} ` +
      `| ${r.p50} | ${r.p95} | ${r.p99} | ${r.non2xx + r.errors} | ${fmt(r.statements)} ` +
      `| ${fmt(r.jsKb, 1)} | ${fmt(r.cssKb, 1)} |`,
  ),
  "",
  `RSS di picco del server: ${rssMb.toFixed(0)} MB. ` +
    `Durante la riga «Home durante l'invio» il mittente ha consegnato ` +
    `${drained.toLocaleString("it-IT")} delle ${mailDrain.queued.toLocaleString("it-IT")} e-mail in coda in ` +
    `${drainSeconds.toFixed(0)} s (${(drained / drainSeconds).toFixed(0)} al secondo) a un server SMTP locale.`,
  "",
  ...(noticeDrain.seconds
    ? [
        `Riga «nuovo commento»: ${noticeDrain.comments.toLocaleString("it-IT")} commenti (riscaldamento compreso) ` +
          `e le loro ${noticeDrain.notices.toLocaleString("it-IT")} notifiche ai seguaci, scritte dal server ` +
          `fino a ${noticeDrain.drainSeconds.toFixed(1)} s dopo la fine della riga: ` +
          `${(noticeDrain.comments / noticeDrain.seconds).toFixed(0)} commenti al secondo contando anche quel tempo.`,
        "",
      ]
    : []),
  `Ondata di risposte dei cittadini durante l'ultima riga (4 richieste alla volta da un solo indirizzo): ` +
    `${flood.accepted.toLocaleString("it-IT")} accettate, ` +
    `${flood.refused.toLocaleString("it-IT")} respinte dai limiti.`,
  "",
  "| Caricamenti a server appena avviato (16 colleghi insieme, un file ciascuno) | s | RSS prima MB | " +
    "RSS di picco MB | risposte |",
  "| --- | ---: | ---: | ---: | --- |",
  ...uploads.map(
    (u) =>
      `| ${u.label} | ${u.seconds.toFixed(1)} | ${u.beforeMb.toFixed(0)} | ${u.peakMb.toFixed(0)} ` +
      `| ${[...new Set(u.statuses)].join(", ")} |`,
  ),
  ...(lighthouse.length
    ? [
        "",
        `| Lighthouse ${LIGHTHOUSE_VERSION} (Chromium di Debian, collega autenticato) | ` +
          "Prestazioni | Accessibilità | Buone pratiche |",
        "| --- | ---: | ---: | ---: |",
        ...lighthouse.map(
          (l) => `| ${l.name} (${l.path}) | ${l.performance} | ${l.accessibility} | ${l.bestPractices} |`,
        ),
      ]
    : []),
].join("\n");
const report = [
  "# Risultati del benchmark",
  "",
  "Generato da `npm run bench` (tests/bench/run.ts): non modificare a mano.",
  "",
  table,
  "",
  "## Obiettivi",
  "",
  "| Controllo | Valore | Obiettivo | Esito |",
  "| --- | ---: | ---: | --- |",
  ...checks.map((c) => `| ${c.what} | ${c.value} | ${c.target} | ${c.pass ? "PASS" : "**FAIL**"} |`),
  "",
].join("\n");
writeFileSync(path.join(import.meta.dirname, "results.md"), report);

const readme = path.join(ROOT, "README.md");
const text = readFileSync(readme, "utf8");
const marked = /(<!-- bench:start -->\n)[\s\S]*?(<!-- bench:end -->)/;
if (marked.test(text))
  writeFileSync(
    readme,
    text.replace(marked, () => `<!-- bench:start -->\n${table}\n<!-- bench:end -->`),
  );

console.log("");
for (const c of checks) console.log(`${c.pass ? "PASS" : "FAIL"}  ${c.what}: ${c.value} (obiettivo ${c.target})`);
console.log(failed.length ? `\n${failed.length} obiettivi mancati.` : "\nTutti gli obiettivi raggiunti.");
process.exit(failed.length ? 1 : 0);
