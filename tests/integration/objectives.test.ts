import { describe, expect, it } from "vitest";
import { buildMilestone, buildObjective } from "../support/factories";
import { useServer } from "../support/harness";
import { Client, text } from "../support/http";
import { noticesSettled } from "../support/db-state";
import { ideaAt } from "../support/ideas";
import { PASSWORD } from "../support/scenario";

const h = useServer();
const clients = new Map<string, Client>();
async function as(who: "admin" | "board" | "leader" | "otherLeader" | "employee" | "member" | "observer") {
  if (!clients.has(who)) {
    const client = new Client(h.server.url);
    await client.login(h.scenario.users[who].email, PASSWORD);
    clients.set(who, client);
  }
  return clients.get(who)!;
}

const fields = (overrides: Record<string, string> = {}) => ({
  groupId: h.scenario.groups.logistica!.id,
  title: "Nuove sedute in sala d'attesa",
  description: "Sedute comode e prese.",
  ownerId: h.scenario.users.member.id,
  startOn: "2027-01-11",
  dueOn: "2027-03-31",
  forecastOn: "",
  status: "PIANIFICATO",
  progress: "0",
  ...overrides,
});

const objectiveCount = () => h.server.db.objective.count();

describe("creating objectives", () => {
  it("a leader plans one for their group carrying an accepted idea, which starts being realised", async () => {
    const idea = await ideaAt(h.server.db, h.scenario, "ACCOLTA", {
      authorId: h.scenario.users.employee.id,
      title: "Sedute nuove",
    });
    const response = await (
      await as("leader")
    ).post("/obiettivi/nuovo", {
      ...fields(),
      ideaId: String(idea.id),
      indicatorName: "Gradimento",
      indicatorUnit: "%",
      indicatorBaseline: "40",
      indicatorTarget: "80",
    });
    expect(response.status).toBe(302);
    const id = Number(/\/obiettivi\/(\d+)$/.exec(response.headers.get("location")!)![1]);
    const objective = await h.server.db.objective.findUniqueOrThrow({ where: { id }, include: { ideas: true } });
    expect(objective).toMatchObject({
      title: "Nuove sedute in sala d'attesa",
      ownerId: h.scenario.users.member.id,
      indicatorTarget: 80,
      version: 1,
    });
    expect(objective.ideas.map((i) => i.ideaId)).toEqual([idea.id]);
    expect((await h.server.db.idea.findUniqueOrThrow({ where: { id: idea.id } })).status).toBe("IN_REALIZZAZIONE");
    const ideaPage = await text(await (await as("employee")).get(`/idee/${idea.id}`));
    expect(ideaPage).toContain("Portata avanti da:");
    expect(ideaPage).toContain("Nuove sedute in sala d'attesa");
    await noticesSettled(h.server.db);
    expect(
      await h.server.db.notification.count({
        where: { ideaId: idea.id, userId: h.scenario.users.employee.id, kind: "STATUS" },
      }),
    ).toBeGreaterThan(0);
  });

  it("refuses a forged group id (403) and anyone who does not lead the group, creating nothing", async () => {
    const before = await objectiveCount();
    const forged = await (
      await as("leader")
    ).post("/obiettivi/nuovo", fields({ groupId: h.scenario.groups.informatica!.id }));
    expect(forged.status).toBe(403);
    for (const who of ["employee", "observer", "admin", "otherLeader"] as const) {
      expect((await (await as(who)).get("/obiettivi/nuovo?gruppo=logistica")).status, who).toBe(403);
      expect((await (await as(who)).post("/obiettivi/nuovo", fields())).status, who).toBe(403);
    }
    expect((await (await as("leader")).post("/obiettivi/nuovo", fields({ groupId: "non-esiste" }))).status).toBe(403);
    expect(await objectiveCount()).toBe(before);
    expect(
      (
        await (
          await as("board")
        ).post("/obiettivi/nuovo", fields({ groupId: h.scenario.groups.prodotti!.id, ownerId: "" }))
      ).status,
    ).toBe(302);
  });

  it.each([
    ["due before start", { dueOn: "2027-01-01" }, "La scadenza non può venire prima dell'inizio."],
    ["progress −5", { progress: "-5" }, "L'avanzamento è un numero intero da 0 a 100."],
    ["progress 150", { progress: "150" }, "L'avanzamento è un numero intero da 0 a 100."],
    ["progress abc", { progress: "abc" }, "L'avanzamento è un numero intero da 0 a 100."],
    ["30 February", { startOn: "2026-02-30" }, "Questa data non esiste nel calendario."],
    ["31/12/2026", { dueOn: "31/12/2026" }, "Scrivi la data come AAAA-MM-GG"],
    ["an empty title", { title: "" }, "Questo campo è obbligatorio."],
    ["an owner outside the group", { ownerId: h_user("otherLeader") }, "Il responsabile deve far parte del gruppo."],
  ])("answers %s with a field message and 400, creating nothing", async (_label, override, message) => {
    const before = await objectiveCount();
    const resolved = Object.fromEntries(
      Object.entries(override).map(([k, v]) => [
        k,
        v.startsWith("user:") ? h.scenario.users[v.slice(5) as "otherLeader"].id : v,
      ]),
    );
    // The browser posts the form to the page's own address, with its ?gruppo=.
    const response = await (await as("leader")).post("/obiettivi/nuovo?gruppo=logistica", fields(resolved));
    expect(response.status).toBe(400);
    expect(await text(response)).toContain(message);
    expect(await objectiveCount()).toBe(before);
  });

  it("answers 404 for an unknown or malformed objective", async () => {
    for (const path of [
      "/obiettivi/999999",
      "/obiettivi/abc",
      "/obiettivi/999999/modifica",
      "/obiettivi/nuovo?gruppo=nessuno",
    ]) {
      expect((await (await as("board")).get(path)).status, path).toBe(404);
    }
  });
});

function h_user(who: string) {
  return `user:${who}`;
}

describe("progress and edits", () => {
  it("leaders post updates; the history shows who and when, newest first; others are refused", async () => {
    const objective = await buildObjective(h.server.db, {
      groupId: h.scenario.groups.logistica!.id,
      title: "Cartelli nuovi",
      startOn: "2026-10-01",
      dueOn: "2027-02-26",
      status: "IN_CORSO",
      progress: 10,
    });
    const leader = await as("leader");
    expect(
      (
        await leader.post(`/obiettivi/${objective.id}`, {
          intent: "update",
          date: "2026-11-20",
          progress: "30",
          status: "IN_CORSO",
          note: "Bozze pronte",
        })
      ).status,
    ).toBe(302);
    expect(
      (
        await leader.post(`/obiettivi/${objective.id}`, {
          intent: "update",
          date: "2026-11-25",
          progress: "55",
          status: "BLOCCATO",
          note: "In attesa della ditta",
        })
      ).status,
    ).toBe(302);
    const stored = await h.server.db.objective.findUniqueOrThrow({ where: { id: objective.id } });
    expect(stored).toMatchObject({ progress: 55, status: "BLOCCATO", version: 3 });
    expect(stored.lastUpdateAt).not.toBeNull();
    const page = await text(await (await as("employee")).get(`/obiettivi/${objective.id}`));
    expect(page.indexOf("In attesa della ditta")).toBeLessThan(page.indexOf("Bozze pronte"));
    expect(page).toContain("Lia Logistica: avanzamento 55%, stato «Bloccato».");

    const before = await h.server.db.progressUpdate.count({ where: { objectiveId: objective.id } });
    for (const who of ["otherLeader", "employee", "observer", "admin"] as const) {
      expect(
        (
          await (
            await as(who)
          ).post(`/obiettivi/${objective.id}`, {
            intent: "update",
            date: "2026-11-26",
            progress: "99",
            status: "IN_CORSO",
          })
        ).status,
        who,
      ).toBe(403);
    }
    expect(
      (
        await leader.post(`/obiettivi/${objective.id}`, {
          intent: "update",
          date: "2026-02-30",
          progress: "150",
          status: "IN_CORSO",
        })
      ).status,
    ).toBe(400);
    expect(await h.server.db.progressUpdate.count({ where: { objectiveId: objective.id } })).toBe(before);
    expect((await h.server.db.objective.findUniqueOrThrow({ where: { id: objective.id } })).progress).toBe(55);
  });

  it("keeps a change history, and refuses a stale edit with a clear message, keeping what was typed", async () => {
    const objective = await buildObjective(h.server.db, {
      groupId: h.scenario.groups.logistica!.id,
      title: "Postazione ribassata",
      startOn: "2027-02-01",
      dueOn: "2027-05-28",
    });
    const base = fields({
      title: "Postazione ribassata",
      description: "",
      startOn: "2027-02-01",
      dueOn: "2027-05-28",
      ownerId: "",
    });
    const first = await (
      await as("leader")
    ).post(`/obiettivi/${objective.id}/modifica`, { ...base, version: "1", dueOn: "2027-06-30", progress: "5" });
    expect(first.status).toBe(302);
    const changes = await h.server.db.objectiveChange.findMany({
      where: { objectiveId: objective.id },
      orderBy: { field: "asc" },
    });
    expect(changes.map((c) => [c.field, c.fromValue, c.toValue, c.actorId])).toEqual([
      ["dueOn", "2027-05-28", "2027-06-30", h.scenario.users.leader.id],
      ["progress", "0", "5", h.scenario.users.leader.id],
    ]);

    const before = await h.server.db.objective.findUniqueOrThrow({ where: { id: objective.id } });
    const stale = await (
      await as("board")
    ).post(`/obiettivi/${objective.id}/modifica`, { ...base, version: "1", title: "Titolo della Cabina" });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain("Qualcuno ha salvato questo micro-obiettivo mentre lo modificavi");
    expect(html).toContain('value="Titolo della Cabina"');
    expect(await h.server.db.objective.findUniqueOrThrow({ where: { id: objective.id } })).toEqual(before);
    const page = await text(await (await as("employee")).get(`/obiettivi/${objective.id}`));
    expect(page).toContain("Storico delle modifiche");
    expect(page).toContain("2027-06-30");
  });

  it("redraws the crono-programma after every write: its kept chart and table never show old figures", async () => {
    const objective = await buildObjective(h.server.db, {
      groupId: h.scenario.groups.logistica!.id,
      title: "Sportello in rete",
      startOn: "2026-10-01",
      dueOn: "2027-02-26",
      status: "IN_CORSO",
      progress: 20,
    });
    const path = "/crono-programma?gruppo=logistica&zoom=anno&da=2026-06";
    const employee = await as("employee");
    const bar = (page: string) => /Sportello in rete · (\d+)%/.exec(page)?.[1];
    const cell = (page: string) =>
      new RegExp(
        `<a href="/obiettivi/${objective.id}">Sportello in rete</a></th>` +
          `(?:<td>[^<]*</td>){6}<td class="text-end">(\\d+)%`,
      ).exec(page)?.[1];
    const html = async () => (await employee.get(path)).text();
    const before: [string, string] = [await html(), await html()];
    // Twice alike (the second is the kept one), and the marks that place kept parts never show.
    expect(before[1]).toBe(before[0]);
    expect(before[0]).not.toContain("pionieri-fragment");
    expect([bar(before[0]), cell(before[0])]).toEqual(["20", "20"]);
    // What only the kept chart and table draw stays on the server: the loader's JSON has the
    // rest of the page (0041).
    const loaderData = await text(
      await employee.get(`${path}&_data=${encodeURIComponent("routes/crono-programma._index")}`),
    );
    expect(JSON.parse(loaderData)).toMatchObject({ zoom: "anno", drawing: { view: expect.any(String) } });
    expect(loaderData).not.toContain("Sportello in rete");
    expect(loaderData).not.toContain('"objectives"');
    const leader = await as("leader");
    const update = { intent: "update", date: "2026-11-20", progress: "65", status: "IN_CORSO", note: "Rete posata" };
    expect((await leader.post(`/obiettivi/${objective.id}`, update)).status).toBe(302);
    const after = await html();
    expect([bar(after), cell(after)]).toEqual(["65", "65"]);
    // The group's page keeps its own drawing of its objectives, and sends none of them as JSON.
    const groupPage = await text(await employee.get("/gruppi/logistica"));
    expect(bar(groupPage)).toBe("65");
    expect(groupPage).toContain("Micro-obiettivi del gruppo Logistica");
    const groupData = await text(
      await employee.get(`/gruppi/logistica?_data=${encodeURIComponent("routes/gruppi.$slug")}`),
    );
    expect(JSON.parse(groupData)).toMatchObject({ group: { slug: "logistica" } });
    expect(groupData).not.toContain("Sportello in rete");
    // Another colleague, another language: the same facts, in English.
    const english = new Client(h.server.url);
    await english.login(h.scenario.users.member.email, PASSWORD);
    const profile = { intent: "profile", displayName: "Marta Membro", office: "", locale: "en" };
    expect((await english.post("/profilo", profile)).status).toBe(302);
    const inEnglish = await text(await english.get(path));
    expect(inEnglish).toContain("Sportello in rete · 65%");
    expect(inEnglish).toContain("Micro-objectives with dates, status and progress");
    expect(inEnglish).toContain("Sportello in rete Logistica — 01/10/2026 26/02/2027 — In progress 65%");
    await english.post("/profilo", { ...profile, locale: "it" });
  });

  it("flags late and to-be-updated objectives on the crono-programma and its table", async () => {
    await buildObjective(h.server.db, {
      groupId: h.scenario.groups.comunicazione!.id,
      title: "Obiettivo scaduto",
      startOn: "2026-01-05",
      dueOn: "2026-02-27",
      status: "IN_CORSO",
      progress: 40,
      createdAt: new Date("2026-01-05T08:00:00Z"),
    });
    const page = await text(
      await (await as("employee")).get("/crono-programma?gruppo=comunicazione&zoom=anno&da=2026-01"),
    );
    expect(page).toContain("Obiettivo scaduto");
    expect(page).toMatch(/Obiettivo scaduto.*In ritardo/);
    expect(page).toMatch(/Obiettivo scaduto.*Da aggiornare/);
    expect(page).not.toContain("Cartelli nuovi");
    for (const query of ["zoom=secolo", "da=ieri", "da=2026-13", "stato=boh", "gruppo=nessuno"]) {
      expect((await (await as("employee")).get(`/crono-programma?${query}`)).status, query).toBe(200);
    }
  });
});

describe("exports", () => {
  it("CSV of objectives: UTF-8 with BOM, semicolons, formulas neutralised", async () => {
    await buildObjective(h.server.db, {
      groupId: h.scenario.groups.prodotti!.id,
      title: '=HYPERLINK("http://x")',
      startOn: "2026-11-01",
      dueOn: "2026-12-01",
    });
    const response = await (await as("employee")).get("/crono-programma/obiettivi.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const body = new Uint8Array(await response.arrayBuffer());
    expect([...body.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(body);
    expect(csv).toContain("Numero;Gruppo;Micro-obiettivo");
    expect(csv).toContain(`'=HYPERLINK(""http://x"")`);
    expect(csv).not.toMatch(/;=HYPERLINK/);
  });

  it("a personal iCalendar feed at a secret URL; a wrong, regenerated or revoked token is 404", async () => {
    await buildMilestone(h.server.db, { title: "Apertura sperimentale", date: "2027-06-07" });
    await buildObjective(h.server.db, {
      groupId: h.scenario.groups.logistica!.id,
      title: "Scadenza per il calendario",
      startOn: "2027-01-04",
      dueOn: "2027-03-19",
    });
    const member = await as("member");
    const created = await member.post("/profilo", { intent: "calendar" });
    const url = /value="(http[^"]+\/calendario\/[^"]+\.ics)"/.exec(await created.text())![1]!;
    const path = new URL(url).pathname;
    const feed = await new Client(h.server.url).get(path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toContain("text/calendar");
    const ics = await feed.text();
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain("DTSTART;VALUE=DATE:20270319");
    expect(ics).toContain("SUMMARY:Scadenza: Scadenza per il calendario (Logistica)");
    expect(ics).toContain("SUMMARY:Traguardo: Apertura sperimentale");
    expect(ics.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);

    expect((await new Client(h.server.url).get("/calendario/token-sbagliato-ma-lungo-abbastanza.ics")).status).toBe(
      404,
    );
    expect((await new Client(h.server.url).get("/calendario/x")).status).toBe(404);
    await member.post("/profilo", { intent: "calendar" });
    expect((await new Client(h.server.url).get(path)).status).toBe(404);
    await member.post("/profilo", { intent: "calendarRevoke" });
    expect(await h.server.db.calendarToken.count({ where: { userId: h.scenario.users.member.id } })).toBe(0);
  });
});

describe("phases and milestones", () => {
  it("the board pins a phase as current and adds a milestone; others get 403 with nothing written", async () => {
    const before = { phases: await h.server.db.phase.count(), milestones: await h.server.db.milestone.count() };
    for (const who of ["leader", "employee", "admin", "observer"] as const) {
      expect((await (await as(who)).get("/crono-programma/gestione")).status, who).toBe(403);
      expect(
        (
          await (
            await as(who)
          ).post("/crono-programma/gestione", {
            intent: "createPhase",
            name: "X",
            startOn: "2027-01-01",
            endOn: "2027-02-01",
            position: "9",
          })
        ).status,
      ).toBe(403);
    }
    expect({ phases: await h.server.db.phase.count(), milestones: await h.server.db.milestone.count() }).toEqual(
      before,
    );

    const board = await as("board");
    expect(
      (
        await board.post("/crono-programma/gestione", {
          intent: "createPhase",
          name: "Progettazione",
          startOn: "2027-02-01",
          endOn: "2027-01-01",
          position: "1",
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await board.post("/crono-programma/gestione", {
          intent: "createPhase",
          name: "Progettazione",
          startOn: "2030-02-01",
          endOn: "2030-05-31",
          position: "1",
        })
      ).status,
    ).toBe(302);
    const phase = await h.server.db.phase.findFirstOrThrow({ where: { name: "Progettazione" } });
    await board.post("/crono-programma/gestione", { intent: "pinPhase", phaseId: phase.id });
    expect(await text(await (await as("employee")).get("/gruppi"))).toContain("Oggi siamo nella fase: Progettazione");
    await board.post("/crono-programma/gestione", { intent: "pinPhase", phaseId: "" });
    expect(await text(await (await as("employee")).get("/gruppi"))).toContain(
      "Oggi siamo nella fase: Esplorazione delle idee",
    );
    expect(
      (
        await board.post("/crono-programma/gestione", {
          intent: "createMilestone",
          title: "Giunta",
          date: "2027-13-01",
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await board.post("/crono-programma/gestione", {
          intent: "createMilestone",
          title: "Giunta",
          date: "2027-01-20",
        })
      ).status,
    ).toBe(302);
    expect(await h.server.db.milestone.count({ where: { title: "Giunta", date: "2027-01-20" } })).toBe(1);
  });
});
