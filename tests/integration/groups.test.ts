import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, text } from "../support/http";
import { PASSWORD, seedScenario, type Scenario } from "../support/scenario";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
let scenario: Scenario;

beforeAll(async () => {
  server = await startServer();
  scenario = await seedScenario(server.db);
});
afterAll(() => server?.stop());

const memberships = (userId: string) =>
  server.db.membership.findMany({
    where: { userId },
    select: { groupId: true, isLeader: true },
    orderBy: { groupId: "asc" },
  });

describe("voluntary groups", () => {
  it("an employee joins and leaves a group from the group's page", async () => {
    const browser = new Client(server.url);
    await browser.login("dipendente@test.example", PASSWORD);
    const group = scenario.groups.comunicazione!;
    // Someone else looking at the page before, between and after: the member list follows.
    const viewer = new Client(server.url);
    await viewer.login("osservatore@test.example", PASSWORD);
    const members = async () => text(await viewer.get(`/gruppi/${group.slug}`));
    expect(await members()).not.toContain("Dario Dipendente");
    const join = await browser.post(`/gruppi/${group.slug}`, { intent: "join", returnTo: `/gruppi/${group.slug}` });
    expect(join.status).toBe(302);
    expect(await memberships(scenario.users.employee.id)).toEqual([{ groupId: group.id, isLeader: false }]);
    const page = await text(await browser.get(`/gruppi/${group.slug}`));
    expect(page).toContain("Ora fai parte del gruppo Comunicazione");
    expect(page).toContain("Dario Dipendente");
    expect(page).toContain("Lascia il gruppo");

    await browser.post(`/gruppi/${group.slug}`, { intent: "join" });
    expect(await memberships(scenario.users.employee.id)).toHaveLength(1);

    expect(await members()).toContain("Dario Dipendente");

    const leave = await browser.post(`/gruppi/${group.slug}`, { intent: "leave", returnTo: "/" });
    expect(leave.headers.get("location")).toBe("/");
    expect(await memberships(scenario.users.employee.id)).toEqual([]);
    expect(await members()).not.toContain("Dario Dipendente");
  });

  it("a leader who leaves stops leading", async () => {
    const browser = new Client(server.url);
    await browser.login("leader.informatica@test.example", PASSWORD);
    await browser.post("/gruppi/informatica", { intent: "leave" });
    expect(await memberships(scenario.users.otherLeader.id)).toEqual([]);
    expect(await text(await browser.get("/gruppi/informatica"))).toContain("Coordinatore da nominare");
  });

  it("an observer reads groups but cannot join: 403, nothing written", async () => {
    const browser = new Client(server.url);
    await browser.login("osservatore@test.example", PASSWORD);
    const page = await browser.get("/gruppi/logistica");
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain("Partecipa al gruppo");
    const join = await browser.post("/gruppi/logistica", { intent: "join" });
    expect(join.status).toBe(403);
    expect(await memberships(scenario.users.observer.id)).toEqual([]);
  });

  it("ignores a returnTo to another site, refuses an unknown intent (400) and an unknown group (404)", async () => {
    const browser = new Client(server.url);
    await browser.login("membro@test.example", PASSWORD);
    const join = await browser.post("/gruppi/prodotti", { intent: "join", returnTo: "https://evil.example/" });
    expect(join.headers.get("location")).toBe("/gruppi/prodotti");
    const before = await memberships(scenario.users.member.id);
    expect((await browser.post("/gruppi/prodotti", { intent: "promuovimi" })).status).toBe(400);
    expect((await browser.post("/gruppi/non-esiste", { intent: "join" })).status).toBe(404);
    expect(await memberships(scenario.users.member.id)).toEqual(before);
  });

  it("the home page shows the five groups with members and leaders, and the current phase", async () => {
    const browser = new Client(server.url);
    await browser.login("membro@test.example", PASSWORD);
    const home = await text(await browser.get("/"));
    for (const name of ["Logistica", "Informatica", "Comunicazione", "Prodotti", "Personale e Formazione"])
      expect(home).toContain(name);
    expect(home).toContain("Oggi siamo nella fase: Esplorazione delle idee");
    expect(home).toContain("Lia Logistica");
  });
});

describe("the home page's group cards", () => {
  it("follow each reader (member, may join, may not) and each change of members", async () => {
    const readers = {
      employee: "dipendente@test.example",
      member: "membro@test.example",
      observer: "osservatore@test.example",
    };
    const clients: Record<string, Client> = {};
    for (const [who, email] of Object.entries(readers)) {
      clients[who] = new Client(server.url);
      await clients[who].login(email, PASSWORD);
    }
    const group = scenario.groups.logistica!;
    const card = async (who: string) => {
      const html = await (await clients[who]!.get("/")).text();
      const inCard = "(?:(?!</article>)[\\s\\S])*";
      const found = html.match(
        new RegExp(`<article class="pionieri-group-card"${inCard}href="/gruppi/${group.slug}"${inCard}</article>`),
      )?.[0];
      expect(found, who).toBeDefined();
      return found!;
    };
    const count = async () =>
      `${await server.db.membership.count({ where: { groupId: group.id, user: { active: true } } })} partecipanti`;
    // Each reader twice: the second time from what the server kept.
    for (let round = 0; round < 2; round++) {
      expect(await card("employee")).toContain(">Partecipa</button>");
      expect(await card("member")).toContain(">Lascia il gruppo</button>");
      expect(await card("observer")).not.toContain("</button>");
      for (const who of Object.keys(readers)) expect(await card(who)).toContain(await count());
    }
    await clients.employee!.post(`/gruppi/${group.slug}`, { intent: "join", returnTo: "/" });
    const joined = await card("employee");
    expect(joined).toContain("Fai parte di questo gruppo");
    expect(joined).toContain(">Lascia il gruppo</button>");
    for (const who of Object.keys(readers)) expect(await card(who)).toContain(await count());
    expect(await card("observer")).not.toContain("</button>");
    await clients.employee!.post(`/gruppi/${group.slug}`, { intent: "leave", returnTo: "/" });
    expect(await card("employee")).toContain(">Partecipa</button>");
    for (const who of Object.keys(readers)) expect(await card(who)).toContain(await count());
  });
});

describe("the home page's latest activity", () => {
  it("lists what happened, newest first, and nothing dated in the future", async () => {
    const { buildIdea, buildStatusChange } = await import("../support/factories");
    const past = await buildIdea(server.db, {
      title: "Idea di ieri per il feed",
      groupId: scenario.groups.logistica!.id,
      authorId: scenario.users.member.id,
      createdAt: new Date(Date.now() - 86400_000),
    });
    const future = await buildIdea(server.db, {
      title: "Idea datata nel futuro",
      groupId: scenario.groups.logistica!.id,
      authorId: scenario.users.member.id,
      createdAt: new Date(Date.now() + 60 * 86400_000),
    });
    await buildStatusChange(server.db, {
      ideaId: past.id,
      from: "NUOVA",
      to: "IN_DISCUSSIONE",
      actorId: scenario.users.leader.id,
      at: new Date(Date.now() + 30 * 86400_000),
    });
    const browser = new Client(server.url);
    await browser.login("dipendente@test.example", PASSWORD);
    const home = await text(await browser.get("/"));
    expect(home).toContain("Idea di ieri per il feed");
    expect(home).not.toContain(future.title);
    expect(home).not.toMatch(/Idea di ieri per il feed[^.]*In discussione/);

    // The feed is kept between visits, and drawn again as soon as something happens.
    const firstItem = (page: string) => /<ol class="pionieri-activity"><li>(.*?)<\/li>/.exec(page)?.[1] ?? "";
    const before = firstItem(await (await browser.get("/")).text());
    expect(before).toContain("Idea di ieri per il feed");
    expect(firstItem(await (await browser.get("/")).text())).toBe(before);
    const comment = await browser.post(`/idee/${past.id}`, { intent: "comment", body: "Lo proviamo lunedì." });
    expect(comment.status).toBe(302);
    const after = firstItem(await (await browser.get("/")).text());
    expect(after).toContain("Dario Dipendente");
    expect(after).toContain("ha commentato");
    expect(after).toContain("Idea di ieri per il feed");
  });
});

describe("the navigation", () => {
  const current = (page: string) =>
    [...page.matchAll(/<a [^>]*aria-current="page"[^>]*>([^<]*)<\/a>/g)].map((match) => match[1]);

  it("marks the section of the page one is on, on pages drawn by the server and on hydrated ones", async () => {
    const browser = new Client(server.url);
    await browser.login("dipendente@test.example", PASSWORD);
    const idea = await server.db.idea.findFirstOrThrow({ select: { id: true } });
    const sections: [string, string][] = [
      ["/", "Home"],
      ["/crono-programma", "Crono-programma"],
      [`/idee/${idea.id}`, "Idee"],
      ["/idee", "Idee"],
      // Two pages that hydrate: the new idea's form and the groups.
      ["/idee/nuova", "Idee"],
      ["/gruppi", "Gruppi"],
      [`/gruppi/${scenario.groups.logistica!.slug}`, "Gruppi"],
      ["/cabina-di-regia", "Cabina di Regia"],
      ["/", "Home"],
    ];
    // Twice each (the phone's menu and the wide one), and nothing else.
    for (const [path, label] of sections)
      expect(current(await (await browser.get(path)).text()), path).toEqual([label, label]);
    // The administration's link leads to its first page and stands for every page of it.
    const admin = new Client(server.url);
    await admin.login("admin@test.example", PASSWORD);
    for (const [path, label] of [
      ["/admin/utenti", "Amministrazione"],
      ["/admin/temi", "Amministrazione"],
      ["/admin/posta", "Amministrazione"],
      ["/idee", "Idee"],
      ["/admin/gruppi", "Amministrazione"],
    ]) {
      const page = await (await admin.get(path!)).text();
      expect(current(page).slice(0, 2), path).toEqual([label, label]);
      expect(page).toContain('href="/admin/utenti">Amministrazione</a>');
    }
  });

  it("shows each person the doors of their role, whoever came before them", async () => {
    const admin = new Client(server.url);
    await admin.login("admin@test.example", PASSWORD);
    const employee = new Client(server.url);
    await employee.login("dipendente@test.example", PASSWORD);
    for (let round = 0; round < 2; round++) {
      expect(await (await employee.get("/crono-programma")).text()).not.toContain('href="/admin/utenti"');
      expect(await (await admin.get("/crono-programma")).text()).toContain('href="/admin/utenti"');
    }
  });
});
