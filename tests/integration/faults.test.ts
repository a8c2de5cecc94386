/**
 * Concurrency and faults, over HTTP against the built server: parallel writes end with exact
 * counts; a lock held past busy_timeout answers 503 in Italian and the app recovers by itself;
 * a crash (SIGKILL) in the middle of a write burst loses no acknowledged write and leaves the
 * file intact; a full disk refuses writes with 503 while reads go on.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { changedTables, dbFingerprint, noticesSettled } from "../support/db-state";
import { buildIdea } from "../support/factories";
import { useServer } from "../support/harness";
import { Client, text } from "../support/http";
import { TMP } from "../support/paths";
import { startServer, type TestServer } from "../support/server";

const harness = useServer();

/** `n` colleagues with a session each (made the way a login stores it). */
async function colleagues(server: TestServer, n: number, label: string) {
  const stamp = `${label}-${randomBytes(3).toString("hex")}`;
  await server.db.user.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      id: `${stamp}-${i}`,
      email: `${stamp}-${i}@test.example`,
      displayName: `Collega ${i}`,
      role: "DIPENDENTE",
    })),
  });
  const ids = Array.from({ length: n }, () => randomBytes(20).toString("hex"));
  await server.db.session.createMany({
    data: ids.map((id, i) => ({ id, userId: `${stamp}-${i}`, expiresAt: new Date(Date.now() + 8 * 3600_000) })),
  });
  return ids.map((id) => {
    const client = new Client(server.url);
    client.cookies.set("pionieri_session", id);
    return client;
  });
}

async function anIdea(server: TestServer) {
  const { users, groups } = harness.scenario;
  return buildIdea(server.db, {
    title: `Idea sotto carico ${Math.random()}`,
    groupId: groups.logistica!.id,
    authorId: users.employee.id,
  });
}

describe("parallel writes", () => {
  it("200 parallel support toggles end with an exact count", async () => {
    const { server } = harness;
    const idea = await anIdea(server);
    const people = await colleagues(server, 300, "sostegni");
    // 200 supports at once…
    const first = await Promise.all(
      people.slice(0, 200).map((c) => c.post(`/idee/${idea.id}`, { intent: "support", respond: "json" })),
    );
    expect(first.map((r) => r.status)).toEqual(Array(200).fill(200));
    // …then 100 of them withdraw while 100 others support, all at once.
    const second = await Promise.all([
      ...people.slice(0, 100).map((c) => c.post(`/idee/${idea.id}`, { intent: "unsupport", respond: "json" })),
      ...people.slice(200, 300).map((c) => c.post(`/idee/${idea.id}`, { intent: "support", respond: "json" })),
    ]);
    expect(second.map((r) => r.status)).toEqual(Array(200).fill(200));
    const row = await server.db.idea.findUniqueOrThrow({ where: { id: idea.id } });
    expect(await server.db.support.count({ where: { ideaId: idea.id } })).toBe(200);
    expect(row.supportCount).toBe(200);
  });

  it("100 parallel comments are all kept and counted", async () => {
    const { server } = harness;
    const idea = await anIdea(server);
    const people = await colleagues(server, 100, "commenti");
    const responses = await Promise.all(
      people.map((c, i) => c.post(`/idee/${idea.id}`, { intent: "comment", body: `Commento numero ${i}` })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(100).fill(302));
    const row = await server.db.idea.findUniqueOrThrow({ where: { id: idea.id } });
    expect(await server.db.comment.count({ where: { ideaId: idea.id } })).toBe(100);
    expect(row.commentCount).toBe(100);
  });
});

describe("a writer that holds the lock longer than busy_timeout", () => {
  it("makes writes answer 503 with an Italian message, writes nothing, and the app recovers by itself", async () => {
    const { server } = harness;
    const idea = await anIdea(server);
    const [client] = await colleagues(server, 1, "attesa");
    const blocker = new Database(server.dbFile);
    blocker.pragma("busy_timeout = 1000");
    blocker.exec("BEGIN IMMEDIATE");
    const before = await dbFingerprintWithout(blocker);
    const started = Date.now();
    const refused = await client!.post(`/idee/${idea.id}`, { intent: "comment", body: "Durante il blocco" });
    const waited = Date.now() - started;
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(await text(refused)).toContain("Pionieri è molto occupato");
    expect(waited).toBeLessThan(15_000);
    expect(await dbFingerprintWithout(blocker)).toEqual(before);
    blocker.exec("ROLLBACK");
    blocker.close();
    const accepted = await client!.post(`/idee/${idea.id}`, { intent: "comment", body: "Dopo il blocco" });
    expect(accepted.status).toBe(302);
    expect(await server.db.comment.count({ where: { ideaId: idea.id } })).toBe(1);
  });
});

/** Rows of the tables a comment touches, read on the blocker's own connection (it holds the lock). */
async function dbFingerprintWithout(sql: Database.Database) {
  return ["Comment", "Idea", "Notification", "PendingNotice", "Follow"].map((table) =>
    sql.prepare(`SELECT COUNT(*) AS n, TOTAL(rowid) AS s FROM "${table}"`).get(),
  );
}

describe("a crash in the middle of a write burst", () => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const server of servers) await server.stop();
  });

  it("kill -9, restart: integrity_check is ok and every acknowledged write is there", async () => {
    const first = await startServer();
    servers.push(first);
    const { users, groups } = await (await import("../support/scenario")).seedScenario(first.db);
    const idea = await buildIdea(first.db, {
      title: "Idea del crash",
      groupId: groups.logistica!.id,
      authorId: users.employee.id,
    });
    const people = await colleagues(first, 8, "crash");
    const acknowledged: number[] = [];
    let stop = false;
    const writers = people.map(async (client, w) => {
      for (let n = 0; !stop && n < 200; n++) {
        try {
          const response = await client.post(`/idee/${idea.id}`, {
            intent: "comment",
            body: `Scrittore ${w}, commento ${n}`,
          });
          const id = /#commento-(\d+)/.exec(response.headers.get("location") ?? "")?.[1];
          if (response.status === 302 && id) acknowledged.push(Number(id));
        } catch {
          return; // the connection died with the server
        }
      }
    });
    // Crash once a good number of writes were acknowledged, with the others in flight.
    for (let waited = 0; acknowledged.length < 20 && waited < 60_000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await first.crash();
    stop = true;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThanOrEqual(20);

    const check = new Database(first.dbFile);
    const integrity = check.pragma("integrity_check", { simple: true });
    check.close();
    expect(integrity).toBe("ok");
    const second = await startServer({}, { dbFile: first.dbFile });
    servers.push(second);
    const kept = await second.db.comment.findMany({ where: { id: { in: acknowledged } }, select: { id: true } });
    expect(kept.length).toBe(acknowledged.length);
    const row = await second.db.idea.findUniqueOrThrow({ where: { id: idea.id } });
    expect(row.commentCount).toBe(await second.db.comment.count({ where: { ideaId: idea.id } }));
    // The notices the crash left pending are fanned out by the restarted server, each once: the
    // idea's author hears of every comment, nobody twice of the same one.
    await noticesSettled(second.db);
    const notices = await second.db.notification.findMany({
      where: { ideaId: idea.id, kind: "COMMENT" },
      select: { commentId: true, userId: true },
    });
    const pairs = notices.map((n) => `${n.commentId}:${n.userId}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    const toAuthor = new Set(notices.filter((n) => n.userId === users.employee.id).map((n) => n.commentId));
    expect(kept.filter((c) => !toAuthor.has(c.id))).toEqual([]);
    // And the restarted server takes writes again.
    const [again] = await colleagues(second, 1, "dopo");
    expect((await again!.post(`/idee/${idea.id}`, { intent: "comment", body: "Si riparte" })).status).toBe(302);
  });
});

/**
 * The test's own read of the database on the full disk. Seldom (once in a few CI runs, never alone) this second
 * process's read fails too, while the server's failed write leaves the WAL index for the next reader to rebuild;
 * the server's answers are what is under test, so the read is tried again a few times before it counts.
 */
async function fingerprintOfFullDisk(db: TestServer["db"]) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dbFingerprint(db, { settle: false });
    } catch (error) {
      if (attempt === 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

describe("a full disk", () => {
  const mount = path.join(TMP, `disco-pieno-${process.pid}`);
  let server: TestServer | undefined;
  afterAll(async () => {
    await server?.stop();
    try {
      execFileSync("umount", [mount]);
    } catch {
      // not mounted
    }
    rmSync(mount, { recursive: true, force: true });
  });

  it("refuses writes with 503 and an Italian message while reads keep working", async () => {
    // A small tmpfs of its own (this machine kind runs the tests as root); mount fails loudly otherwise.
    mkdirSync(mount, { recursive: true });
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=8m", "tmpfs", mount]);
    const file = path.join(mount, "pionieri.db");
    await harness.server.db.$executeRawUnsafe(`VACUUM INTO '${file}'`);
    server = await startServer({}, { dbFile: file });
    const idea = await anIdea(server);
    const [client] = await colleagues(server, 1, "pieno");
    expect((await client!.get(`/idee/${idea.id}`)).status).toBe(200);
    // Fill what is left of the disk.
    const free = 8 * 1024 * 1024 - statSync(file).size;
    try {
      writeFileSync(path.join(mount, "riempitivo"), Buffer.alloc(free));
    } catch {
      // ENOSPC: the disk is full, which is the point
    }
    let refusal: Response | undefined;
    let unchanged: string[] = [];
    for (let n = 0; n < 40 && !refusal; n++) {
      const before = await fingerprintOfFullDisk(server.db);
      const response = await client!.post(`/idee/${idea.id}`, {
        intent: "comment",
        body: `Un commento lungo ${"x".repeat(4000)} ${n}`,
      });
      if (response.status === 503) {
        refusal = response;
        // The notices of the comment accepted before it may be fanned out meanwhile (in what
        // space is left): the refused comment's own rows are the Comment, Idea and Follow ones.
        unchanged = changedTables(before, await fingerprintOfFullDisk(server.db)).filter(
          (table) => table !== "Notification" && table !== "PendingNotice",
        );
      } else expect(response.status, server.output().slice(-1500)).toBe(302);
    }
    expect(refusal?.status).toBe(503);
    expect(await text(refusal!)).toContain("lo spazio per i dati di Pionieri è esaurito".replace(/^l/, "L"));
    expect(unchanged).toEqual([]);
    const read = await client!.get(`/idee/${idea.id}`);
    expect(read.status).toBe(200);
    expect(await text(read)).toContain("Idea sotto carico");
    expect((await client!.get("/idee")).status).toBe(200);
  });
});
