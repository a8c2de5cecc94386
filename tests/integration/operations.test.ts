import { rmSync, writeFileSync } from "node:fs";
import Database from "better-sqlite3";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { useServer } from "../support/harness";
import { Client } from "../support/http";
import { useDirectory } from "../support/ldap";
import { TMP } from "../support/paths";
import { seedScenario } from "../support/scenario";
import { startServer, type TestServer } from "../support/server";
import { signedIn } from "../support/sessions";
import { mailEnv, useSmtp } from "../support/smtp";
import { seedSurvey } from "../../prisma/seed-observe";
import { PASSWORD } from "../support/scenario";

/**
 * What the machine room asks of Pionieri (issue 24): /healthz says the process is up, /readyz
 * whether it can serve (database, migrations, files folder, relay and directory when configured),
 * both without an account and without personal data; a wrong setting stops the server at start
 * with one line naming the variable. Real services on loopback: smtp-server and slapd.
 */
const h = useServer();
const smtp = useSmtp();
const directory = useDirectory([]);
const servers: TestServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop();
});

type Ready = { status: string; checks: Record<string, string> };

async function probe(server: { url: string }, which: "healthz" | "readyz") {
  const response = await new Client(server.url).get(`/${which}`);
  return { status: response.status, headers: response.headers, body: (await response.json()) as Ready };
}

/** The readiness answer is kept two seconds: a later probe sees a change. */
const afterKeep = () => new Promise((resolve) => setTimeout(resolve, 2100));

describe("/healthz and /readyz", () => {
  it("say the process is up and ready, to anyone, with nothing personal and nothing cached", async () => {
    const health = await probe(h.server, "healthz");
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: "ok" });
    expect(health.headers.get("cache-control")).toBe("no-store");
    expect(health.headers.get("set-cookie")).toBeNull();

    const ready = await probe(h.server, "readyz");
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      status: "ready",
      checks: {
        database: "ok",
        migrations: "ok",
        files: "ok",
        smtp: "not configured",
        directory: "not configured",
      },
    });
    expect(ready.headers.get("cache-control")).toBe("no-store");
  });

  it("check the relay and the directory when they are configured, and answer 503 naming what is down", async () => {
    const server = await startServer({ ...mailEnv(smtp), ...directory.env() });
    servers.push(server);
    const up = await probe(server, "readyz");
    expect(up.status).toBe(200);
    expect(up.body.checks).toMatchObject({ smtp: "ok", directory: "ok" });

    await smtp.pause();
    try {
      await afterKeep();
      const down = await probe(server, "readyz");
      expect(down.status).toBe(503);
      expect(down.body.status).toBe("not ready");
      expect(down.body.checks).toMatchObject({ database: "ok", smtp: "failed", directory: "ok" });
      // Nothing of the configuration is told: no host, no port, no user.
      expect(JSON.stringify(down.body)).not.toMatch(/127\.0\.0\.1|smtp:|ldap:|cn=/);
    } finally {
      await smtp.resume();
    }
    await afterKeep();
    expect((await probe(server, "readyz")).status).toBe(200);
  });

  it("answer 503 when a migration of this build is not applied", async () => {
    const file = path.join(TMP, `migrazione-mancante-${process.pid}.db`);
    rmSync(file, { force: true });
    await h.server.db.$executeRawUnsafe(`VACUUM INTO '${file}'`);
    const server = await startServer({}, { dbFile: file });
    servers.push(server);
    await server.db.$executeRawUnsafe(
      `DELETE FROM "_prisma_migrations"
        WHERE "migration_name" = (SELECT MAX("migration_name") FROM "_prisma_migrations")`,
    );
    const answer = await probe(server, "readyz");
    expect(answer.status).toBe(503);
    expect(answer.body.checks).toMatchObject({ database: "ok", migrations: "failed", files: "ok" });
  });

  it("answer 503 when the database is locked by another writer, or the files folder takes no file", async () => {
    const server = await startServer();
    servers.push(server);
    expect((await probe(server, "readyz")).status).toBe(200);
    // Another process holds the write lock (a long import, a stuck tool): the probe waits a second.
    const blocker = new Database(server.dbFile);
    blocker.exec("BEGIN IMMEDIATE");
    // And where uploads arrive there is a file instead of a folder (root ignores file modes).
    const tmp = path.join(server.filesDir, "tmp");
    rmSync(tmp, { recursive: true, force: true });
    writeFileSync(tmp, "non una cartella");
    try {
      await afterKeep();
      const answer = await probe(server, "readyz");
      expect(answer.status).toBe(503);
      expect(answer.body.checks).toMatchObject({ database: "failed", files: "failed", migrations: "ok" });
      // The process is still up.
      expect((await probe(server, "healthz")).status).toBe(200);
    } finally {
      blocker.exec("ROLLBACK");
      blocker.close();
      rmSync(tmp, { force: true });
    }
    await afterKeep();
    expect((await probe(server, "readyz")).body.checks).toMatchObject({ database: "ok", files: "ok" });
  });
});

describe("/metrics", () => {
  const TOKEN = "metriche-del-comune-0123456789abcdef";
  const scrape = (server: { url: string }, token?: string) =>
    new Client(server.url).get("/metrics", token ? { authorization: `Bearer ${token}` } : {});

  it("answers the collector's token only: requests by route pattern, Node, the outbox, sign-ins", async () => {
    const server = await startServer({ METRICS_TOKEN: TOKEN });
    servers.push(server);
    const { users } = await seedScenario(server.db);
    const refused = await scrape(server);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
    expect((await scrape(server, `${TOKEN}x`)).status).toBe(401);

    // Something to count: pages by pattern, a secret in an address, a miss, two wrong passwords.
    const colleague = new Client(server.url);
    await colleague.get("/healthz");
    await colleague.get("/idee/12345");
    await colleague.get("/invito/segretissimo0123456789abcdef");
    await colleague.get("/non-esiste-affatto");
    await colleague.post("/login", { email: users.employee.email, password: "sbagliata-davvero" });
    await colleague.post("/login", { email: users.employee.email, password: "sbagliata-ancora" });
    // An e-mail waiting a minute (this server sends none: no SMTP_URL).
    await server.db.outboxMail.create({
      data: {
        id: "metriche-prova",
        toAddress: "qualcuno@test.example",
        toName: "Qualcuno",
        kind: "NOTICE",
        subject: "Prova",
        text: "Prova",
        html: "<p>Prova</p>",
        status: "QUEUED",
        createdAt: new Date(Date.now() - 60_000),
      },
    });

    const answer = await scrape(server, TOKEN);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toContain("text/plain");
    const text = await answer.text();
    expect(text).toMatch(
      /pionieri_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} 1/,
    );
    // An address's numbers and tokens are not labels: the pattern is (an unknown token is a miss).
    expect(text).toMatch(
      /pionieri_http_request_duration_seconds_count\{method="GET",route="\/idee\/:id",status="302"\} 1/,
    );
    expect(text).not.toMatch(/segretissimo|12345/);
    expect(text).toMatch(/pionieri_http_request_duration_seconds_count\{method="GET",route="other",status="404"\} 2/);
    expect(text).toMatch(/pionieri_sign_in_failures_total\{reason="credentials"\} 2/);
    expect(text).toMatch(/pionieri_outbox_depth 1/);
    const age = Number(/pionieri_outbox_oldest_age_seconds ([\d.]+)/.exec(text)?.[1]);
    expect(age).toBeGreaterThanOrEqual(60);
    expect(age).toBeLessThan(600);
    for (const name of ["nodejs_eventloop_lag_seconds", "process_resident_memory_bytes", "nodejs_heap_size_used_bytes"])
      expect(text).toContain(name);
    expect(text).toMatch(/pionieri_sqlite_busy_total 0/);
    // The background worker's heap is its own isolate's, not the main thread's again.
    const worker = (kind: string) =>
      Number(new RegExp(`pionieri_worker_heap_bytes\\{kind="${kind}"\\} (\\d+)`).exec(text)?.[1]);
    expect(worker("used")).toBeGreaterThan(1_000_000);
    expect(worker("total")).toBeGreaterThanOrEqual(worker("used"));
    expect(worker("used")).not.toBe(Number(/nodejs_heap_size_used_bytes (\d+)/.exec(text)?.[1]));
    // glibc's free memory is given back after full collections (decision 0038): its timing is there.
    expect(text).toMatch(/pionieri_malloc_trim_duration_seconds_count \d+/);
    // Nothing personal: no e-mail address, no name.
    expect(text).not.toMatch(/@test\.example|Dario/);
  });

  it("answers an address on the list without a token, and refuses the others with 403", async () => {
    const allowed = await startServer({ METRICS_ALLOW: "10.9.8.7, 127.0.0.1" });
    servers.push(allowed);
    expect((await scrape(allowed)).status).toBe(200);
    const elsewhere = await startServer({ METRICS_ALLOW: "10.9.8.7" });
    servers.push(elsewhere);
    expect((await scrape(elsewhere)).status).toBe(403);
  });

  it("counts the writes refused because another writer held the database past the busy timeout", async () => {
    const server = await startServer({ METRICS_TOKEN: TOKEN });
    servers.push(server);
    const { users } = await seedScenario(server.db);
    const colleague = await signedIn(server, users.employee.email);
    const blocker = new Database(server.dbFile);
    blocker.exec("BEGIN IMMEDIATE");
    try {
      const refused = await colleague.post("/profilo", {
        intent: "profile",
        displayName: "Dario D.",
        office: "",
        locale: "it",
      });
      expect(refused.status).toBe(503);
    } finally {
      blocker.exec("ROLLBACK");
      blocker.close();
    }
    // At least the profile's write: the server's own work at start (the webhooks' sender, the
    // imports) may also have met the lock, on a loaded machine, and is counted too. The server
    // answers the scrape: what that work logs of the refusal stops nothing.
    const busy = /pionieri_sqlite_busy_total (\d+)/.exec(await (await scrape(server, TOKEN)).text());
    expect(Number(busy?.[1])).toBeGreaterThanOrEqual(1);
  });
});

const ORIGIN_LINE =
  "Configurazione non valida: APP_ORIGIN deve essere l'indirizzo pubblico di Pionieri (per esempio " +
  "https://pionieri.comune.cesena.it), obbligatorio in produzione; più indirizzi separati da virgole.";

describe("configuration checked at start", () => {
  it.each([
    [{ PORT: "ottanta" }, "Configurazione non valida: PORT deve essere un numero di porta tra 0 e 65535."],
    [
      { LDAP_URL: "directory.comune.example:389" },
      "Configurazione non valida: LDAP_URL deve essere un indirizzo con lo schema, come ldap://host:389 o " +
        "ldaps://host:636.",
    ],
    [
      { SMTP_URL: "posta del comune" },
      "Configurazione non valida: SMTP_URL deve essere un indirizzo come smtp://utente:password@host:587 o " +
        "smtps://host:465.",
    ],
    [{ TRUST_PROXY: "forse" }, "Configurazione non valida: TRUST_PROXY deve essere true o false."],
    [{ APP_ORIGIN: "" }, ORIGIN_LINE],
    [{ APP_ORIGIN: "pionieri.comune.cesena.it" }, ORIGIN_LINE],
    [
      { LOG_LEVEL: "tutto" },
      "Configurazione non valida: LOG_LEVEL deve essere uno fra fatal, error, warn, info, debug, trace, silent.",
    ],
  ])("%o stops the server with one line naming the variable", async (env, line) => {
    const failure = await startServer(env).then(
      (server) => {
        servers.push(server);
        return null;
      },
      (error: Error) => error.message,
    );
    expect(failure).toContain("server exited with 1");
    const output = failure!.split("\n").slice(1).filter(Boolean);
    // That line and nothing else: no stack trace, no value repeated (it may be a password).
    expect(output).toEqual([line]);
  });
});

describe("rate limits kept across a restart", () => {
  it("keep sign-in, password reset and citizens' answers throttled after a stop and a start, keys hashed", async () => {
    // E-mail on: without it there is no password reset to limit.
    const first = await startServer(mailEnv(smtp));
    servers.push(first);
    const scenario = await seedScenario(first.db);
    const survey = await seedSurvey(first.db, {
      title: "Sportello: com'è andata?",
      from: "2026-10-05",
      to: "2026-10-09",
      responses: 0,
      createdById: scenario.users.board.id,
      status: "APERTO",
    });
    const place = await first.db.surveyPlace.findFirstOrThrow({ where: { surveyId: survey.id } });
    const answer = { [`q_${survey.questions[0]!.id}`]: "4", testo: "", sito_web: "" };

    const attacker = new Client(first.url);
    for (let i = 0; i < 5; i++)
      expect((await attacker.post("/login", { email: "membro@test.example", password: `sbagliata-${i}` })).status).toBe(
        401,
      );
    for (let i = 0; i < 3; i++)
      expect((await attacker.post("/password-dimenticata", { email: "osservatore@test.example" })).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await attacker.post(`/q/${place.token}`, answer)).status).toBe(302);
    expect((await attacker.post("/login", { email: "membro@test.example", password: PASSWORD })).status).toBe(429);

    const windows = await first.db.rateLimitWindow.findMany();
    expect(new Set(windows.map((w) => w.bucket))).toEqual(
      new Set([
        "signIn:accountAndAddress",
        "signIn:address",
        "signIn:account",
        "reset:address",
        "reset:email",
        "survey:address",
        "survey:all",
      ]),
    );
    // Neither the e-mail nor the address is kept in clear.
    expect(JSON.stringify(windows)).not.toMatch(/membro|osservatore|127\.0\.0\.1/);

    await first.stop();
    const second = await startServer(mailEnv(smtp), { dbFile: first.dbFile });
    servers.push(second);
    const again = new Client(second.url);
    const signIn = await again.post("/login", { email: "membro@test.example", password: PASSWORD });
    expect(signIn.status).toBe(429);
    expect(Number(signIn.headers.get("retry-after"))).toBeGreaterThan(800);
    expect((await again.post("/password-dimenticata", { email: "osservatore@test.example" })).status).toBe(429);
    expect((await again.post(`/q/${place.token}`, answer)).status).toBe(429);
    expect(await second.db.surveyResponse.count({ where: { surveyId: survey.id } })).toBe(10);
    // Another account, another e-mail: their windows are their own.
    expect((await again.post("/login", { email: "admin@test.example", password: PASSWORD })).status).toBe(302);
  });

  it("forget the windows that closed while the server was stopped", async () => {
    const server = await startServer();
    servers.push(server);
    await server.db.rateLimitWindow.create({
      data: { bucket: "signIn:address", keyHash: "chiusa", count: 99, resetAt: new Date(Date.now() - 1000) },
    });
    await server.stop();
    const restarted = await startServer({}, { dbFile: server.dbFile });
    servers.push(restarted);
    expect(await restarted.db.rateLimitWindow.count({ where: { keyHash: "chiusa" } })).toBe(0);
  });
});
