import { describe, expect, it } from "vitest";
import { romeDay } from "~/lib/dates";
import { daysBetween, today, weekOf } from "~/lib/days";
import { dashboard } from "~/domain/board.server";
import { freezeSnapshot } from "~/domain/snapshots.server";
import type { Actor } from "~/lib/actor";
import { db, dbReady } from "~/lib/db/client.server";
import {
  addSupports,
  buildComment,
  buildIdea,
  buildObjective,
  buildProgressUpdate,
  buildStatusChange,
  buildUser,
} from "../support/factories";
import { useServer } from "../support/harness";
import { Client, text } from "../support/http";
import { noticesSettled } from "../support/db-state";
import { ideaAt } from "../support/ideas";
import { PASSWORD, seedScenario } from "../support/scenario";

/** A fixed-seed generator, so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

describe("the dashboard's figures on a generated dataset (in process, on this file's database)", () => {
  it("equal independent SQL counts", async () => {
    await dbReady;
    const scenario = await seedScenario(db);
    const rnd = random(42);
    const now = Date.now();
    const people = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        buildUser(db, {
          email: `gen${i}@test.example`,
          office: ["Anagrafe", "Tributi", "URP"][i % 3],
          password: PASSWORD,
        }),
      ),
    );
    const groupIds = Object.values(scenario.groups).map((g) => g.id);
    const statuses = ["NUOVA", "IN_DISCUSSIONE", "IN_VALUTAZIONE", "ACCOLTA", "NON_ACCOLTA"];
    for (let i = 0; i < 60; i++) {
      const createdAt = new Date(now - Math.floor(rnd() * 200) * 86400_000);
      const author = people[Math.floor(rnd() * people.length)]!;
      const idea = await buildIdea(db, {
        title: `Generata ${i}`,
        groupId: groupIds[i % groupIds.length]!,
        authorId: author.id,
        createdAt,
      });
      const target = statuses[Math.floor(rnd() * statuses.length)]!;
      const path =
        target === "NON_ACCOLTA"
          ? ["IN_DISCUSSIONE", "IN_VALUTAZIONE", "NON_ACCOLTA"]
          : ["IN_DISCUSSIONE", "IN_VALUTAZIONE", "ACCOLTA"].slice(0, statuses.indexOf(target));
      let from = "NUOVA";
      for (const [step, to] of path.entries()) {
        const at = new Date(Math.min(now - 60_000, createdAt.getTime() + (step + 1) * 3 * 86400_000));
        await buildStatusChange(db, { ideaId: idea.id, from, to, actorId: scenario.users.board.id, at });
        from = to;
      }
      const supporters = people.filter(() => rnd() < 0.2);
      const past = (ms: number) => new Date(Math.min(now - 60_000, ms));
      for (const s of supporters)
        await addSupports(db, idea.id, [s.id], past(createdAt.getTime() + Math.floor(rnd() * 20) * 86400_000));
      if (rnd() < 0.5)
        await buildComment(db, {
          ideaId: idea.id,
          authorId: people[Math.floor(rnd() * people.length)]!.id,
          body: "ok",
          createdAt: past(createdAt.getTime() + 86400_000),
        });
    }
    for (let i = 0; i < 12; i++) {
      const start = new Date(now - Math.floor(rnd() * 120) * 86400_000).toISOString().slice(0, 10);
      const due = new Date(now + Math.floor(rnd() * 120 - 40) * 86400_000).toISOString().slice(0, 10);
      const objective = await buildObjective(db, {
        groupId: groupIds[i % groupIds.length]!,
        title: `Obiettivo ${i}`,
        startOn: start < due ? start : due,
        dueOn: due,
        status: ["IN_CORSO", "BLOCCATO", "COMPLETATO", "PIANIFICATO"][i % 4],
        progress: Math.floor(rnd() * 100),
        createdAt: new Date(now - 130 * 86400_000),
      });
      if (i % 3 === 0)
        await buildProgressUpdate(db, {
          objectiveId: objective.id,
          authorId: scenario.users.leader.id,
          date: start,
          progress: 10,
          status: "IN_CORSO",
          createdAt: new Date(now - 5 * 86400_000),
        });
    }

    const actor: Actor = { id: scenario.users.board.id, role: "CABINA", active: true, memberOf: [], leaderOf: [] };
    const figures = await dashboard(actor);

    const byStatus = await db.$queryRawUnsafe<{ status: string; n: bigint }[]>(
      `SELECT "status", COUNT(*) AS n FROM "Idea" GROUP BY "status"`,
    );
    for (const row of byStatus) expect(figures.ideasByStatus[row.status as "NUOVA"], row.status).toBe(Number(row.n));
    expect(figures.queue).toHaveLength(Number(byStatus.find((r) => r.status === "IN_VALUTAZIONE")?.n ?? 0));
    // The median days to the board's first decision, from each decided idea's events read apart.
    const decided = await db.idea.findMany({
      where: { events: { some: { kind: "STATUS", toStatus: { in: ["ACCOLTA", "NON_ACCOLTA"] } } } },
      select: {
        createdAt: true,
        events: {
          where: { kind: "STATUS", toStatus: { in: ["ACCOLTA", "NON_ACCOLTA"] } },
          orderBy: { createdAt: "asc" },
          take: 1,
        },
      },
    });
    const waits = decided
      .map((idea) => Math.round((idea.events[0]!.createdAt.getTime() - idea.createdAt.getTime()) / 8_640_000) / 10)
      .sort((a, b) => a - b);
    expect(waits.length).toBeGreaterThan(3);
    const middle = waits.length / 2;
    expect(figures.medianDays).toBe(
      waits.length % 2 ? waits[Math.floor(middle)] : (waits[middle - 1]! + waits[middle]!) / 2,
    );

    const since30 = new Date(now - 30 * 86400_000);
    const distinct = async (since: Date) => {
      const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT COUNT(DISTINCT u."id") AS n FROM "User" u WHERE u."active" = 1 AND u."role" <> 'OSSERVATORE' AND
          u."passwordHash" IS NOT NULL AND (
          EXISTS (SELECT 1 FROM "Idea" i WHERE i."authorId" = u."id" AND i."createdAt" >= ?) OR
          EXISTS (SELECT 1 FROM "Comment" c WHERE c."authorId" = u."id" AND c."createdAt" >= ?) OR
          EXISTS (SELECT 1 FROM "Support" s WHERE s."userId" = u."id" AND s."createdAt" >= ?) OR
          EXISTS (SELECT 1 FROM "ProgressUpdate" p WHERE p."authorId" = u."id" AND p."createdAt" >= ?))`,
        since,
        since,
        since,
        since,
      );
      return Number(rows[0]!.n);
    };
    expect(figures.participation.last30).toBe(await distinct(since30));
    expect(figures.participation.ever).toBe(await distinct(new Date(0)));
    expect(figures.participation.last90).toBe(await distinct(new Date(now - 90 * 86400_000)));
    // Per office and per group, from the same rows counted another way.
    const offices = figures.participation.perOffice;
    expect(offices.reduce((n, o) => n + o.staff, 0)).toBe(figures.participation.staff);
    expect(offices.reduce((n, o) => n + o.last30, 0)).toBe(figures.participation.last30);
    expect(offices.reduce((n, o) => n + o.last90, 0)).toBe(figures.participation.last90);
    const since90 = new Date(now - 90 * 86400_000);
    expect(figures.participation.perGroup.some((g) => g.last90 > 0 && g.last30 > 0)).toBe(true);
    for (const group of figures.participation.perGroup) {
      const people = new Set<string>();
      const ideas = await db.idea.findMany({
        where: { groupId: group.groupId },
        select: {
          authorId: true,
          createdAt: true,
          comments: { select: { authorId: true, createdAt: true } },
          supports: { select: { userId: true, createdAt: true } },
        },
      });
      for (const idea of ideas) {
        if (idea.authorId && idea.createdAt >= since90) people.add(idea.authorId);
        for (const c of idea.comments) if (c.authorId && c.createdAt >= since90) people.add(c.authorId);
        for (const s of idea.supports) if (s.createdAt >= since90) people.add(s.userId);
      }
      for (const u of await db.progressUpdate.findMany({
        where: { objective: { groupId: group.groupId }, createdAt: { gte: since90 } },
        select: { authorId: true },
      }))
        if (u.authorId) people.add(u.authorId);
      expect(group.last90, group.name).toBe(people.size);
    }
    const staff = await db.user.count({
      where: { active: true, role: { not: "OSSERVATORE" }, passwordHash: { not: null } },
    });
    expect(figures.participation.staff).toBe(staff);
    expect(figures.participation.everShare).toBe(Math.round((figures.participation.ever / staff) * 100));

    const weekly = figures.participation.weekly;
    // From the week of the project's first phase to this week, no empty weeks before the project.
    const firstPhase = await db.phase.findFirstOrThrow({ orderBy: { startsOn: "asc" } });
    expect(weekly[0]!.week).toBe(weekOf(romeDay(firstPhase.startsOn)));
    expect(weekly.at(-1)!.week).toBe(weekOf(today()));
    expect(weekly.length).toBe(daysBetween(weekly[0]!.week, weekly.at(-1)!.week) / 7 + 1);
    const since = new Date(`${weekly[0]!.week}T00:00:00+01:00`);
    const ideasInWindow = await db.idea.count({ where: { createdAt: { gte: since } } });
    const supportsInWindow = await db.support.count({ where: { createdAt: { gte: since } } });
    // Within an hour's tolerance at the window's first edge, depending on summer time.
    expect(Math.abs(weekly.reduce((n, w) => n + w.ideas, 0) - ideasInWindow)).toBeLessThanOrEqual(1);
    expect(Math.abs(weekly.reduce((n, w) => n + w.supports, 0) - supportsInWindow)).toBeLessThanOrEqual(1);

    for (const group of figures.groups) {
      const rows = await db.objective.groupBy({ by: ["status"], where: { groupId: group.id }, _count: true });
      for (const row of rows) expect(group.byStatus[row.status], `${group.name} ${row.status}`).toBe(row._count);
    }

    // A frozen snapshot keeps these figures and cannot change, whatever tries.
    const snapshot = await freezeSnapshot(actor, { meetingDate: "2026-11-26", notes: "" });
    await expect(db.snapshot.update({ where: { id: snapshot.id }, data: { notes: "ritoccata" } })).rejects.toThrow();
    await expect(db.snapshot.delete({ where: { id: snapshot.id } })).rejects.toThrow();
    await expect(db.$executeRawUnsafe(`UPDATE "Snapshot" SET "data" = '{}'`)).rejects.toThrow();
    expect((await db.snapshot.findUniqueOrThrow({ where: { id: snapshot.id } })).notes).toBe("");
  });
});

describe("the board's pages over HTTP", () => {
  const h = useServer();
  const clients = new Map<string, Client>();
  const as = async (who: "board" | "employee" | "observer" | "admin" | "leader") => {
    if (!clients.has(who)) {
      const client = new Client(h.server.url);
      await client.login(h.scenario.users[who].email, PASSWORD);
      clients.set(who, client);
    }
    return clients.get(who)!;
  };
  const counts = async () => ({
    snapshots: await h.server.db.snapshot.count(),
    notes: await h.server.db.boardNote.count(),
    events: await h.server.db.ideaEvent.count(),
    statuses: (await h.server.db.idea.findMany({ select: { id: true, status: true }, orderBy: { id: "asc" } }))
      .map((i) => `${i.id}:${i.status}`)
      .join(","),
  });

  it("is readable by every colleague; only the board decides, freezes and exports", async () => {
    const idea = await ideaAt(h.server.db, h.scenario, "IN_VALUTAZIONE", { title: "Da decidere" });
    for (const who of ["employee", "observer", "leader", "admin"] as const) {
      const page = await (await as(who)).get("/cabina-di-regia");
      expect(page.status, who).toBe(200);
      expect(await text(page)).toContain("Da decidere");
    }
    const before = await counts();
    for (const who of ["employee", "observer", "leader", "admin"] as const) {
      const c = await as(who);
      expect(
        (await c.post("/cabina-di-regia", { intent: "decide", ideaId: String(idea.id), to: "ACCOLTA", reason: "Sì" }))
          .status,
        who,
      ).toBe(403);
      expect((await c.post("/cabina-di-regia/riunioni", { meetingDate: "2026-11-26" })).status, who).toBe(403);
      expect((await c.get("/cabina-di-regia/esporta/idee")).status, who).toBe(403);
    }
    expect(await counts()).toEqual(before);
    const csv = await (await as("board")).get("/cabina-di-regia/esporta/idee");
    expect(csv.status).toBe(200);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3, 20))).toBe("#;Gruppo;Titolo;A");
    for (const kind of ["obiettivi", "aggiornamenti", "partecipazione"])
      expect((await (await as("board")).get(`/cabina-di-regia/esporta/${kind}`)).status, kind).toBe(200);
    expect((await (await as("board")).get("/cabina-di-regia/esporta/stipendi")).status).toBe(404);
  });

  it("decides from the queue with a public reason and a private note only the board sees", async () => {
    const idea = await ideaAt(h.server.db, h.scenario, "IN_VALUTAZIONE", {
      title: "Idea per la coda",
      authorId: h.scenario.users.employee.id,
    });
    const board = await as("board");
    const empty = await board.post("/cabina-di-regia", {
      intent: "decide",
      ideaId: String(idea.id),
      to: "ACCOLTA",
      reason: "   ",
    });
    expect(empty.status).toBe(400);
    expect(await text(empty)).toContain("Scrivi la motivazione");
    expect((await h.server.db.idea.findUniqueOrThrow({ where: { id: idea.id } })).status).toBe("IN_VALUTAZIONE");

    const done = await board.post("/cabina-di-regia", {
      intent: "decide",
      ideaId: String(idea.id),
      to: "NON_ACCOLTA",
      reason: "Costi troppo alti ora",
      privateNote: "Riproporre con il bilancio 2028",
    });
    expect(done.status).toBe(302);
    expect((await h.server.db.idea.findUniqueOrThrow({ where: { id: idea.id } })).status).toBe("NON_ACCOLTA");
    await noticesSettled(h.server.db);
    expect(
      await h.server.db.notification.count({
        where: { ideaId: idea.id, userId: h.scenario.users.employee.id, kind: "STATUS" },
      }),
    ).toBe(1);

    const again = await board.post("/cabina-di-regia", {
      intent: "decide",
      ideaId: String(idea.id),
      to: "ACCOLTA",
      reason: "Ci ripenso",
    });
    expect(again.status).toBe(409);
    expect(await text(again)).toContain("non è nello stato");

    const other = await ideaAt(h.server.db, h.scenario, "IN_VALUTAZIONE", { title: "Con nota riservata" });
    await h.server.db.boardNote.create({
      data: { ideaId: other.id, authorId: h.scenario.users.admin.id, note: "Sentire il sindaco prima" },
    });
    const page = await text(await board.get("/cabina-di-regia"));
    expect(page).toContain("Sentire il sindaco prima");
    expect(page).toContain(h.scenario.users.admin.displayName);
    for (const who of ["employee", "admin", "leader"] as const) {
      expect(await (await (await as(who)).get("/cabina-di-regia")).text(), who).not.toContain(
        "Sentire il sindaco prima",
      );
    }
    expect(await (await (await as("employee")).get(`/idee/${idea.id}`)).text()).not.toContain(
      "Riproporre con il bilancio 2028",
    );
    expect(await text(await board.get(`/idee/${idea.id}`))).toContain("Riproporre con il bilancio 2028");
  });

  it(
    "freezes snapshots, lists and compares them; refuses bad dates, the " + "same snapshot twice and unknown ids",
    async () => {
      const board = await as("board");
      const before = await h.server.db.snapshot.count();
      for (const meetingDate of ["26/11/2026", "2026-02-30", ""]) {
        const bad = await board.post("/cabina-di-regia/riunioni", { meetingDate });
        expect(bad.status, meetingDate).toBe(400);
      }
      expect(await h.server.db.snapshot.count()).toBe(before);
      const first = await board.post("/cabina-di-regia/riunioni", {
        meetingDate: "2026-11-19",
        notes: "Prima",
      });
      const second = await board.post("/cabina-di-regia/riunioni", {
        meetingDate: "2026-11-26",
        notes: "Seconda",
      });
      const [a, b] = [first, second].map((r) => r.headers.get("location")!.split("/").pop()!);
      const page = await text(await (await as("employee")).get(`/cabina-di-regia/riunioni/${b}`));
      expect(page).toContain("Riunione del 26 novembre 2026");
      expect((await (await as("employee")).get(`/cabina-di-regia/riunioni/${b}/stampa`)).status).toBe(200);
      expect((await board.post(`/cabina-di-regia/riunioni/${b}`, { notes: "cambiata" })).status).toBe(405);
      const compare = await (await as("employee")).get(`/cabina-di-regia/confronto?a=${a}&b=${b}`);
      expect(compare.status).toBe(200);
      expect(await text(compare)).toContain("che cosa è cambiato");
      const self = await board.get(`/cabina-di-regia/confronto?a=${a}&b=${a}`);
      expect(self.status).toBe(404);
      expect(await text(self)).toContain("Scegli due istantanee diverse");
      expect((await board.get(`/cabina-di-regia/confronto?a=${a}&b=inesistente`)).status).toBe(404);
      expect((await board.get("/cabina-di-regia/riunioni/inesistente")).status).toBe(404);
    },
  );

  it("shows the audit log to the board and the admin, filtered, and to nobody else", async () => {
    expect((await (await as("employee")).get("/registro")).status).toBe(403);
    expect((await (await as("leader")).get("/registro")).status).toBe(403);
    const log = await text(await (await as("admin")).get("/registro?tipo=idea.status"));
    const expected = await h.server.db.auditEvent.count({ where: { kind: { startsWith: "idea.status" } } });
    expect(expected).toBeGreaterThan(0);
    expect(log).toContain(`${expected} registrazioni`);
    expect(await h.server.db.auditEvent.count()).toBeGreaterThan(expected);
    expect((await (await as("board")).get("/registro?pagina=abc")).status).toBe(200);
    const badDates = await (await as("board")).get("/registro?dal=ieri&al=2026-99-99");
    expect(badDates.status).toBe(400);
    expect(await text(badDates)).toContain("AAAA-MM-GG");
  });
});
