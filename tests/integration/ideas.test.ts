import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addSupports, buildComment, buildUser } from "../support/factories";
import { Client, text } from "../support/http";
import { noticesSettled } from "../support/db-state";
import { ideaAt, ideaState } from "../support/ideas";
import { PASSWORD, seedScenario, type Scenario } from "../support/scenario";
import { startServer, type TestServer } from "../support/server";
import { THREADS_SHOWN } from "~/domain/comments.server";

let server: TestServer;
let scenario: Scenario;
const clients: Record<string, Client> = {};

beforeAll(async () => {
  server = await startServer();
  scenario = await seedScenario(server.db);
  for (const who of ["employee", "member", "leader", "otherLeader", "board", "admin", "observer"] as const) {
    clients[who] = new Client(server.url);
    await clients[who].login(scenario.users[who].email, PASSWORD);
  }
});
afterAll(() => server?.stop());

const as = (who: string) => clients[who]!;

describe("proposing an idea", () => {
  it("creates it from the form, ignoring fields a person cannot set", async () => {
    const response = await as("employee").post("/idee/nuova", {
      intent: "save",
      title: "  Un totem   per i certificati  ",
      body: "Come sarebbe bello se i certificati si stampassero da soli?",
      groupId: scenario.groups.informatica!.id,
      authorId: scenario.users.admin.id,
      status: "ACCOLTA",
      supportCount: "999",
    });
    expect(response.status).toBe(302);
    const id = Number(/\/idee\/(\d+)$/.exec(response.headers.get("location")!)![1]);
    const idea = await server.db.idea.findUniqueOrThrow({ where: { id } });
    expect(idea).toMatchObject({
      title: "Un totem per i certificati",
      authorId: scenario.users.employee.id,
      status: "NUOVA",
      supportCount: 0,
    });
    expect(await server.db.follow.count({ where: { ideaId: id, userId: scenario.users.employee.id } })).toBe(1);
    expect(await server.db.ideaEvent.count({ where: { ideaId: id, kind: "CREATED" } })).toBe(1);
    const page = await text(await as("employee").get(`/idee/${id}`));
    expect(page).toContain("Idea pubblicata");
    expect(page).toContain("Dario Dipendente ha proposto l'idea.");
  });

  it.each([
    ["an empty title", { title: "   " }, "Questo campo è obbligatorio."],
    ["a 10,000-character title", { title: "T".repeat(10_000) }, "Al massimo 140 caratteri."],
    ["a 25,000-character body", { body: "b".repeat(25_000) }, "Al massimo 20000 caratteri."],
    ["no group", { groupId: "" }, "Scegli il gruppo di lavoro"],
  ])("refuses %s with a field message, 400, storing nothing", async (_label, override, message) => {
    const before = await server.db.idea.count();
    const response = await as("employee").post("/idee/nuova", {
      intent: "save",
      title: "Titolo valido",
      body: "Testo valido",
      groupId: scenario.groups.logistica!.id,
      ...override,
    });
    expect(response.status).toBe(400);
    expect(await text(response)).toContain(message);
    expect(await server.db.idea.count()).toBe(before);
  });

  it("refuses a 1 MB body with 413 before reading it, storing nothing", async () => {
    const before = await server.db.idea.count();
    const response = await as("employee").post("/idee/nuova", {
      intent: "save",
      title: "Grande",
      body: "x".repeat(1024 * 1024),
      groupId: scenario.groups.logistica!.id,
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("supera il limite di 1 MB");
    expect(await server.db.idea.count()).toBe(before);
  });

  it("renders raw HTML, scripts and javascript:/data: links inert, and no remote images", async () => {
    const body = [
      "<script>alert('x')</script>",
      '<img src=x onerror="alert(1)">',
      "[clicca](javascript:alert(1)) [dati](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox)",
      "![pixel](https://tracker.example/p.png)",
      "[sito del Comune](https://www.comune.cesena.fc.it)",
    ].join("\n\n");
    const response = await as("employee").post("/idee/nuova", {
      intent: "save",
      title: "<b>Titolo</b> in grassetto?",
      body,
      groupId: scenario.groups.logistica!.id,
    });
    const id = Number(/\/idee\/(\d+)$/.exec(response.headers.get("location")!)![1]);
    const { bodyHtml } = await server.db.idea.findUniqueOrThrow({ where: { id } });
    expect(bodyHtml).not.toMatch(/<script|<img|<[^>]*\son\w+=|href="(javascript|data|vbscript):/i);
    expect(bodyHtml).toContain("&lt;script&gt;");
    expect(bodyHtml).toContain('href="https://www.comune.cesena.fc.it" rel="nofollow noopener noreferrer"');
    const html = await (await as("member").get(`/idee/${id}`)).text();
    expect(html).toContain("&lt;b&gt;Titolo&lt;/b&gt; in grassetto?");
    expect(html).not.toContain("<b>Titolo</b>");
    expect(html).not.toMatch(/<img[^>]+tracker\.example/);
  });

  it("previews Markdown without JavaScript, and suggests similar ideas", async () => {
    await ideaAt(server.db, scenario, "IN_DISCUSSIONE", { title: "Eliminacode unico all'ingresso del palazzo" });
    const response = await as("employee").post("/idee/nuova", {
      intent: "preview",
      title: "Un eliminacode per tutti",
      body: "Serve **un solo** numero",
      groupId: scenario.groups.logistica!.id,
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("<strong>un solo</strong>");
    expect(html).toContain("Eliminacode unico all&#x27;ingresso del palazzo");
    expect(html).toContain('value="Un eliminacode per tutti"');
    const similar = await (await as("employee").get("/idee/simili?q=eliminacode")).json();
    expect(similar.ideas.map((i: { title: string }) => i.title)).toContain(
      "Eliminacode unico all'ingresso del palazzo",
    );
  });

  it("observers cannot propose (403, nothing stored)", async () => {
    expect((await as("observer").get("/idee/nuova")).status).toBe(403);
    const before = await server.db.idea.count();
    expect(
      (
        await as("observer").post("/idee/nuova", {
          intent: "save",
          title: "x",
          body: "y",
          groupId: scenario.groups.logistica!.id,
        })
      ).status,
    ).toBe(403);
    expect(await server.db.idea.count()).toBe(before);
  });
});

describe("editing", () => {
  it("the author edits while the idea is open; the old text stays readable", async () => {
    const idea = await ideaAt(server.db, scenario, "NUOVA", {
      title: "Prima versione",
      body: "Testo iniziale",
      authorId: scenario.users.member.id,
    });
    const response = await as("member").post(`/idee/${idea.id}/modifica`, {
      intent: "save",
      title: "Seconda versione",
      body: "Testo migliore",
    });
    expect(response.status).toBe(302);
    const page = await text(await as("employee").get(`/idee/${idea.id}`));
    expect(page).toContain("Seconda versione");
    expect(page).toContain("modificata il");
    expect(page).toContain("Versioni precedenti (1)");
    expect(page).toContain("Testo iniziale");
  });

  it("refuses someone else's idea by id (403) and an idea past discussion, changing nothing", async () => {
    const idea = await ideaAt(server.db, scenario, "NUOVA", { authorId: scenario.users.member.id });
    const reviewed = await ideaAt(server.db, scenario, "IN_VALUTAZIONE", { authorId: scenario.users.member.id });
    for (const [who, id] of [
      ["employee", idea.id],
      ["admin", idea.id],
      ["board", idea.id],
      ["member", reviewed.id],
    ] as const) {
      const before = await ideaState(server.db, id);
      expect((await as(who).get(`/idee/${id}/modifica`)).status).toBe(403);
      expect(
        (await as(who).post(`/idee/${id}/modifica`, { intent: "save", title: "Dirottata", body: "x" })).status,
      ).toBe(403);
      expect(await ideaState(server.db, id)).toEqual(before);
    }
  });

  it("answers 404 for an unknown or malformed idea", async () => {
    for (const path of ["/idee/999999", "/idee/abc", "/idee/1e3", "/idee/999999/modifica"]) {
      expect((await as("employee").get(path)).status, path).toBe(404);
    }
    expect((await as("employee").post("/idee/999999", { intent: "support" })).status).toBe(404);
  });
});

describe("supports", () => {
  it("one per person, on and off; closed ideas and observers refused with nothing written", async () => {
    const idea = await ideaAt(server.db, scenario, "IN_DISCUSSIONE");
    await as("employee").post(`/idee/${idea.id}`, { intent: "support" });
    await as("employee").post(`/idee/${idea.id}`, { intent: "support" });
    expect((await server.db.idea.findUniqueOrThrow({ where: { id: idea.id } })).supportCount).toBe(1);
    await as("employee").post(`/idee/${idea.id}`, { intent: "unsupport" });
    expect((await server.db.idea.findUniqueOrThrow({ where: { id: idea.id } })).supportCount).toBe(0);

    const before = await ideaState(server.db, idea.id);
    expect((await as("observer").post(`/idee/${idea.id}`, { intent: "support" })).status).toBe(403);
    expect(await ideaState(server.db, idea.id)).toEqual(before);

    for (const status of ["REALIZZATA", "NON_ACCOLTA", "DUPLICATA"]) {
      const closed = await ideaAt(server.db, scenario, status);
      const state = await ideaState(server.db, closed.id);
      expect((await as("employee").post(`/idee/${closed.id}`, { intent: "support" })).status, status).toBe(403);
      expect(await ideaState(server.db, closed.id)).toEqual(state);
    }
  });

  it("answers a fetcher with the new state and count", async () => {
    const idea = await ideaAt(server.db, scenario, "NUOVA");
    const response = await as("leader").post(`/idee/${idea.id}?_data=routes%2Fidee.%24id`, {
      intent: "support",
      respond: "json",
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ supported: true, count: 1 });
  });

  it("stays exact under concurrency: 20 parallel toggles by one person, 50 supports by different people", async () => {
    const idea = await ideaAt(server.db, scenario, "IN_DISCUSSIONE");
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        as("employee").post(`/idee/${idea.id}`, { intent: i % 2 === 0 ? "support" : "unsupport", respond: "json" }),
      ),
    );
    const rows = await server.db.support.count({ where: { ideaId: idea.id } });
    expect(rows).toBeLessThanOrEqual(1);
    expect((await server.db.idea.findUniqueOrThrow({ where: { id: idea.id } })).supportCount).toBe(rows);

    const crowd = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        buildUser(server.db, { email: `folla${i}@test.example`, password: PASSWORD }),
      ),
    );
    const browsers = await Promise.all(
      crowd.map(async (user) => {
        const browser = new Client(server.url);
        await browser.login(user.email, PASSWORD);
        return browser;
      }),
    );
    await as("employee").post(`/idee/${idea.id}`, { intent: "unsupport" });
    const answers = await Promise.all(
      browsers.map((browser) =>
        browser.post(`/idee/${idea.id}?_data=routes%2Fidee.%24id`, { intent: "support", respond: "json" }),
      ),
    );
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(await server.db.support.count({ where: { ideaId: idea.id } })).toBe(50);
    expect((await server.db.idea.findUniqueOrThrow({ where: { id: idea.id } })).supportCount).toBe(50);
  });
});

describe("the status workflow", () => {
  it("leaders of the group move it forward; the board decides with a mandatory public reason", async () => {
    const idea = await ideaAt(server.db, scenario, "NUOVA", { authorId: scenario.users.employee.id });
    expect((await as("leader").post(`/idee/${idea.id}`, { intent: "status", to: "IN_DISCUSSIONE" })).status).toBe(302);
    expect(
      (await as("leader").post(`/idee/${idea.id}`, { intent: "status", to: "IN_VALUTAZIONE", reason: "Matura" }))
        .status,
    ).toBe(302);

    const before = await ideaState(server.db, idea.id);
    const noReason = await as("board").post(`/idee/${idea.id}`, { intent: "status", to: "ACCOLTA", reason: "  " });
    expect(noReason.status).toBe(400);
    expect(await text(noReason)).toContain("Scrivi la motivazione");
    expect(await ideaState(server.db, idea.id)).toEqual(before);

    expect(
      (await as("board").post(`/idee/${idea.id}`, { intent: "status", to: "ACCOLTA", reason: "Sostenibile e utile" }))
        .status,
    ).toBe(302);
    const events = await server.db.ideaEvent.findMany({
      where: { ideaId: idea.id, kind: "STATUS" },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.actorId])).toEqual([
      ["NUOVA", "IN_DISCUSSIONE", scenario.users.leader.id],
      ["IN_DISCUSSIONE", "IN_VALUTAZIONE", scenario.users.leader.id],
      ["IN_VALUTAZIONE", "ACCOLTA", scenario.users.board.id],
    ]);
    await noticesSettled(server.db);
    const told = await server.db.notification.findMany({
      where: { ideaId: idea.id, userId: scenario.users.employee.id, kind: "STATUS" },
    });
    expect(told).toHaveLength(3);
    expect(told.some((n) => JSON.parse(n.data).reason === "Sostenibile e utile")).toBe(true);
  });

  it("refuses everyone else (403) and steps that do not exist from here (409), changing nothing", async () => {
    const idea = await ideaAt(server.db, scenario, "IN_VALUTAZIONE");
    const before = await ideaState(server.db, idea.id);
    for (const who of ["employee", "member", "otherLeader", "admin", "observer", "leader"]) {
      const response = await as(who).post(`/idee/${idea.id}`, { intent: "status", to: "ACCOLTA", reason: "Perché sì" });
      expect(response.status, who).toBe(403);
    }
    const skip = await as("board").post(`/idee/${idea.id}`, { intent: "status", to: "REALIZZATA", reason: "salto" });
    expect(skip.status).toBe(409);
    expect(await text(skip)).toContain("non è nello stato");
    expect((await as("board").post(`/idee/${idea.id}`, { intent: "status", to: "INVENTATO" })).status).toBe(400);
    expect(await ideaState(server.db, idea.id)).toEqual(before);
  });

  it("marks a duplicate: supports and followers move to the original, each person once", async () => {
    const original = await ideaAt(server.db, scenario, "IN_DISCUSSIONE", { authorId: scenario.users.employee.id });
    const duplicate = await ideaAt(server.db, scenario, "NUOVA", { authorId: scenario.users.member.id });
    const [a, b, c] = [scenario.users.admin.id, scenario.users.board.id, scenario.users.otherLeader.id];
    await addSupports(server.db, original.id, [a, b]);
    await addSupports(server.db, duplicate.id, [b, c]);
    await server.db.follow.create({ data: { ideaId: duplicate.id, userId: c } });

    const self = await as("leader").post(`/idee/${duplicate.id}`, {
      intent: "duplicate",
      originalId: String(duplicate.id),
    });
    expect(self.status).toBe(400);
    expect(
      (await as("employee").post(`/idee/${duplicate.id}`, { intent: "duplicate", originalId: String(original.id) }))
        .status,
    ).toBe(403);

    const done = await as("leader").post(`/idee/${duplicate.id}`, {
      intent: "duplicate",
      originalId: `#${original.id}`,
      reason: "Stessa proposta",
    });
    expect(done.status).toBe(302);
    const supporters = (await server.db.support.findMany({ where: { ideaId: original.id } }))
      .map((s) => s.userId)
      .sort();
    expect(supporters).toEqual([a, b, c].sort());
    expect((await server.db.idea.findUniqueOrThrow({ where: { id: original.id } })).supportCount).toBe(3);
    expect(await server.db.idea.findUniqueOrThrow({ where: { id: duplicate.id } })).toMatchObject({
      status: "DUPLICATA",
      duplicateOfId: original.id,
      supportCount: 0,
    });
    expect(
      await server.db.follow.count({ where: { ideaId: original.id, userId: { in: [c, scenario.users.member.id] } } }),
    ).toBe(2);
    const page = await text(await as("employee").get(`/idee/${duplicate.id}`));
    expect(page).toMatch(new RegExp(`Questa idea è un duplicato di #\\s*${original.id}`));
    await noticesSettled(server.db);
    const notice = await server.db.notification.findFirst({
      where: { userId: scenario.users.member.id, kind: "MERGE", ideaId: duplicate.id },
    });
    expect(notice).not.toBeNull();
  });
});

describe("comments", () => {
  it("comments and one level of replies; followers, the replied-to and the mentioned are told once each", async () => {
    const idea = await ideaAt(server.db, scenario, "IN_DISCUSSIONE", { authorId: scenario.users.employee.id });
    // A deactivated colleague who followed the idea hears nothing more; an observer who follows does.
    await server.db.follow.createMany({
      data: [
        { ideaId: idea.id, userId: scenario.users.inactive.id },
        { ideaId: idea.id, userId: scenario.users.observer.id },
      ],
    });
    const first = await as("member").post(`/idee/${idea.id}`, {
      intent: "comment",
      body: "Bella idea, ne parlo con @leader.logistica",
    });
    expect(first.status).toBe(302);
    const top = await server.db.comment.findFirstOrThrow({ where: { ideaId: idea.id } });
    expect(top.bodyHtml).toContain('<a href="/persone/leader.logistica" class="mention"');
    await as("leader").post(`/idee/${idea.id}`, { intent: "comment", body: "Grazie!", parentId: String(top.id) });
    const reply = await server.db.comment.findFirstOrThrow({ where: { ideaId: idea.id, parentId: top.id } });
    await as("employee").post(`/idee/${idea.id}`, {
      intent: "comment",
      body: "Rispondo alla risposta",
      parentId: String(reply.id),
    });
    const nested = await server.db.comment.findFirstOrThrow({
      where: { ideaId: idea.id, body: "Rispondo alla risposta" },
    });
    expect(nested.parentId).toBe(top.id);
    expect((await server.db.idea.findUniqueOrThrow({ where: { id: idea.id } })).commentCount).toBe(3);

    await noticesSettled(server.db);
    const kinds = async (userId: string) =>
      (await server.db.notification.findMany({ where: { ideaId: idea.id, userId } })).map((n) => n.kind).sort();
    expect(await kinds(scenario.users.employee.id)).toEqual(["COMMENT", "COMMENT"]);
    expect(await kinds(scenario.users.leader.id)).toEqual(["MENTION", "REPLY"]);
    expect(await kinds(scenario.users.member.id)).toEqual(["COMMENT", "REPLY"]);
    expect(await kinds(scenario.users.observer.id)).toEqual(["COMMENT", "COMMENT", "COMMENT"]);
    expect(await kinds(scenario.users.inactive.id)).toEqual([]);
    // Each notice names the comment it is about and reads back as a date.
    const notices = await server.db.notification.findMany({
      where: { ideaId: idea.id, userId: scenario.users.observer.id },
    });
    expect(new Set(notices.map((n) => n.commentId)).size).toBe(3);
    for (const n of notices) expect(Math.abs(n.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(new Set(notices.map((n) => n.id)).size).toBe(3);
    // A fan-out's ids begin with its time (like Prisma's cuids), so its rows sit together in the
    // id index: every watcher's notice of the first comment shares one prefix, which reads back
    // as the notice's time.
    const fanOut = await server.db.notification.findMany({ where: { commentId: top.id, kind: "COMMENT" } });
    expect(fanOut.length).toBeGreaterThanOrEqual(2);
    const prefixes = new Set(fanOut.map((n) => n.id.slice(0, 10)));
    expect(prefixes.size).toBe(1);
    expect(Math.abs(parseInt([...prefixes][0]!.slice(1), 36) - fanOut[0]!.createdAt.getTime())).toBeLessThan(1000);
  });

  it(`opens a long discussion on its latest ${THREADS_SHOWN} threads, the earlier ones one link away`, async () => {
    const idea = await ideaAt(server.db, scenario, "IN_DISCUSSIONE");
    const start = Date.now() - 3600_000;
    const threads = [];
    for (let i = 0; i < THREADS_SHOWN + 5; i++) {
      threads.push(
        await buildComment(server.db, {
          ideaId: idea.id,
          authorId: scenario.users.employee.id,
          body: `Discussione numero ${i}.`,
          createdAt: new Date(start + i * 1000),
        }),
      );
    }
    // A fresh reply keeps an old thread old: threads are ordered by when they started.
    await buildComment(server.db, {
      ideaId: idea.id,
      authorId: scenario.users.member.id,
      body: "Risposta tardiva.",
      parentId: threads[0]!.id,
    });
    await buildComment(server.db, {
      ideaId: idea.id,
      authorId: scenario.users.member.id,
      body: "Risposta a una discussione recente.",
      parentId: threads[THREADS_SHOWN]!.id,
    });
    const first = await text(await as("employee").get(`/idee/${idea.id}`));
    expect(first).toContain("Mostra le 5 discussioni precedenti");
    // The count is of every comment, the threads not shown and all replies included.
    expect(first).toContain(`Commenti ( ${THREADS_SHOWN + 7} )`);
    expect(first).toContain("Risposta a una discussione recente.");
    expect(first).toContain(`Discussione numero ${THREADS_SHOWN + 4}.`);
    expect(first).toContain("Discussione numero 5.");
    for (const old of [0, 4]) expect(first).not.toContain(`Discussione numero ${old}.`);
    expect(first).not.toContain("Risposta tardiva.");
    const all = await text(await as("employee").get(`/idee/${idea.id}?commenti=tutti`));
    for (const i of [0, 4, 5, THREADS_SHOWN + 4]) expect(all).toContain(`Discussione numero ${i}.`);
    expect(all).toContain("Risposta tardiva.");
    expect(all).toContain("Risposta a una discussione recente.");
    expect(all).toContain(`Commenti ( ${THREADS_SHOWN + 7} )`);
    expect(all).not.toContain("discussioni precedenti");
  });

  it("edit and delete one's own; a removed comment leaves its replies; others get 403", async () => {
    const idea = await ideaAt(server.db, scenario, "NUOVA");
    const mine = await buildComment(server.db, {
      ideaId: idea.id,
      authorId: scenario.users.employee.id,
      body: "Primo testo",
    });
    await buildComment(server.db, {
      ideaId: idea.id,
      authorId: scenario.users.member.id,
      body: "Una risposta",
      parentId: mine.id,
    });
    const before = await ideaState(server.db, idea.id);
    expect(
      (
        await as("member").post(`/idee/${idea.id}`, {
          intent: "editComment",
          commentId: String(mine.id),
          body: "Dirottato",
        })
      ).status,
    ).toBe(403);
    expect(
      (await as("admin").post(`/idee/${idea.id}`, { intent: "deleteComment", commentId: String(mine.id) })).status,
    ).toBe(403);
    expect(await ideaState(server.db, idea.id)).toEqual(before);

    await as("employee").post(`/idee/${idea.id}`, {
      intent: "editComment",
      commentId: String(mine.id),
      body: "Testo corretto",
    });
    expect(await text(await as("member").get(`/idee/${idea.id}`))).toContain("(modificato)");
    await as("employee").post(`/idee/${idea.id}`, { intent: "deleteComment", commentId: String(mine.id) });
    const page = await text(await as("member").get(`/idee/${idea.id}`));
    expect(page).toContain("Commento rimosso dall'autore.");
    expect(page).toContain("Una risposta");
    expect(page).not.toContain("Testo corretto");
  });

  it("leaders of the group hide with a reason kept for audit; a report reaches their moderation list", async () => {
    const idea = await ideaAt(server.db, scenario, "NUOVA");
    const rude = await buildComment(server.db, {
      ideaId: idea.id,
      authorId: scenario.users.employee.id,
      body: "Commento fuori luogo",
    });
    expect(
      (
        await as("member").post(`/idee/${idea.id}`, {
          intent: "reportComment",
          commentId: String(rude.id),
          reason: "Offensivo",
        })
      ).status,
    ).toBe(302);
    expect((await as("employee").get("/moderazione")).status).toBe(403);
    expect((await as("otherLeader").get("/moderazione")).status).toBe(200);
    expect(await text(await as("otherLeader").get("/moderazione"))).not.toContain("Commento fuori luogo");
    expect(await text(await as("leader").get("/moderazione"))).toContain("Commento fuori luogo");

    const before = await ideaState(server.db, idea.id);
    expect(
      (
        await as("otherLeader").post(`/idee/${idea.id}`, {
          intent: "hideComment",
          commentId: String(rude.id),
          reason: "No",
        })
      ).status,
    ).toBe(403);
    expect(
      (await as("leader").post(`/idee/${idea.id}`, { intent: "hideComment", commentId: String(rude.id), reason: "" }))
        .status,
    ).toBe(400);
    expect(await ideaState(server.db, idea.id)).toEqual(before);

    expect(
      (
        await as("leader").post(`/idee/${idea.id}`, {
          intent: "hideComment",
          commentId: String(rude.id),
          reason: "Linguaggio offensivo",
        })
      ).status,
    ).toBe(302);
    const hidden = await server.db.comment.findUniqueOrThrow({ where: { id: rude.id } });
    expect(hidden).toMatchObject({ hiddenById: scenario.users.leader.id, hiddenReason: "Linguaggio offensivo" });
    expect(await server.db.auditEvent.count({ where: { kind: "comment.hide", subjectId: String(rude.id) } })).toBe(1);
    const page = await text(await as("employee").get(`/idee/${idea.id}`));
    expect(page).toContain("Commento nascosto dalla moderazione. Motivo: Linguaggio offensivo");
    expect(page).not.toContain("Commento fuori luogo");
  });

  it("keeps each comment's drawing per kind of reader and language, drawn again when the comment changes", async () => {
    const idea = await ideaAt(server.db, scenario, "IN_DISCUSSIONE");
    const comment = await buildComment(server.db, {
      ideaId: idea.id,
      authorId: scenario.users.employee.id,
      body: "Prima stesura del commento",
    });
    const articleIn = (html: string) =>
      html.match(new RegExp(`<article id="commento-${comment.id}"[\\s\\S]*?</article>`))?.[0] ?? "";
    const article = async (who: string) => articleIn(await (await as(who).get(`/idee/${idea.id}`)).text());
    const actions = (html: string) =>
      [...html.matchAll(/<summary>([^<]+)<\/summary>|>(Elimina|Delete)<\/button>/g)].map((m) => m[1] ?? m[2]);

    // Each reader, twice (the second time from what is kept), gets only what they may do.
    for (let round = 0; round < 2; round++) {
      expect(actions(await article("member"))).toEqual(["Rispondi", "Segnala"]);
      expect(actions(await article("employee"))).toEqual(["Rispondi", "Modifica", "Elimina"]);
      expect(actions(await article("leader"))).toEqual(["Rispondi", "Nascondi", "Segnala"]);
      expect(actions(await article("otherLeader"))).toEqual(["Rispondi", "Segnala"]);
    }
    // Another language is another drawing.
    await server.db.user.update({ where: { id: scenario.users.member.id }, data: { locale: "en" } });
    try {
      expect(actions(await article("member"))).toEqual(["Reply", "Report"]);
    } finally {
      await server.db.user.update({ where: { id: scenario.users.member.id }, data: { locale: "it" } });
    }
    expect(actions(await article("member"))).toEqual(["Rispondi", "Segnala"]);

    // A change to the comment or to its author's name is drawn at once, for every reader.
    await as("employee").post(`/idee/${idea.id}`, {
      intent: "editComment",
      commentId: String(comment.id),
      body: "Seconda stesura",
    });
    const edited = await article("member");
    expect(edited).toContain("Seconda stesura");
    expect(edited).toContain("(modificato)");
    expect(edited).not.toContain("Prima stesura");
    const name = scenario.users.employee.displayName;
    await server.db.user.update({ where: { id: scenario.users.employee.id }, data: { displayName: "Nome Cambiato" } });
    try {
      expect(await article("member")).toContain(">Nome Cambiato</a>");
    } finally {
      await server.db.user.update({ where: { id: scenario.users.employee.id }, data: { displayName: name } });
    }
    expect(await article("member")).toContain(`>${name}</a>`);

    // A reply refused for its empty text comes back open under its comment, with the message;
    // the next visit finds the kept drawing, closed.
    const refused = await as("member").post(`/idee/${idea.id}`, {
      intent: "comment",
      parentId: String(comment.id),
      body: "   ",
    });
    expect(refused.status).toBe(400);
    const again = articleIn(await refused.text());
    expect(again).toMatch(/<details open="">\s*<summary>Rispondi<\/summary>/);
    expect(again).toContain('aria-invalid="true"');
    expect(await article("member")).not.toContain("<details open");
  });

  it("refuses an empty or oversized comment and a reply to another idea's comment", async () => {
    const idea = await ideaAt(server.db, scenario, "NUOVA");
    const other = await ideaAt(server.db, scenario, "NUOVA");
    const elsewhere = await buildComment(server.db, {
      ideaId: other.id,
      authorId: scenario.users.member.id,
      body: "Altrove",
    });
    const before = await ideaState(server.db, idea.id);
    expect((await as("employee").post(`/idee/${idea.id}`, { intent: "comment", body: "  " })).status).toBe(400);
    expect((await as("employee").post(`/idee/${idea.id}`, { intent: "comment", body: "c".repeat(6000) })).status).toBe(
      400,
    );
    expect(
      (
        await as("employee").post(`/idee/${idea.id}`, {
          intent: "comment",
          body: "ciao",
          parentId: String(elsewhere.id),
        })
      ).status,
    ).toBe(400);
    // Observers comment (issue 15) but do not support: the refused support changes nothing.
    expect((await as("observer").post(`/idee/${idea.id}`, { intent: "support" })).status).toBe(403);
    expect(await ideaState(server.db, idea.id)).toEqual(before);
  });
});

describe("finding ideas", () => {
  it("full-text search ignores accents, matches prefixes and highlights", async () => {
    await ideaAt(server.db, scenario, "NUOVA", {
      title: "Perché la coda è così lunga?",
      body: "Riorganizziamo gli sportelli del mattino.",
    });
    const accent = await (await as("employee").get("/idee?q=perche")).text();
    expect(accent).toContain("<mark>Perché</mark>");
    const prefix = await text(await as("employee").get("/idee?q=riorganizz"));
    expect(prefix).toContain("Perché la coda è così lunga?");
  });

  it("shows a long description's words around the match, an ellipsis where it is cut", async () => {
    const words = (from: number) => Array.from({ length: 30 }, (_, i) => `parola${from + i}`).join(" ");
    await ideaAt(server.db, scenario, "NUOVA", {
      title: "Un'idea lunga",
      body: `${words(0)} sportellounico ${words(30)}`,
    });
    const html = await (await as("employee").get("/idee?q=sportellounico")).text();
    const snippet = /<p class="pionieri-snippet[^"]*">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? "";
    expect(snippet).toContain("<mark>sportellounico</mark>");
    const shown = snippet.replace(/<[^>]+>/g, "");
    expect(shown).toMatch(/^…parola\d+ .* sportellounico .* parola\d+…$/);
    expect(shown).not.toContain("parola0 ");
  });

  it("ranks by relevance: a word in the title weighs more than the same word in the body", async () => {
    const inBody = await ideaAt(server.db, scenario, "NUOVA", {
      title: "Un'idea qualunque",
      body: "Parla di totem, totem e ancora totem in sala.",
    });
    const inTitle = await ideaAt(server.db, scenario, "NUOVA", {
      title: "Un totem all'ingresso",
      body: "Per prendere il numero senza fare la fila.",
    });
    const html = await (await as("employee").get("/idee?q=totem")).text();
    const order = [...html.matchAll(/href="\/idee\/(\d+)"/g)]
      .map((m) => Number(m[1]))
      .filter((id) => id === inBody.id || id === inTitle.id);
    expect([...new Set(order)]).toEqual([inTitle.id, inBody.id]);
  });

  it.each(['"', "AND OR NOT", "title:*", "(", "NEAR(a b", "*", "'; DROP TABLE Idea; --", 'perché"*'])(
    "answers the query %j without an error",
    async (q) => {
      const response = await as("employee").get(`/idee?q=${encodeURIComponent(q)}`);
      expect(response.status).toBe(200);
    },
  );

  it(
    "filters by group, status, mine and supported; unknown sorts and " +
      "filters fall back to the default, forged cursors are a 400",
    async () => {
      const idea = await ideaAt(server.db, scenario, "IN_VALUTAZIONE", {
        title: "Filtrami per stato",
        authorId: scenario.users.otherLeader.id,
      });
      await addSupports(server.db, idea.id, [scenario.users.admin.id]);
      expect(await text(await as("employee").get("/idee?stato=in-valutazione"))).toContain("Filtrami per stato");
      expect(await text(await as("employee").get("/idee?stato=nuova"))).not.toContain("Filtrami per stato");
      expect(await text(await as("employee").get("/idee?gruppo=informatica"))).not.toContain("Filtrami per stato");
      expect(await text(await as("otherLeader").get("/idee?mie=1"))).toContain("Filtrami per stato");
      expect(await text(await as("employee").get("/idee?mie=1"))).not.toContain("Filtrami per stato");
      expect(await text(await as("admin").get("/idee?sostengo=1"))).toContain("Filtrami per stato");
      for (const query of ["sort=boh", "stato=inventato", "gruppo=nessuno"]) {
        expect((await as("employee").get(`/idee?${query}`)).status, query).toBe(200);
      }
      for (const query of ["cursor=%%%", "cursor=eyJrIjp7fX0", "sort=sostegni&cursor=bm90LWpzb24"]) {
        const response = await as("employee").get(`/idee?${query}`);
        expect(response.status, query).toBe(400);
        expect(await text(response)).toContain("pagina successiva non è valido");
      }
    },
  );

  it("sorts by trend on the supports of the last 14 days, not on all of them", async () => {
    const u = scenario.users;
    const lately = await ideaAt(server.db, scenario, "NUOVA", { title: "Tendenza recente" });
    const once = await ideaAt(server.db, scenario, "NUOVA", { title: "Tendenza passata" });
    await addSupports(server.db, lately.id, [u.admin.id, u.board.id, u.leader.id]);
    await addSupports(
      server.db,
      once.id,
      [u.admin.id, u.board.id, u.leader.id, u.otherLeader.id],
      new Date(Date.now() - 30 * 86400_000),
    );
    await addSupports(server.db, once.id, [u.member.id]);
    const html = await (await as("employee").get("/idee?sort=tendenza")).text();
    const order = [...html.matchAll(/href="\/idee\/(\d+)"/g)]
      .map((m) => Number(m[1]))
      .filter((id) => id === lately.id || id === once.id);
    expect([...new Set(order)]).toEqual([lately.id, once.id]);
    const bySupports = await (await as("employee").get("/idee?sort=sostegni")).text();
    const total = [...bySupports.matchAll(/href="\/idee\/(\d+)"/g)]
      .map((m) => Number(m[1]))
      .filter((id) => id === lately.id || id === once.id);
    expect([...new Set(total)]).toEqual([once.id, lately.id]);
  });

  it("keeps a search's best matches only while nothing changes; each reader's own supports are live", async () => {
    const first = await ideaAt(server.db, scenario, "NUOVA", { title: "Cartelli bilingui in sala" });
    const cards = async (who: "employee" | "member") => {
      const html = await (await as(who).get("/idee?q=bilingui")).text();
      return { ids: [...new Set([...html.matchAll(/href="\/idee\/(\d+)"/g)].map((m) => Number(m[1])))], html };
    };
    expect((await cards("employee")).ids).toEqual([first.id]);
    // A new idea, then a support: the next search shows both, each reader seeing their own.
    const second = await ideaAt(server.db, scenario, "NUOVA", { title: "Moduli bilingui" });
    // The cards are kept per idea (decision 0049): each reader's own support, the counts and the
    // status are drawn again as soon as they change.
    const card = (html: string, id: number) =>
      html.match(
        new RegExp(
          `<article class="pionieri-idea-card"(?:(?!</article>)[\\s\\S])*href="/idee/${id}"[\\s\\S]*?</article>`,
        ),
      )?.[0] ?? "";
    expect(card((await cards("employee")).html, second.id)).toContain("<strong>0</strong>");
    expect(card((await cards("member")).html, second.id)).toContain("<strong>0</strong>");
    expect((await as("employee").post(`/idee/${second.id}`, { intent: "support" })).status).toBe(302);
    const employee = await cards("employee");
    expect(employee.ids.sort()).toEqual([first.id, second.id].sort());
    expect(card(employee.html, second.id)).toContain("la sostieni");
    expect(card(employee.html, second.id)).toContain("<strong>1</strong>");
    const member = card((await cards("member")).html, second.id);
    expect(member).toContain("<strong>1</strong>");
    expect(member).not.toContain("la sostieni");
    await as("member").post(`/idee/${second.id}`, { intent: "comment", body: "Anche in inglese, sì." });
    await server.db.idea.update({ where: { id: second.id }, data: { status: "IN_DISCUSSIONE" } });
    for (const who of ["employee", "member"] as const) {
      const now = card((await cards(who)).html, second.id);
      expect(now).toContain("1 commento");
      expect(now).toContain("In discussione");
    }
    // Another language, another drawing.
    await server.db.user.update({ where: { id: scenario.users.member.id }, data: { locale: "en" } });
    try {
      expect(card((await cards("member")).html, second.id)).toContain("1 comment<");
    } finally {
      await server.db.user.update({ where: { id: scenario.users.member.id }, data: { locale: "it" } });
    }
    // Deleted from the list by a change of status: gone at once.
    await server.db.idea.update({ where: { id: first.id }, data: { status: "DUPLICATA" } });
    expect((await cards("employee")).ids).toEqual([second.id]);
  });

  it("pages past the kept best matches (200) by relevance too, without repeating or skipping", async () => {
    for (let i = 0; i < 230; i++)
      await ideaAt(server.db, scenario, "NUOVA", { title: `Profondita ${String(i).padStart(3, "0")}` });
    const seen: string[] = [];
    let path = "/idee?q=profondita";
    for (let page = 0; page < 13 && path; page++) {
      const html = await (await as("employee").get(path)).text();
      seen.push(...new Set([...html.matchAll(/href="\/idee\/(\d+)"/g)].map((m) => m[1]!)));
      const next = /href="(\/idee\?[^"]*cursor=[^"]+)"/.exec(html)?.[1];
      path = next ? next.replace(/&amp;/g, "&") : "";
    }
    expect(seen).toHaveLength(230);
    expect(new Set(seen).size).toBe(230);
  });

  it("pages 20 at a time with a cursor in every sort, without repeating or skipping", async () => {
    for (let i = 0; i < 25; i++)
      await ideaAt(server.db, scenario, "NUOVA", { title: `Paginazione ${String(i).padStart(2, "0")}` });
    for (const sort of ["recenti", "sostegni", "discusse", "tendenza", ""]) {
      const seen: string[] = [];
      let path = `/idee?q=paginazione${sort ? `&sort=${sort}` : ""}`;
      for (let page = 0; page < 3 && path; page++) {
        const html = await (await as("employee").get(path)).text();
        seen.push(...new Set([...html.matchAll(/href="\/idee\/(\d+)"/g)].map((m) => m[1]!)));
        const next = /href="(\/idee\?[^"]*cursor=[^"]+)"/.exec(html)?.[1];
        path = next ? next.replace(/&amp;/g, "&") : "";
      }
      // 25 ideas over two pages (20 + 5), none repeated.
      expect(seen, sort).toHaveLength(25);
      expect(new Set(seen).size, sort).toBe(25);
    }
  });
});

describe("notifications", () => {
  it("counts unread in the header, lists them, and marks one or all read", async () => {
    const idea = await ideaAt(server.db, scenario, "NUOVA", { authorId: scenario.users.otherLeader.id });
    await as("employee").post(`/idee/${idea.id}`, { intent: "comment", body: "Primo" });
    await as("member").post(`/idee/${idea.id}`, { intent: "comment", body: "Secondo" });
    await noticesSettled(server.db);
    const home = await text(await as("otherLeader").get("/idee"));
    expect(home).toMatch(/Notifiche \d+ \d+ non lette/);
    const list = await text(await as("otherLeader").get("/notifiche"));
    expect(list).toContain("Dario Dipendente ha commentato");
    const one = await server.db.notification.findFirstOrThrow({
      where: { userId: scenario.users.otherLeader.id, readAt: null },
    });
    // Someone else's notification is simply not found.
    await as("employee").post("/notifiche", { intent: "read", id: one.id });
    expect((await server.db.notification.findUniqueOrThrow({ where: { id: one.id } })).readAt).toBeNull();
    await as("otherLeader").post("/notifiche", { intent: "read", id: one.id });
    expect((await server.db.notification.findUniqueOrThrow({ where: { id: one.id } })).readAt).not.toBeNull();
    await as("otherLeader").post("/notifiche", { intent: "readAll" });
    expect(await server.db.notification.count({ where: { userId: scenario.users.otherLeader.id, readAt: null } })).toBe(
      0,
    );
  });
});

describe("the bell's count", () => {
  it("says how many are unread up to 99, then 99+, in both languages", async () => {
    const { id: userId } = scenario.users.observer;
    await server.db.notification.deleteMany({ where: { userId } });
    // The badge (hidden from screen readers) and what a screen reader says instead, from the markup.
    const bell = async () => {
      const html = await (await as("observer").get("/idee")).text();
      return /class="pionieri-counter"[^>]*>([^<]*)<\/span><span class="visually-hidden">([^<]*)</.exec(html)?.slice(1);
    };
    const add = (count: number, from: number) =>
      server.db.notification.createMany({
        data: Array.from({ length: count }, (_, i) => ({ id: `bell${from + i}`, userId, kind: "COMMENT" })),
      });
    expect(await bell()).toBeUndefined();
    await add(99, 0);
    expect(await bell()).toEqual(["99", "99 non lette"]);
    await add(1, 99);
    expect(await bell()).toEqual(["99+", "più di 99 non lette"]);
    await add(2_000, 100);
    expect(await bell()).toEqual(["99+", "più di 99 non lette"]);
    await server.db.user.update({ where: { id: userId }, data: { locale: "en" } });
    try {
      expect(await bell()).toEqual(["99+", "more than 99 unread"]);
    } finally {
      await server.db.user.update({ where: { id: userId }, data: { locale: "it" } });
      await server.db.notification.deleteMany({ where: { userId } });
    }
  });
});

describe("themes", () => {
  it("the admin adds, renames and deletes a theme; ideas are filtered by theme; others get 403", async () => {
    const before = await server.db.tag.count();
    for (const who of ["employee", "leader", "board", "observer"]) {
      expect((await as(who).get("/admin/temi")).status, who).toBe(403);
      expect(
        (await as(who).post("/admin/temi", { intent: "add", kind: "CANALE", name: "Piccione viaggiatore" })).status,
        who,
      ).toBe(403);
    }
    expect(await server.db.tag.count()).toBe(before);
    // The lists' filters keep the themes while nothing changes: each change shows at once.
    const themes = async () => {
      const html = await (await as("member").get("/idee")).text();
      return [...html.matchAll(/<option value="([^"]+)">([^<]+)<\/option>/g)].map((m) => `${m[1]}:${m[2]}`);
    };
    expect((await themes()).some((option) => option.endsWith(":Sportello mobile"))).toBe(false);

    expect(
      (await as("admin").post("/admin/temi", { intent: "add", kind: "CANALE", name: "Sportello mobile" })).status,
    ).toBe(302);
    expect(
      (await as("admin").post("/admin/temi", { intent: "add", kind: "CANALE", name: "Sportello mobile" })).status,
    ).toBe(409);
    expect((await as("admin").post("/admin/temi", { intent: "add", kind: "ALTRO", name: "X" })).status).toBe(400);
    const tag = await server.db.tag.findFirstOrThrow({ where: { name: "Sportello mobile" } });
    expect(await themes()).toContain(`${tag.id}:Canale: Sportello mobile`);

    const response = await as("employee").post("/idee/nuova", {
      intent: "save",
      title: "Un camper per le frazioni",
      body: "Lo Sportello va dove servono i servizi.",
      groupId: scenario.groups.prodotti!.id,
      tag: tag.id,
    });
    expect(response.status).toBe(302);
    expect(await text(await as("member").get(`/idee?tema=${tag.id}`))).toContain("Un camper per le frazioni");
    expect(await text(await as("member").get("/idee?tema=inesistente"))).toContain("Un camper per le frazioni");

    await as("admin").post("/admin/temi", { intent: "rename", tagId: tag.id, name: "Sportello itinerante" });
    expect((await server.db.tag.findUniqueOrThrow({ where: { id: tag.id } })).name).toBe("Sportello itinerante");
    expect(await themes()).toContain(`${tag.id}:Canale: Sportello itinerante`);
    // Deleting asks for the ticked confirmation first.
    const unconfirmed = await as("admin").post("/admin/temi", { intent: "delete", tagId: tag.id });
    expect(unconfirmed.status).toBe(400);
    expect(await text(unconfirmed)).toContain("Spunta la conferma per procedere.");
    expect(await server.db.tag.findUnique({ where: { id: tag.id } })).not.toBeNull();
    await as("admin").post("/admin/temi", { intent: "delete", tagId: tag.id, confirm: "1" });
    expect(await server.db.tag.findUnique({ where: { id: tag.id } })).toBeNull();
    expect((await themes()).some((option) => option.startsWith(`${tag.id}:`))).toBe(false);
    expect(await server.db.idea.count({ where: { title: "Un camper per le frazioni" } })).toBe(1);
  });
});

describe("rate limits on writing", () => {
  it(
    "answers the 31st comment in ten minutes and the 11th idea in an hour " + "with 429 + Retry-After, writing nothing",
    async () => {
      const writer = await buildUser(server.db, {
        email: "scrittore@test.example",
        displayName: "Sara Scrittrice",
        password: PASSWORD,
      });
      const browser = new Client(server.url);
      await browser.login(writer.email, PASSWORD);
      const idea = await ideaAt(server.db, scenario, "NUOVA");
      for (let i = 0; i < 30; i++) {
        expect(
          (await browser.post(`/idee/${idea.id}`, { intent: "comment", body: `Commento ${i}` })).status,
          `comment ${i}`,
        ).toBe(302);
      }
      const before = await ideaState(server.db, idea.id);
      const refused = await browser.post(`/idee/${idea.id}`, { intent: "comment", body: "Uno di troppo" });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await text(refused)).toContain("troppe operazioni di questo tipo");
      expect(await ideaState(server.db, idea.id)).toEqual(before);
      // Others are not affected.
      expect((await as("member").post(`/idee/${idea.id}`, { intent: "comment", body: "Io posso" })).status).toBe(302);

      const count = await server.db.idea.count();
      for (let i = 0; i < 10; i++) {
        expect(
          (
            await browser.post("/idee/nuova", {
              intent: "save",
              title: `Idea a raffica ${i}`,
              body: "x",
              groupId: scenario.groups.prodotti!.id,
            })
          ).status,
        ).toBe(302);
      }
      const tooMany = await browser.post("/idee/nuova", {
        intent: "save",
        title: "Idea di troppo",
        body: "x",
        groupId: scenario.groups.prodotti!.id,
      });
      expect(tooMany.status).toBe(429);
      expect(await server.db.idea.count()).toBe(count + 10);
    },
  );
});
