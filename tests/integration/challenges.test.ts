/**
 * Challenges (issue 23) against the built server and its SQLite file: who opens and who
 * concludes, with refused writes changing nothing; bad input with the field's Italian message
 * (a challenge closed yesterday, an end before the start, a forged figure…); ideas proposed in
 * answer only while the challenge is open; the challenge's page with its ideas by supports; the
 * shortlist limited to its own ideas; the participants told of the conclusion; the home page.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { seedCampaign } from "../../prisma/seed-observe";
import { changedTables, dbFingerprint, noticesSettled } from "../support/db-state";
import { addSupports, buildIdea } from "../support/factories";
import { useServer } from "../support/harness";
import { text, type Client } from "../support/http";
import { signedIn } from "../support/sessions";
import { inDays } from "../support/days";

const h = useServer();
const as = (email: string) => signedIn(h.server, email);

function challengeForm(fields: Record<string, string> = {}) {
  return {
    title: `Come sarebbe bello se nessuno aspettasse? ${Math.random().toString(36).slice(2, 8)}`,
    description: "Che cosa cambieresti **allo sportello**?",
    audience: "tutti",
    opensOn: inDays(0),
    closesOn: inDays(30),
    evidenza: "",
    ...fields,
  };
}

async function open(client: Client, fields: Record<string, string> = {}) {
  const form = challengeForm(fields);
  const response = await client.post("/sfide/nuova", form);
  expect(response.status, await response.clone().text()).toBe(302);
  const challenge = await h.server.db.challenge.findFirstOrThrow({ where: { title: form.title } });
  expect(response.headers.get("location")).toBe(`/sfide/${challenge.id}`);
  return challenge;
}

async function refused(send: () => Promise<Response>, status: number, message?: string) {
  await noticesSettled(h.server.db, 20_000);
  const before = await dbFingerprint(h.server.db);
  const response = await send();
  expect(response.status).toBe(status);
  if (message) expect(await text(response)).toContain(message);
  expect(changedTables(before, await dbFingerprint(h.server.db))).toEqual([]);
}

const ideaForm = (fields: Record<string, string>) => ({
  title: `Un'idea per la sfida ${Math.random().toString(36).slice(2, 8)}`,
  body: "Una lista dei documenti da portare, mandata con la prenotazione.",
  groupId: h.scenario.groups.prodotti!.id,
  ...fields,
});

let board: Client;
let leader: Client;
let employee: Client;
let member: Client;
let observer: Client;
let otherLeader: Client;

beforeAll(async () => {
  board = await as("cabina@test.example");
  leader = await as("leader.logistica@test.example");
  employee = await as("dipendente@test.example");
  member = await as("membro@test.example");
  observer = await as("osservatore@test.example");
  otherLeader = await as("leader.informatica@test.example");
});

describe("opening a challenge", () => {
  it("is for the Cabina (anyone) and a group's leaders (their group); the others get 403", async () => {
    for (const client of [employee, member, observer]) {
      expect((await client.get("/sfide/nuova")).status).toBe(403);
      await refused(() => client.post("/sfide/nuova", challengeForm()), 403);
    }
    // A leader cannot address everyone, nor another group.
    await refused(() => leader.post("/sfide/nuova", challengeForm()), 403);
    await refused(
      () => otherLeader.post("/sfide/nuova", challengeForm({ audience: h.scenario.groups.logistica!.id })),
      403,
    );
    const mine = await open(leader, { audience: h.scenario.groups.logistica!.id });
    expect(mine.groupId).toBe(h.scenario.groups.logistica!.id);
    const everyone = await open(board);
    expect(everyone.descriptionHtml).toContain("<strong>allo sportello</strong>");
    // Each page says whose challenge it is: the group's, or the Cabina's for everyone.
    const ofGroup = await text(await employee.get(`/sfide/${mine.id}`));
    expect(ofGroup).toContain("Gruppo Logistica");
    expect(ofGroup).toContain(mine.title);
    expect(ofGroup).toContain("Idee proposte (0)");
    const ofBoard = await (await employee.get(`/sfide/${everyone.id}`)).text();
    expect(ofBoard).toContain("Sfida della Cabina di Regia");
    expect(ofBoard).toContain("Che cosa cambieresti <strong>allo sportello</strong>?");
    expect((await employee.get("/sfide/nonesiste00000")).status).toBe(404);
  });

  const cases: [string, Record<string, string>, string][] = [
    ["a challenge closed yesterday", { opensOn: inDays(-10), closesOn: inDays(-1) }, "non può essere passato"],
    ["an opening day in the past", { opensOn: inDays(-1) }, "Il giorno di apertura non può essere passato."],
    [
      "an end before the start",
      { opensOn: inDays(5), closesOn: inDays(3) },
      "La chiusura deve venire dopo l'apertura.",
    ],
    ["more than 180 days open", { closesOn: inDays(200) }, "al massimo 180 giorni"],
    [
      "an opening more than a year ahead",
      { opensOn: inDays(400), closesOn: inDays(410) },
      "Al massimo fra 366 giorni.",
    ],
    ["a day that does not exist", { closesOn: "2027-02-30" }, "Questa data non esiste"],
    ["no question", { title: "  " }, "Questo campo è obbligatorio."],
    ["no description", { description: "" }, "Questo campo è obbligatorio."],
    ["a question over 200 characters", { title: "x".repeat(201) }, "Al massimo 200 caratteri."],
    ["an audience that does not exist", { audience: "gruppo-inventato" }, "Scegli per chi è la sfida"],
    ["a forged figure", { evidenza: "waitMedian.nonesisteaffatto.all" }, "Questo dato non esiste più"],
  ];
  for (const [name, fields, message] of cases)
    it(`refuses ${name} with the field's message`, async () => {
      await refused(() => board.post("/sfide/nuova", challengeForm(fields)), 400, message);
    });
});

describe("a figure as the challenge's ground", () => {
  it("is offered from the campaigns with visits and frozen with the challenge as it stood that day", async () => {
    const { users } = h.scenario;
    const campaign = await seedCampaign(h.server.db, {
      title: "Rilevazione di novembre",
      startsOn: "2026-11-01",
      endsOn: "2026-11-30",
      visits: 40,
      groupId: null,
      createdById: users.board.id,
      recorders: [users.member.id],
    });
    const key = `waitMedian.${campaign.id}.all`;
    const form = await (await board.get("/sfide/nuova")).text();
    expect(form).toContain(`value="${key}"`);
    expect(form).toContain("Attesa mediana — Rilevazione di novembre");
    const challenge = await open(board, { evidenza: key });
    expect(challenge.evidenceFigure).toBe(key);
    const snapshot = JSON.parse(challenge.evidenceSnapshot!) as { n: number; source: string };
    expect(snapshot.n).toBeGreaterThan(0);
    expect(snapshot.n).toBeLessThanOrEqual(40);
    expect(snapshot.source).toContain("Rilevazione di novembre");
    const page = await text(await employee.get(`/sfide/${challenge.id}`));
    expect(page).toContain("Rilevazione di novembre");
  });
});

describe("ideas in answer", () => {
  it("are proposed while the challenge is open, and listed on its page by supports", async () => {
    const challenge = await open(board, { title: "Come sarebbe bello se bastasse una volta?" });
    const form = await (await employee.get(`/idee/nuova?sfida=${challenge.id}`)).text();
    expect(form).toContain("Sfida a cui rispondi");
    expect(form).toMatch(new RegExp(`<option value="${challenge.id}" selected=""`));
    const first = await employee.post(
      "/idee/nuova",
      ideaForm({ title: "Documenti con la prenotazione", challenge: challenge.id }),
    );
    expect(first.status).toBe(302);
    const second = await member.post(
      "/idee/nuova",
      ideaForm({ title: "Un banco di accoglienza", challenge: challenge.id }),
    );
    expect(second.status).toBe(302);
    const ideas = await h.server.db.idea.findMany({ where: { challengeId: challenge.id }, orderBy: { id: "asc" } });
    expect(ideas.map((i) => i.title)).toEqual(["Documenti con la prenotazione", "Un banco di accoglienza"]);
    const { users } = h.scenario;
    await addSupports(h.server.db, ideas[1]!.id, [users.leader.id, users.board.id]);
    const page = await text(await observer.get(`/sfide/${challenge.id}`));
    expect(page).toContain("Idee proposte (2)");
    expect(page.indexOf("Un banco di accoglienza")).toBeLessThan(page.indexOf("Documenti con la prenotazione"));
    // The idea's page says which challenge it answers.
    expect(await (await employee.get(`/idee/${ideas[0]!.id}`)).text()).toContain(`href="/sfide/${challenge.id}"`);
    // An observer reads but does not propose.
    expect(page).not.toContain("Proponi un&#x27;idea per questa sfida");
    expect(await text(await employee.get(`/sfide/${challenge.id}`))).toContain("Proponi un'idea per questa sfida");
  });

  it("are refused for a challenge closed yesterday, not open yet or unknown, nothing written", async () => {
    const { db } = h.server;
    const closed = await open(board);
    await db.challenge.update({ where: { id: closed.id }, data: { opensOn: inDays(-10), closesOn: inDays(-1) } });
    const later = await open(board, { opensOn: inDays(3), closesOn: inDays(10) });
    const title = "Un'idea arrivata tardi";
    await refused(() => employee.post("/idee/nuova", ideaForm({ title, challenge: closed.id })), 400, "si è chiusa il");
    await refused(() => employee.post("/idee/nuova", ideaForm({ title, challenge: later.id })), 400, "si apre il");
    await refused(
      () => employee.post("/idee/nuova", ideaForm({ title, challenge: "nonesiste00000" })),
      400,
      "non esiste",
    );
    // The form comes back with what was typed.
    const back = await (await employee.post("/idee/nuova", ideaForm({ title, challenge: closed.id }))).text();
    expect(back).toContain(`value="${title.replace("'", "&#x27;")}"`);
  });
});

describe("the conclusion", () => {
  it("comes after the closing day, with a shortlist of its own ideas, and tells those who took part", async () => {
    const { db } = h.server;
    const { users, groups } = h.scenario;
    const challenge = await open(board);
    const answer = (title: string, authorId: string) =>
      buildIdea(db, { title, groupId: groups.logistica!.id, authorId }).then((idea) =>
        db.idea.update({ where: { id: idea.id }, data: { challengeId: challenge.id } }),
      );
    const chosen = await answer("La lista dei documenti", users.member.id);
    const other = await answer("Il numero via SMS", users.employee.id);
    await addSupports(db, other.id, [users.otherLeader.id]);
    const elsewhere = await buildIdea(db, {
      title: "Un'idea di un'altra sfida",
      groupId: groups.logistica!.id,
      authorId: null,
    });
    const conclude = (client: Client, shortlist: number[], conclusion = "Portiamo avanti la **lista**.") => {
      const body = new URLSearchParams({ intent: "conclude", conclusion });
      for (const id of shortlist) body.append("shortlist", String(id));
      return client.post(`/sfide/${challenge.id}`, {}, { body });
    };
    // Still open: not yet.
    await refused(() => conclude(board, [chosen.id]), 409, "dopo il suo giorno di chiusura");
    await db.challenge.update({ where: { id: challenge.id }, data: { opensOn: inDays(-20), closesOn: inDays(-1) } });
    // Not by whoever could not open it; not an idea of another challenge; not without a text.
    for (const client of [employee, member, leader, observer]) await refused(() => conclude(client, [chosen.id]), 403);
    await refused(() => conclude(board, [chosen.id, elsewhere.id]), 400, "Scegli solo idee proposte per questa sfida.");
    await refused(
      () => conclude(board, [Number.MAX_SAFE_INTEGER + 2]),
      400,
      "Scegli solo idee proposte per questa sfida.",
    );
    await refused(() => conclude(board, [chosen.id], "   "), 400, "Questo campo è obbligatorio.");
    expect((await conclude(board, [chosen.id])).status).toBe(302);
    const after = await db.challenge.findUniqueOrThrow({ where: { id: challenge.id } });
    expect(after.concludedAt).not.toBeNull();
    expect(after.conclusionHtml).toContain("<strong>lista</strong>");
    expect(
      (await db.idea.findMany({ where: { challengeId: challenge.id, shortlisted: true } })).map((i) => i.id),
    ).toEqual([chosen.id]);
    const page = await text(await employee.get(`/sfide/${challenge.id}`));
    expect(page).toContain("La conclusione della Cabina di Regia");
    expect(page).toContain("Conclusa");
    expect(page).toContain("Idee proposte (2)");
    // The shortlist under the conclusion names the chosen idea alone (the list below has both).
    const chosenList = (html: string) =>
      html.slice(html.indexOf("La conclusione della Cabina di Regia"), html.indexOf("Idee proposte ("));
    expect(chosenList(page)).toContain("La lista dei documenti");
    expect(chosenList(page)).not.toContain("Il numero via SMS");
    expect(await (await member.get(`/idee/${chosen.id}`)).text()).toContain(
      "Scelta dalla Cabina di Regia per la sfida",
    );
    // Published: the Cabina's form to revise it stays folded under the conclusion.
    const revise = await (await board.get(`/sfide/${challenge.id}`)).text();
    expect(revise).toMatch(/<details><summary>Cambia le idee scelte o il testo della conclusione<\/summary>/);
    // The authors and the supporter are told once; the Cabina (who concluded) and others are not.
    const told = async (userId: string) =>
      db.notification.count({ where: { userId, kind: "CHALLENGE", challengeId: challenge.id } });
    expect(await told(users.member.id)).toBe(1);
    expect(await told(users.employee.id)).toBe(1);
    expect(await told(users.otherLeader.id)).toBe(1);
    expect(await told(users.board.id)).toBe(0);
    expect(await told(users.leader.id)).toBe(0);
    // A revision changes the shortlist and tells no one again.
    expect((await conclude(board, [other.id], "Rivista.")).status).toBe(302);
    expect(
      (await db.idea.findMany({ where: { challengeId: challenge.id, shortlisted: true } })).map((i) => i.id),
    ).toEqual([other.id]);
    const revised = await text(await employee.get(`/sfide/${challenge.id}`));
    expect(chosenList(revised)).toContain("Il numero via SMS");
    expect(chosenList(revised)).not.toContain("La lista dei documenti");
    expect(await told(users.member.id)).toBe(1);
    const notices = await text(await member.get("/notifiche"));
    expect(notices).toContain("è conclusa: leggi la conclusione");
  });
});

describe("the home page", () => {
  it("shows the open challenges, not the closed ones nor those still to open", async () => {
    const { db } = h.server;
    const openOne = await open(board, { title: "Come sarebbe bello se la sala fosse luminosa?" });
    const closed = await open(board, { title: "Come sarebbe bello se fosse già chiusa?" });
    await db.challenge.update({ where: { id: closed.id }, data: { opensOn: inDays(-9), closesOn: inDays(-2) } });
    await open(board, { title: "Come sarebbe bello se aprisse domani?", opensOn: inDays(1), closesOn: inDays(9) });
    const home = await text(await employee.get("/"));
    expect(home).toContain("Sfide aperte");
    expect(home).toContain("Come sarebbe bello se la sala fosse luminosa?");
    expect(home).not.toContain("Come sarebbe bello se fosse già chiusa?");
    expect(home).not.toContain("Come sarebbe bello se aprisse domani?");
    expect(openOne.closesOn).toBe(inDays(30));
    const list = await text(await employee.get("/sfide"));
    expect(list).toContain("Come sarebbe bello se aprisse domani?");
    expect(list).toContain("Come sarebbe bello se fosse già chiusa?");
  });
});
