/**
 * Staff polls (issue 23) against the built server and its SQLite file: who asks and who votes,
 * with refused writes changing nothing; every kind of bad input with the field's Italian message;
 * one ballot per colleague, changeable and withdrawable until the end, exact when sent at once;
 * results only as totals, when the author chose, never under five voters; and no trace of who
 * chose what, in the ballots, the pages or the audit log.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { changedTables, dbFingerprint } from "../support/db-state";
import { buildUser } from "../support/factories";
import { useServer } from "../support/harness";
import { Client, text } from "../support/http";
import { signedIn } from "../support/sessions";
import { inDays } from "../support/days";

const h = useServer();
const as = (email: string) => signedIn(h.server, email);

function pollForm(fields: Record<string, string>, options: string[]) {
  const body = new URLSearchParams({
    question: "Quale giorno per la riunione plenaria?",
    description: "",
    multiple: "0",
    showResults: "AFTER_VOTE",
    endsOn: inDays(7),
    audience: "tutti",
    ...fields,
  });
  for (const option of options) body.append("option", option);
  return body;
}

async function create(client: Client, fields: Record<string, string>, options = ["Martedì", "Giovedì"]) {
  return client.post("/sondaggi/nuovo", {}, { body: pollForm(fields, options) });
}

async function newPoll(
  client: Client,
  fields: Record<string, string> = {},
  options = ["Martedì", "Giovedì", "Venerdì"],
) {
  const question = `${fields.question ?? "Sondaggio"} ${Math.random().toString(36).slice(2, 8)}`;
  const response = await create(client, { ...fields, question }, options);
  expect(response.status).toBe(302);
  const poll = await h.server.db.poll.findFirstOrThrow({
    where: { question },
    include: { options: { orderBy: { position: "asc" } } },
  });
  expect(response.headers.get("location")).toBe(`/sondaggi/${poll.id}`);
  return poll;
}

const castVote = (client: Client, pollId: string, optionIds: string[], intent = "vote") => {
  const body = new URLSearchParams({ intent });
  for (const id of optionIds) body.append("option", id);
  return client.post(`/sondaggi/${pollId}`, {}, { body });
};

/** The options a page's ballot shows as chosen. */
const checkedOptions = (html: string) =>
  (html.match(/<input[^>]*name="option"[^>]*>/g) ?? [])
    .filter((input) => / checked=""/.test(input))
    .map((input) => /value="([^"]+)"/.exec(input)![1]);

/** The same write refused: the status, the message, and no table changed. */
async function refused(send: () => Promise<Response>, status: number, message?: string) {
  const before = await dbFingerprint(h.server.db);
  const response = await send();
  expect(response.status).toBe(status);
  if (message) expect(await text(response)).toContain(message);
  expect(changedTables(before, await dbFingerprint(h.server.db))).toEqual([]);
}

let board: Client;
let leader: Client;

beforeAll(async () => {
  board = await as("cabina@test.example");
  leader = await as("leader.logistica@test.example");
});

describe("asking", () => {
  it("the Cabina asks everyone; a leader asks their group; the options keep their order", async () => {
    const everyone = await newPoll(board, { question: "Newsletter interna" }, ["Ogni settimana", "Ogni mese", "Mai"]);
    expect(everyone.groupId).toBeNull();
    expect(everyone.options.map((o) => o.label)).toEqual(["Ogni settimana", "Ogni mese", "Mai"]);
    expect(everyone.createdById).toBe(h.scenario.users.board.id);
    // The last day to vote, to its midnight in Rome.
    expect(everyone.endsAt.toISOString()).toMatch(/T2[12]:59:59/);
    const group = await newPoll(leader, {
      question: "Riunione di Logistica",
      audience: h.scenario.groups.logistica!.id,
    });
    expect(group.groupId).toBe(h.scenario.groups.logistica!.id);
    const page = await text(await leader.get(`/sondaggi/${group.id}`));
    expect(page).toContain("Sondaggio pubblicato.");
    expect(page).toContain("Gruppo Logistica");
  });

  it("a leader cannot ask everyone or another group; colleagues and observers cannot ask at all", async () => {
    await refused(() => create(leader, { audience: "tutti" }), 403);
    await refused(() => create(leader, { audience: h.scenario.groups.informatica!.id }), 403);
    for (const email of [
      "dipendente@test.example",
      "membro@test.example",
      "osservatore@test.example",
      "admin@test.example",
    ]) {
      const client = await as(email);
      expect((await client.get("/sondaggi/nuovo")).status).toBe(403);
      await refused(() => create(client, {}), 403);
    }
  });

  it.each([
    [
      "eleven options",
      {},
      Array.from({ length: 11 }, (_, i) => `Risposta ${i + 1}`),
      "Al massimo 10 risposte possibili.",
    ],
    ["one option", {}, ["Solo questa"], "Scrivi almeno 2 risposte possibili."],
    ["options left empty", {}, ["", "  ", "Una"], "Scrivi almeno 2 risposte possibili."],
    ["the same option twice", {}, ["Sì", "sì"], "Due risposte sono uguali"],
    ["an option too long", {}, ["x".repeat(121), "Breve"], "al massimo 120 caratteri"],
    ["no question", { question: "" }, ["Sì", "No"], "Questo campo è obbligatorio."],
    ["an end in the past", { endsOn: inDays(-1) }, ["Sì", "No"], "non può essere già passato"],
    ["an end too far", { endsOn: inDays(400) }, ["Sì", "No"], "al massimo 366 giorni"],
    ["a day that does not exist", { endsOn: "2027-02-30" }, ["Sì", "No"], "Questa data non esiste nel calendario."],
    ["a date written otherwise", { endsOn: "31/12/2027" }, ["Sì", "No"], "Scrivi la data come AAAA-MM-GG"],
    ["an unknown choice count", { multiple: "3" }, ["Sì", "No"], "Questo campo è obbligatorio."],
    ["an unknown results rule", { showResults: "SEMPRE" }, ["Sì", "No"], "Questo campo è obbligatorio."],
  ])(
    "%s: 400 with the field's message, nothing written, the options kept",
    async (_label, fields, options, message) => {
      const before = await dbFingerprint(h.server.db);
      const response = await create(board, fields, options);
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html.replace(/<[^>]+>/g, " ")).toContain(message);
      for (const option of options.filter((o) => o.trim() && o.length < 100))
        expect(html).toContain(`value="${option}"`);
      expect(changedTables(before, await dbFingerprint(h.server.db))).toEqual([]);
    },
  );

  it("an audience that is no group: 400", async () => {
    await refused(() => create(board, { audience: "nessun-gruppo" }), 400, "Scegli chi può votare dall'elenco.");
  });
});

describe("voting", () => {
  it("one ballot per colleague: cast, changed, withdrawn; the page remembers the choice", async () => {
    const poll = await newPoll(board);
    const voter = await as("dipendente@test.example");
    const [first, second] = poll.options;
    let response = await castVote(voter, poll.id, [first!.id]);
    expect(response.status).toBe(302);
    let page = await voter.get(`/sondaggi/${poll.id}`);
    let html = await page.text();
    expect(html).toContain("Voto registrato");
    expect(checkedOptions(html)).toEqual([first!.id]);
    // The page names who asked, and offers the options in their order.
    const author = await h.server.db.user.findUniqueOrThrow({ where: { id: poll.createdById! } });
    expect(html.replace(/<[^>]+>/g, " ")).toContain(`Proposto da ${author.displayName}`);
    const offered = [...html.matchAll(/name="option"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="option"/g)];
    expect(offered.map((m) => m[1] ?? m[2])).toEqual(poll.options.map((option) => option.id));
    expect((await voter.get("/sondaggi/nonesiste0000")).status).toBe(404);
    response = await castVote(voter, poll.id, [second!.id]);
    expect(response.status).toBe(302);
    expect(await h.server.db.pollBallot.count({ where: { pollId: poll.id } })).toBe(1);
    const choices = await h.server.db.pollChoice.findMany({ where: { option: { pollId: poll.id } } });
    expect(choices.map((c) => c.optionId)).toEqual([second!.id]);
    response = await castVote(voter, poll.id, [], "withdraw");
    expect(response.status).toBe(302);
    expect(await h.server.db.pollBallot.count({ where: { pollId: poll.id } })).toBe(0);
    page = await voter.get(`/sondaggi/${poll.id}`);
    html = await page.text();
    expect(html).toContain("Il tuo voto è stato ritirato.");
  });

  it("a multiple-choice ballot takes several options", async () => {
    const poll = await newPoll(board, { multiple: "1" });
    const voter = await as("membro@test.example");
    expect((await castVote(voter, poll.id, [poll.options[0]!.id, poll.options[2]!.id])).status).toBe(302);
    const choices = await h.server.db.pollChoice.findMany({ where: { option: { pollId: poll.id } } });
    expect(choices.map((c) => c.optionId).sort()).toEqual([poll.options[0]!.id, poll.options[2]!.id].sort());
  });

  it("bad ballots: the reason, a 4xx, nothing written", async () => {
    const poll = await newPoll(board);
    const other = await newPoll(board);
    const voter = await as("dipendente@test.example");
    await refused(() => castVote(voter, poll.id, []), 400, "Scegli almeno una risposta.");
    await refused(
      () => castVote(voter, poll.id, [poll.options[0]!.id, poll.options[1]!.id]),
      400,
      "si sceglie una sola risposta",
    );
    await refused(() => castVote(voter, poll.id, [other.options[0]!.id]), 400, "non appartiene a questo sondaggio");
    await refused(() => castVote(voter, poll.id, ["forged-option-id"]), 400, "non appartiene a questo sondaggio");
    await refused(() => voter.post(`/sondaggi/${poll.id}`, { intent: "cancella" }), 400);
    await refused(() => voter.post("/sondaggi/nonesiste0000", { intent: "vote", option: "x" }), 404);
  });

  it("a closed poll takes no vote and no withdrawal: 409", async () => {
    const poll = await newPoll(board);
    const voter = await as("dipendente@test.example");
    expect((await castVote(voter, poll.id, [poll.options[0]!.id])).status).toBe(302);
    await h.server.db.poll.update({ where: { id: poll.id }, data: { endsAt: new Date(Date.now() - 1000) } });
    await refused(() => castVote(voter, poll.id, [poll.options[1]!.id]), 409, "Il sondaggio è chiuso");
    await refused(() => castVote(voter, poll.id, [], "withdraw"), 409, "Il sondaggio è chiuso");
  });

  it("a group's poll is for its members; observers read and never vote", async () => {
    const poll = await newPoll(leader, { audience: h.scenario.groups.logistica!.id });
    for (const email of ["dipendente@test.example", "leader.informatica@test.example", "cabina@test.example"]) {
      const client = await as(email);
      await refused(() => castVote(client, poll.id, [poll.options[0]!.id]), 403);
      expect(await text(await client.get(`/sondaggi/${poll.id}`))).toContain("Votano i membri del gruppo Logistica");
    }
    const observer = await as("osservatore@test.example");
    const everyone = await newPoll(board);
    await refused(() => castVote(observer, everyone.id, [everyone.options[0]!.id]), 403);
    expect(await text(await observer.get(`/sondaggi/${everyone.id}`))).toContain("non votare");
    expect((await castVote(await as("membro@test.example"), poll.id, [poll.options[0]!.id])).status).toBe(302);
  });

  it("exact when sent at once: 30 colleagues and one who sends 10 ballots together", async () => {
    const poll = await newPoll(board);
    const voters = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const user = await buildUser(h.server.db, { email: `votante${i}@test.example`, displayName: `Votante ${i}` });
        return as(user.email);
      }),
    );
    const hasty = voters[0]!;
    const responses = await Promise.all([
      ...voters.map((client, i) => castVote(client, poll.id, [poll.options[i % 3]!.id])),
      ...Array.from({ length: 10 }, (_, i) => castVote(hasty, poll.id, [poll.options[(i + 1) % 3]!.id])),
    ]);
    expect(responses.map((r) => r.status).every((s) => s === 302)).toBe(true);
    expect(await h.server.db.pollBallot.count({ where: { pollId: poll.id } })).toBe(30);
    const choices = await h.server.db.pollChoice.count({ where: { option: { pollId: poll.id } } });
    expect(choices).toBe(30);
  });
});

describe("results: totals only, when the author chose, never under five voters", () => {
  it("shown after one's vote, withheld under five voters, exact from five", async () => {
    const poll = await newPoll(board, { showResults: "AFTER_VOTE" });
    const people = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const user = await buildUser(h.server.db, {
          email: `risultati${i}@test.example`,
          displayName: `Rita Risultati ${i}`,
        });
        return as(user.email);
      }),
    );
    expect(await text(await people[0]!.get(`/sondaggi/${poll.id}`))).toContain(
      "I risultati si vedono dopo aver votato.",
    );
    expect((await castVote(people[0]!, poll.id, [poll.options[0]!.id])).status).toBe(302);
    expect(await text(await people[0]!.get(`/sondaggi/${poll.id}`))).toContain("Hanno votato meno di 5 persone");
    for (const [i, client] of people.slice(1, 5).entries())
      expect((await castVote(client, poll.id, [poll.options[i < 3 ? 0 : 1]!.id])).status).toBe(302);
    const html = await text(await people[0]!.get(`/sondaggi/${poll.id}`));
    expect(html).toContain("Hanno votato 5 persone.");
    // Martedì 4 of 5 (80 %), Giovedì 1 (20 %), Venerdì 0.
    expect(html).toMatch(/Martedì\s+4\s+80%/);
    expect(html).toMatch(/Giovedì\s+1\s+20%/);
    expect(html).toMatch(/Venerdì\s+0\s+0%/);
    // The sixth, who has not voted, sees no counts yet.
    const sixth = await text(await people[5]!.get(`/sondaggi/${poll.id}`));
    expect(sixth).toContain("I risultati si vedono dopo aver votato.");
    expect(sixth).not.toMatch(/Martedì\s+4/);
  });

  it("shown to no one before the end when the author chose so, to everyone after", async () => {
    const poll = await newPoll(board, { showResults: "AFTER_END" });
    const people = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => {
        const user = await buildUser(h.server.db, { email: `fine${i}@test.example`, displayName: `Fausto Fine ${i}` });
        return as(user.email);
      }),
    );
    for (const client of people) expect((await castVote(client, poll.id, [poll.options[2]!.id])).status).toBe(302);
    for (const client of [people[0]!, board, await as("admin@test.example")])
      expect(await text(await client.get(`/sondaggi/${poll.id}`))).toContain("I risultati si vedranno alla chiusura.");
    await h.server.db.poll.update({ where: { id: poll.id }, data: { endsAt: new Date(Date.now() - 1000) } });
    const observer = await text(await (await as("osservatore@test.example")).get(`/sondaggi/${poll.id}`));
    expect(observer).toMatch(/Venerdì\s+5\s+100%/);
    expect(observer).toContain("Sondaggio chiuso il");
  });

  it("nothing says who chose what: no person on a ballot, no name on the page, nothing in the audit log", async () => {
    const poll = await newPoll(board);
    const user = await buildUser(h.server.db, { email: "segreto@test.example", displayName: "Serena Segreta" });
    const client = await as(user.email);
    const auditBefore = await h.server.db.auditEvent.count();
    expect((await castVote(client, poll.id, [poll.options[1]!.id])).status).toBe(302);
    expect(await h.server.db.auditEvent.count()).toBe(auditBefore);
    const ballots = await h.server.db.$queryRawUnsafe<Record<string, unknown>[]>(
      `SELECT * FROM PollBallot WHERE pollId = ?`,
      poll.id,
    );
    expect(ballots).toHaveLength(1);
    expect(Object.keys(ballots[0]!).sort()).toEqual(["id", "pollId", "voterKey"]);
    expect(JSON.stringify(ballots)).not.toContain(user.id);
    expect(JSON.stringify(ballots)).not.toContain(user.email);
    // Another poll, another key: ballots cannot be matched across polls.
    const other = await newPoll(board);
    expect((await castVote(client, other.id, [other.options[0]!.id])).status).toBe(302);
    const keys = await h.server.db.pollBallot.findMany({ where: { pollId: { in: [poll.id, other.id] } } });
    expect(new Set(keys.map((k) => k.voterKey)).size).toBe(2);
    for (const viewer of [board, await as("admin@test.example")]) {
      const html = await text(await viewer.get(`/sondaggi/${poll.id}`));
      expect(html).not.toContain("Serena Segreta");
    }
    expect(await text(await (await as("admin@test.example")).get("/registro"))).not.toContain(poll.id);
  });
});

describe("the list", () => {
  it("open polls soonest first with one's own state; closed ones apart", async () => {
    const soon = await newPoll(board, { question: "Chiude presto", endsOn: inDays(1) });
    const later = await newPoll(board, { question: "Chiude più tardi", endsOn: inDays(5) });
    const ended = await newPoll(board, { question: "Già chiuso" });
    await h.server.db.poll.update({ where: { id: ended.id }, data: { endsAt: new Date(Date.now() - 1000) } });
    const voter = await as("membro@test.example");
    expect((await castVote(voter, soon.id, [soon.options[0]!.id])).status).toBe(302);
    const html = await text(await voter.get("/sondaggi"));
    const openPart = html.slice(html.indexOf("Aperti"), html.indexOf("Conclusi"));
    expect(openPart).toContain(soon.question);
    expect(openPart).toContain("Hai votato");
    expect(openPart).not.toContain(ended.question);
    expect(openPart.indexOf(soon.question)).toBeLessThan(openPart.indexOf(later.question));
    // Each row counts its own voters: one for the poll just voted, none for the other.
    const markup = await (await voter.get("/sondaggi")).text();
    const cells = (question: string) => {
      const row = markup.slice(markup.lastIndexOf("<tr", markup.indexOf(question)));
      return [...row.slice(0, row.indexOf("</tr>")).matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) =>
        cell[1]!.replace(/<[^>]+>/g, "").trim(),
      );
    };
    expect(cells(soon.question)).toContain("1");
    expect(cells(later.question)).toContain("0");
    expect(cells(later.question)).not.toContain("1");
    expect(html.slice(html.indexOf("Conclusi"))).toContain(ended.question);
    expect(await text(await new Client(h.server.url).get("/sondaggi"))).not.toContain(soon.question);
  });

  it("a member of Logistica sees the group's poll to vote; others see it is for the group", async () => {
    const poll = await newPoll(leader, { question: "Solo per Logistica", audience: h.scenario.groups.logistica!.id });
    const member = await text(await (await as("membro@test.example")).get("/sondaggi"));
    const row = member.slice(member.indexOf(poll.question), member.indexOf(poll.question) + 200);
    expect(row).toContain("Da votare");
    const outsider = await text(await (await as("dipendente@test.example")).get("/sondaggi"));
    expect(outsider.slice(outsider.indexOf(poll.question), outsider.indexOf(poll.question) + 200)).toContain(
      "Per i membri del gruppo",
    );
  });
});
