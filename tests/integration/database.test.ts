import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "~/generated/prisma/client";
import BetterSqlite3 from "better-sqlite3";
import { applyPragmas, checkpointAfterCommits, createClient, db, dbReady } from "~/lib/db/client.server";
import { openConnection } from "~/lib/db/connection.server";
import { BUSY_TIMEOUT_MS } from "~/lib/db/sqlite.server";
import { whileUnchanged } from "~/lib/db/cache.server";
import { afterScan, reader, writeNow } from "~/lib/db/fast.server";
import { trimMallocHeap } from "~/lib/memory.server";
import { recordVisit } from "~/domain/campaigns.server";
import { setSupport } from "~/domain/supports.server";
import { seedCampaign } from "../../prisma/seed-observe";
import { walState } from "../support/db-state";
import { buildGroup, buildIdea, buildUser } from "../support/factories";
import { Client } from "../support/http";
import { freshDatabaseFile } from "../support/per-file-db";
import { startServer, type TestServer } from "../support/server";

const pragma = async (client: typeof db, name: string) => {
  const rows = await client.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`);
  return Object.values(rows[0]!)[0];
};

/**
 * Starts `write` while one of Prisma's transactions is held open (after its `statement`), checks
 * `meanwhile` that nothing is written yet, then lets the transaction end: `write`'s answer.
 */
async function whileTransactionOpen<T>(
  statement: (tx: Prisma.TransactionClient) => Promise<unknown>,
  write: () => Promise<T>,
  meanwhile: () => Promise<void>,
): Promise<T> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const open = db.$transaction(async (tx) => {
    await statement(tx);
    await held;
  });
  await new Promise((resolve) => setTimeout(resolve, 20));
  const written = write();
  await new Promise((resolve) => setTimeout(resolve, 20));
  await meanwhile();
  release();
  await open;
  return written;
}

describe("SQLite settings", () => {
  it("the app's connection runs with WAL, foreign keys, a busy timeout and synchronous=NORMAL", async () => {
    await dbReady;
    expect(await pragma(db, "journal_mode")).toBe("wal");
    expect(Number(await pragma(db, "foreign_keys"))).toBe(1);
    expect(Number(await pragma(db, "busy_timeout"))).toBe(BUSY_TIMEOUT_MS);
    expect(Number(await pragma(db, "synchronous"))).toBe(1);
  });

  it("applyPragmas changes what a fresh connection would otherwise use", async () => {
    const raw = createClient(`file:${freshDatabaseFile("pragmas")}`);
    expect(await pragma(raw, "journal_mode")).toBe("delete");
    expect(Number(await pragma(raw, "synchronous"))).toBe(2);
    await applyPragmas(raw);
    expect(await pragma(raw, "journal_mode")).toBe("wal");
    expect(Number(await pragma(raw, "synchronous"))).toBe(1);
    await expect(raw.membership.create({ data: { userId: "nobody", groupId: "nothing" } })).rejects.toThrow();
    await raw.$disconnect();
  });

  it("the app's connection checkpoints after its commits unless told the worker does", async () => {
    await dbReady;
    expect(Number(await pragma(db, "wal_autocheckpoint"))).toBe(1000);
    checkpointAfterCommits(false);
    expect(Number(await pragma(db, "wal_autocheckpoint"))).toBe(0);
    checkpointAfterCommits(true);
    expect(Number(await pragma(db, "wal_autocheckpoint"))).toBe(1000);
  });

  it("a worker's checkpoint copies the WAL back and says how long it was; past its limit the WAL starts again", () => {
    const file = freshDatabaseFile("checkpoint");
    const writer = new BetterSqlite3(file);
    writer.pragma("journal_mode = wal");
    writer.pragma("wal_autocheckpoint = 0");
    writer.exec(`CREATE TABLE "Blob" ("data" BLOB)`);
    const insert = writer.prepare(`INSERT INTO "Blob" VALUES (randomblob(3000))`);
    for (let i = 0; i < 60; i++) insert.run();
    const before = walState(file);
    expect(before.frames).toBeGreaterThanOrEqual(60);
    expect(before.copied).toBe(0);

    const worker = openConnection(`file:${file}`);
    // Within the limit: copied back, however long the WAL was.
    expect(worker.checkpoint(100_000)).toBe(before.frames);
    expect(walState(file)).toEqual({ frames: before.frames, copied: before.frames });
    // Past the limit: the next write starts the WAL from its beginning. (With no other writer,
    // as here, it would after a passive checkpoint too; the benchmark's comment row, where the
    // server writes all the time, is where the WAL grew to 868 MB without the restart: 0040.)
    for (let i = 0; i < 60; i++) insert.run();
    const longer = walState(file).frames;
    expect(worker.checkpoint(10)).toBe(longer);
    insert.run();
    expect(walState(file).frames).toBeLessThan(5);
    expect(writer.prepare(`SELECT count(*) AS "n" FROM "Blob"`).get()).toEqual({ n: 121 });
    worker.close();
    writer.close();
  });

  it("writeNow writes all or nothing, and steps aside while one of Prisma's transactions is open", async () => {
    await dbReady;
    const tag = (name: string) =>
      Prisma.sql`INSERT INTO "Tag" ("id", "kind", "name") VALUES (${`t-${name}`}, 'MACRO', ${name})`;
    expect(writeNow((sql) => sql.run(tag("scritto-subito")))).toBe(1);
    expect(await db.tag.count({ where: { name: "scritto-subito" } })).toBe(1);
    // A failure half-way undoes the first statement too.
    expect(() =>
      writeNow((sql) => {
        sql.run(tag("a-meta"));
        sql.run(tag("a-meta"));
      }),
    ).toThrow();
    expect(await db.tag.count({ where: { name: "a-meta" } })).toBe(0);
    // Inside an interactive transaction (awaiting between statements) it would join it: it must not.
    let during: number | null = -1;
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO "Tag" ("id", "kind", "name") VALUES ('t-prisma', 'MACRO', 'prisma')`;
        during = writeNow((sql) => sql.run(tag("nel-mezzo")));
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(during).toBeNull();
    expect(await db.tag.count({ where: { name: { in: ["prisma", "nel-mezzo"] } } })).toBe(0);
    expect(writeNow((sql) => sql.run(tag("dopo")))).toBe(1);
  });

  it(
    "a support given while one of Prisma's transactions is open waits for " + "it, through Prisma, and counts right",
    async () => {
      await dbReady;
      const group = await buildGroup(db, { slug: "attesa", name: "Attesa", description: "" });
      const user = await buildUser(db);
      const idea = await buildIdea(db, { title: "Da sostenere", groupId: group.id, authorId: null });
      const actor = { id: user.id, role: "DIPENDENTE" as const, active: true, memberOf: [], leaderOf: [] };
      const support = await whileTransactionOpen(
        (tx) => tx.$executeRaw`UPDATE "Idea" SET "lastActivityAt" = ${new Date()} WHERE "id" = ${idea.id}`,
        () => setSupport(actor, idea.id, true),
        async () => expect(await db.support.count({ where: { ideaId: idea.id } })).toBe(0),
      );
      expect(support).toEqual({ supported: true, count: 1 });
      expect((await db.idea.findUniqueOrThrow({ where: { id: idea.id } })).supportCount).toBe(1);
      expect(await setSupport(actor, idea.id, false)).toEqual({ supported: false, count: 0 });
    },
  );

  it("a visit recorded while one of Prisma's transactions is open waits for it, stored once", async () => {
    await dbReady;
    const user = await buildUser(db);
    const campaign = await seedCampaign(db, {
      title: "Rilevazione in attesa",
      startsOn: "2026-11-01",
      endsOn: "2026-11-30",
      visits: 0,
      groupId: null,
      createdById: user.id,
      recorders: [user.id],
    });
    const [first, second] = await db.campaignPlace.findMany({ where: { campaignId: campaign.id }, take: 2 });
    const actor = { id: user.id, role: "DIPENDENTE" as const, active: true, memberOf: [], leaderOf: [] };
    const input = {
      id: "visita-in-attesa-01",
      day: "2026-11-20",
      arrival: 9 * 3600,
      start: 9 * 3600 + 600,
      end: 9 * 3600 + 900,
      stops: [first!.placeId, second!.placeId],
      serviceId: null,
      outcome: "RISOLTO" as const,
      channel: "SPONTANEO",
      note: "",
    };
    const recorded = await whileTransactionOpen(
      (tx) => tx.$executeRaw`UPDATE "Campaign" SET "title" = 'Rilevazione in attesa' WHERE "id" = ${campaign.id}`,
      () => recordVisit(actor, campaign.id, input),
      async () => expect(await db.visit.count({ where: { id: input.id } })).toBe(0),
    );
    expect(recorded).toEqual({ ok: true, repeated: false });
    const stored = await db.visit.findUniqueOrThrow({
      where: { id: input.id },
      include: { stops: { orderBy: { position: "asc" } } },
    });
    expect(stored).toMatchObject({ waitSeconds: 600, serviceSeconds: 300, stopCount: 2, recordedById: user.id });
    expect(stored.stops.map((stop) => stop.placeId)).toEqual(input.stops);
    expect(Math.abs(stored.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    // Sent again: its twin is found, nothing more is written.
    expect(await recordVisit(actor, campaign.id, input)).toEqual({ ok: true, repeated: true });
    expect(await db.visitStop.count({ where: { visitId: input.id } })).toBe(2);
  });

  it("every table a cached page may show raises the content version on insert, update and delete", async () => {
    await dbReady;
    // Left out on purpose (migration 20261203080000_content_version): nothing cached shows them.
    const leftOut = new Set([
      "Session",
      "OutboxMail",
      "Notification",
      "PendingNotice", // migration 20261203100000_pending_notices
      "RateLimitWindow", // the limits' windows: no page shows them
      "AccessToken", // the profile reads them directly, uncached
      "Webhook", // the administrator's page reads them directly, uncached
      "WebhookDelivery",
      "Poll", // the polls' pages read them directly, uncached (issue 23)
      "PollOption",
      "PollBallot",
      "PollChoice",
      "Meeting", // the meetings' pages and the group page read them directly, uncached (issue 23)
      "MeetingItem",
      "MeetingResponse",
      "AuditEvent",
      "CalendarToken",
      "Invitation",
      "UserImport",
      "Visit",
      "VisitStop",
      "SurveyResponse",
      "SurveyAnswer",
      "ContentVersion",
    ]);
    const rows = reader().all<{ type: string; name: string; tbl_name: string }>(
      Prisma.sql`SELECT "type", "name", "tbl_name" FROM sqlite_master WHERE "type" IN ('table', 'trigger')`,
    );
    const tables = rows
      .filter((row) => row.type === "table" && !/^(sqlite_|_prisma|idea_fts)/.test(row.name))
      .map((row) => row.name);
    const triggered = (table: string) =>
      rows
        .filter((row) => row.type === "trigger" && row.tbl_name === table && row.name.startsWith(`${table}_content_`))
        .map((row) => row.name)
        .sort();
    expect(tables.length).toBeGreaterThan(40);
    for (const table of tables)
      expect(triggered(table), table).toEqual(
        leftOut.has(table) ? [] : ["delete", "insert", "update"].map((op) => `${table}_content_${op}`),
      );
  });

  it("a scan holds the read connection's cache small; its pages leave when it ends, even failing", async () => {
    // 24 MB of rows, more than a connection's 16 MB cache, written by a connection of its own.
    const file = process.env.DATABASE_URL!.replace(/^file:/, "");
    const writer = new BetterSqlite3(file);
    writer.exec(`CREATE TABLE "ScanProbe" ("id" INTEGER PRIMARY KEY, "body" BLOB NOT NULL)`);
    writer.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000)
                 INSERT INTO "ScanProbe" SELECT i, randomblob(4000) FROM n`);
    writer.close();
    const scan = () => reader().get<{ n: number }>(Prisma.sql`SELECT SUM(length("body")) AS n FROM "ScanProbe"`)!.n;
    const residentAfterTrim = async () => {
      await trimMallocHeap();
      return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))![1]) / 1024;
    };
    try {
      expect(scan()).toBe(24_000_000);
      const full = await residentAfterTrim();
      // Kept while nobody gives it back: a trim alone frees nothing of it.
      expect(full - (await residentAfterTrim())).toBeLessThan(4);
      expect(await afterScan(scan)).toBe(24_000_000);
      const released = await residentAfterTrim();
      expect(full - released).toBeGreaterThan(12);
      // The next scan reads the pages again, and gives them back again when it throws.
      await expect(
        afterScan(() => {
          scan();
          throw new Error("calcolo interrotto");
        }),
      ).rejects.toThrow("calcolo interrotto");
      expect((await residentAfterTrim()) - released).toBeLessThan(4);
      // While a scan runs, the cache is held small (afterScan): the same 24 MB leave little behind,
      // also when two scans overlap and the first ends before the second has read.
      let endFirst!: () => void;
      const first = afterScan(() => new Promise<void>((resolve) => (endFirst = resolve)));
      const second = afterScan(async () => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        const before = await residentAfterTrim();
        expect(scan()).toBe(24_000_000);
        return (await residentAfterTrim()) - before;
      });
      endFirst();
      await first;
      expect(await second).toBeLessThan(4);
      // Its usual size is back afterwards: a scan outside afterScan keeps its pages again.
      const small = await residentAfterTrim();
      scan();
      expect((await residentAfterTrim()) - small).toBeGreaterThan(12);
      reader().releaseCache();
      // A worker's connection gives its cache back the same way.
      const own = openConnection(process.env.DATABASE_URL!);
      own.get(`SELECT SUM(length("body")) AS n FROM "ScanProbe"`);
      const ownFull = await residentAfterTrim();
      own.releaseCache();
      expect(ownFull - (await residentAfterTrim())).toBeGreaterThan(12);
      own.close();
    } finally {
      const cleanup = new BetterSqlite3(file);
      cleanup.exec(`DROP TABLE "ScanProbe"`);
      cleanup.close();
    }
  });

  it("the read connection's statements (parameters as +?) give the rows that bare parameters give", async () => {
    await dbReady;
    const group = await buildGroup(db, { slug: "parametri", name: "Parametri", description: "" });
    const users = await Promise.all([buildUser(db), buildUser(db), buildUser(db)]);
    for (const user of users.slice(0, 2))
      await db.membership.create({ data: { userId: user.id, groupId: group.id, isLeader: user === users[0] } });
    const ideas = await Promise.all(
      ["Prima", "Seconda", "Terza"].map((title, i) =>
        buildIdea(db, { title: `Parametri ${title}`, groupId: group.id, authorId: users[i]!.id }),
      ),
    );
    // With ANALYZE's samples (sqlite_stat4) too, as a database that has been optimized has them.
    await db.$executeRawUnsafe("ANALYZE");
    const queries = [
      // A join that compares a column with a parameter (SQLite compiles it again at each run with `?`).
      Prisma.sql`SELECT u."id", m."isLeader" FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
                 WHERE m."groupId" = ${group.id} ORDER BY u."id"`,
      // Affinity: text bound against an integer column and a number against a text column.
      Prisma.sql`SELECT "title" FROM "Idea" WHERE "id" = ${String(ideas[1]!.id)}`,
      Prisma.sql`SELECT COUNT(*) AS "n" FROM "Idea" WHERE "title" = ${42}`,
      // Lists, limits, offsets and expressions.
      Prisma.sql`SELECT "id" FROM "Idea" WHERE "id" IN (${Prisma.join(ideas.map((idea) => idea.id))})
                 ORDER BY "id" DESC LIMIT ${2} OFFSET ${1}`,
      Prisma.sql`SELECT ${"Gruppo: "} || "name" AS "label", ${3} * 2 AS "six"
                 FROM "WorkingGroup" WHERE "slug" = ${"parametri"}`,
      Prisma.sql`SELECT COUNT(*) AS "n" FROM "Idea" WHERE "authorId" = ${users[2]!.id} AND "groupId" IS NOT ${null}`,
    ];
    for (const query of queries) {
      const bare = await db.$queryRawUnsafe<Record<string, unknown>[]>(query.sql, ...query.values);
      // Prisma reads a boolean column as true/false and counts as BigInt; the reader gives numbers.
      const normal = (rows: Record<string, unknown>[]) =>
        rows.map((row) =>
          Object.fromEntries(
            Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" || typeof v === "boolean" ? Number(v) : v]),
          ),
        );
      expect(bare.length, query.sql).toBeGreaterThan(0);
      expect(normal(reader().all(query)), query.sql).toEqual(normal(bare));
    }
    expect(reader().get<{ title: string }>(queries[1]!)?.title).toBe("Parametri Seconda");
    expect(reader().all(queries[3]!)).toEqual([{ id: ideas[1]!.id }, { id: ideas[0]!.id }]);
  });

  it("a cached value is computed again after a commit by another connection, not after a session's write", async () => {
    await dbReady;
    let computed = 0;
    const cached = () => whileUnchanged("test.counted", async () => ++computed);
    expect(await cached()).toBe(1);
    expect(await cached()).toBe(1);
    const user = await buildUser(db);
    expect(await cached()).toBe(2);
    // Another connection (a script, the mail worker) is seen as well as the server's own.
    const other = createClient(`file:${process.env.DATABASE_URL!.replace(/^file:/, "")}`);
    await other.tag.create({ data: { id: "t-altrove", kind: "MACRO", name: "scritta altrove" } });
    await other.$disconnect();
    expect(await cached()).toBe(3);
    // A session sliding, a queued e-mail: nothing a cached page shows.
    await db.session.create({ data: { id: "s-contenuto", userId: user.id, expiresAt: new Date(Date.now() + 60_000) } });
    await db.outboxMail.create({
      data: { id: "m-contenuto", toAddress: "a@test.example", kind: "NOTICE", subject: "x" },
    });
    expect(await cached()).toBe(3);
  });

  describe("the running server", () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startServer();
    });
    afterAll(() => server?.stop());

    it("puts its database file in WAL mode at start", async () => {
      expect((await new Client(server.url).get("/login")).status).toBe(200);
      const fresh = createClient(`file:${server.dbFile}`);
      expect(await pragma(fresh, "journal_mode")).toBe("wal");
      await fresh.$disconnect();
    });

    it("copies what is written back into the database file within a moment, however little (its worker)", async () => {
      // A few pages, far under the 1,000 after which a connection checkpoints its own commits.
      await buildUser(server.db);
      const written = walState(server.dbFile);
      expect(written.copied).toBeLessThan(written.frames);
      const until = Date.now() + 3000;
      while (walState(server.dbFile).copied < written.frames && Date.now() < until)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(walState(server.dbFile).copied).toBeGreaterThanOrEqual(written.frames);
    });
  });
});
