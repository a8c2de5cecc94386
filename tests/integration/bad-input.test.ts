/**
 * Hostile and broken input over real HTTP against the built server. A request the app must
 * refuse gets a 4xx with a clear Italian message (never a 500) and writes nothing; text that is
 * allowed but dangerous (markup, formulas, links) is shown inert wherever it appears.
 */
import { request as httpRequest } from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { renderMarkdown } from "../../app/lib/markdown.server";
import { changedTables, dbFingerprint } from "../support/db-state";
import { buildIdea, buildInvitation, buildObjective, buildStatusChange } from "../support/factories";
import { useServer } from "../support/harness";
import { Client, text } from "../support/http";
import { signedIn as signedInAs } from "../support/sessions";

const harness = useServer();
let employee: Client;
let leader: Client;
let board: Client;
let admin: Client;
let ideaId: number;
let objectiveId: number;

const signedIn = (email: string) => signedInAs(harness.server, email);

beforeAll(async () => {
  employee = await signedIn("dipendente@test.example");
  leader = await signedIn("leader.logistica@test.example");
  board = await signedIn("cabina@test.example");
  admin = await signedIn("admin@test.example");
  const { db } = harness.server;
  const { users, groups } = harness.scenario;
  ideaId = (
    await buildIdea(db, { title: "Un'idea qualunque", groupId: groups.logistica!.id, authorId: users.employee.id })
  ).id;
  objectiveId = (
    await buildObjective(db, {
      groupId: groups.logistica!.id,
      title: "Obiettivo",
      startOn: "2026-10-01",
      dueOn: "2027-03-31",
    })
  ).id;
});

/** Sends a request that must be refused: 4xx, the Italian message in the page, nothing written. */
async function refused(send: () => Promise<Response>, status: number, message: string | RegExp) {
  const before = await dbFingerprint(harness.server.db);
  const response = await send();
  const body = await text(response);
  expect(response.status).toBe(status);
  if (typeof message === "string") expect(body).toContain(message);
  else expect(body).toMatch(message);
  expect(changedTables(before, await dbFingerprint(harness.server.db))).toEqual([]);
  return body;
}

const NO_SCRIPT = /<script>alert|<img[^>]*onerror|<svg[^>]*onload|<iframe|javascript:alert|href="data:/i;
/** The HTML of a page, without our own inline scripts (Remix's data is JSON-escaped in them). */
async function visibleHtml(client: Client, path: string) {
  const response = await client.get(path);
  expect(response.status).toBe(200);
  return (await response.text()).replace(/<script\b[^>]*nonce[^>]*>[\s\S]*?<\/script>/g, "");
}

describe("markup and links are shown inert wherever they appear", () => {
  const XSS = `<script>alert(1)</script><img src=x onerror=alert(2)><svg onload=alert(3)><iframe src="//x"></iframe>`;

  it("1. an idea's title and body", async () => {
    const response = await employee.post("/idee/nuova", {
      title: `Titolo ${XSS}`.slice(0, 140),
      body: `Corpo ${XSS}`,
      groupId: harness.scenario.groups.logistica!.id,
    });
    expect(response.status).toBe(302);
    const html = await visibleHtml(employee, response.headers.get("location")!);
    expect(html).not.toMatch(NO_SCRIPT);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("2. javascript:, vbscript: and data: links in Markdown are not links", () => {
    const html = renderMarkdown(
      "[a](javascript:alert(1)) [b](vbscript:msgbox) [c](data:text/html;base64,PHNjcmlwdD4=) [d](JAVASCRIPT:alert(1))",
    );
    expect(html).not.toMatch(/href="(javascript|vbscript|data):/i);
    expect(html).toContain("[a](javascript:alert(1))");
  });

  it("3. links that are allowed open safely, also next to stray or escaped brackets", () => {
    expect(renderMarkdown("[sito](https://www.comune.cesena.fc.it)")).toContain('rel="nofollow noopener noreferrer"');
    const html = renderMarkdown("[ciao e [a \\[ b](https://y.it) [x `]` y](https://z.it)");
    expect(html).toContain('<a href="https://y.it" rel="nofollow noopener noreferrer">a [ b</a>');
    expect(html).toContain('<a href="https://z.it" rel="nofollow noopener noreferrer">x <code>]</code> y</a>');
  });

  it("4. a comment", async () => {
    const response = await employee.post(`/idee/${ideaId}`, { intent: "comment", body: XSS });
    expect(response.status).toBe(302);
    const html = await visibleHtml(employee, `/idee/${ideaId}`);
    expect(html).not.toMatch(NO_SCRIPT);
    expect(html).toContain("&lt;iframe");
  });

  it("5. a name and an office, in the header, on the person's page and in a comment's byline", async () => {
    const client = await signedIn("membro@test.example");
    const saved = await client.post("/profilo", {
      intent: "profile",
      displayName: `Marta <img src=x onerror=alert(1)>`,
      office: `"><svg onload=alert(2)>`,
      locale: "it",
    });
    expect([200, 302]).toContain(saved.status);
    await client.post(`/idee/${ideaId}`, { intent: "comment", body: "Firmato" });
    for (const path of ["/persone/membro", `/idee/${ideaId}`, "/profilo"]) {
      const html = await visibleHtml(client, path);
      expect(html).not.toMatch(NO_SCRIPT);
      expect(html).toContain("Marta &lt;img");
    }
  });

  it("6. an objective's progress note", async () => {
    const response = await leader.post(`/obiettivi/${objectiveId}`, {
      intent: "update",
      date: "2026-11-20",
      progress: "20",
      status: "IN_CORSO",
      note: XSS,
    });
    expect(response.status).toBe(302);
    const html = await visibleHtml(leader, `/obiettivi/${objectiveId}`);
    expect(html).not.toMatch(NO_SCRIPT);
  });

  it("7. a decision's reason", async () => {
    const { db } = harness.server;
    const idea = await buildIdea(db, {
      title: "Da valutare",
      groupId: harness.scenario.groups.logistica!.id,
      authorId: harness.scenario.users.employee.id,
    });
    await buildStatusChange(db, {
      ideaId: idea.id,
      from: "NUOVA",
      to: "IN_VALUTAZIONE",
      actorId: harness.scenario.users.leader.id,
    });
    const response = await board.post("/cabina-di-regia", {
      intent: "decide",
      ideaId: String(idea.id),
      to: "ACCOLTA",
      reason: XSS,
    });
    expect(response.status).toBe(302);
    expect(await visibleHtml(employee, `/idee/${idea.id}`)).not.toMatch(NO_SCRIPT);
  });

  it("8. formulas in CSV exports are shown as text (board export and timeline export)", async () => {
    const { db } = harness.server;
    await buildIdea(db, {
      title: `=HYPERLINK("http://evil.example","clic")`,
      groupId: harness.scenario.groups.logistica!.id,
      authorId: harness.scenario.users.employee.id,
    });
    await buildObjective(db, {
      groupId: harness.scenario.groups.logistica!.id,
      title: "+cmd|' /C calc'!A0",
      startOn: "2026-10-01",
      dueOn: "2027-01-31",
    });
    const ideas = await (await board.get("/cabina-di-regia/esporta/idee")).text();
    expect(ideas).toContain(`'=HYPERLINK(`);
    expect(ideas).not.toMatch(/(^|;)=HYPERLINK/m);
    const objectives = await (await employee.get("/crono-programma/obiettivi.csv")).text();
    expect(objectives).toContain("'+cmd|");
    expect(objectives).not.toMatch(/(^|;)\+cmd/m);
  });
});

describe("pathological Markdown renders quickly and inertly", () => {
  const cases: [string, string][] = [
    ["9. 50,000 asterisks", "*".repeat(50_000)],
    ["10. 100,000 open brackets", "[".repeat(100_000)],
    ["10b. 100,000 open brackets and one closing", "[".repeat(100_000) + "](x)"],
    ["11. 10,000 nested quotes", ">".repeat(10_000) + " fondo"],
    ["12. 20,000 nested list markers", "- ".repeat(20_000) + "x"],
    ["13. 30,000 backticks and underscores", "`_".repeat(15_000)],
  ];
  for (const [name, input] of cases) {
    it(`${name}: under 200 ms in the renderer`, () => {
      // The best of three runs: a busy machine slows one run, a super-linear renderer slows all.
      let best = Number.POSITIVE_INFINITY;
      let html = "";
      for (let run = 0; run < 3; run++) {
        const started = performance.now();
        html = renderMarkdown(input);
        best = Math.min(best, performance.now() - started);
      }
      expect(best).toBeLessThan(200);
      expect(html).not.toMatch(/<script/);
    });
  }

  it("14. over HTTP the preview answers with the escaped text (cut at the body's limit), never a 500", async () => {
    for (const body of ["[".repeat(100_000), ">".repeat(10_000), "*".repeat(50_000)]) {
      const response = await employee.post("/idee/anteprima", { body });
      expect(response.status).toBe(200);
      const { html } = (await response.json()) as { html: string };
      expect(html.length).toBeGreaterThan(0);
      expect(html).not.toMatch(/<script/);
    }
  });
});

describe("sizes", () => {
  it("15. a body over 1 MB: 413 with an Italian message, nothing written", async () => {
    await refused(
      () => employee.post(`/idee/${ideaId}`, { intent: "comment", body: "x".repeat(1_100_000) }),
      413,
      "supera il limite di 1 MB",
    );
  });
  it("15a. a file page's body declared past its limit: 413 before it is read, the connection closed", async () => {
    const before = await dbFingerprint(harness.server.db);
    const url = new URL(`${employee.base}/idee/nuova`);
    const answer = await new Promise<{ status: number; connection: string | undefined; page: string }>(
      (resolve, reject) => {
        const req = httpRequest({
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: "POST",
          headers: {
            "Content-Type": "multipart/form-data; boundary=confine",
            "Content-Length": String(250 * 1024 * 1024),
            Cookie: employee.cookieHeader(),
            Origin: employee.base,
          },
        });
        req.on("response", (res) => {
          let page = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (page += chunk));
          res.on("end", () => resolve({ status: res.statusCode!, connection: res.headers.connection, page }));
        });
        req.on("error", reject);
        // Only the start of the 250 MB it announces: the answer must not wait for the rest.
        req.write("--confine\r\n");
      },
    );
    expect(answer.status).toBe(413);
    expect(answer.connection).toBe("close");
    expect(answer.page).toContain("Il file inviato supera il limite di 201 MB.");
    expect(changedTables(before, await dbFingerprint(harness.server.db))).toEqual([]);
  });
  it("15b. an address whose %-escapes do not decode: 400 with an Italian page, not Express's own", async () => {
    const response = await employee.get("/idee/%E0%A4%A");
    expect(response.status).toBe(400);
    const page = await text(response);
    expect(page).toContain("Richiesta non valida");
    expect(page).not.toMatch(/Bad Request|URIError|at /);
  });
  it("16. an idea title over 140 characters", async () => {
    await refused(
      () =>
        employee.post("/idee/nuova", {
          title: "t".repeat(141),
          body: "b",
          groupId: harness.scenario.groups.logistica!.id,
        }),
      400,
      "Al massimo 140 caratteri",
    );
  });
  it("17. a comment over 5,000 characters", async () => {
    await refused(
      () => employee.post(`/idee/${ideaId}`, { intent: "comment", body: "c".repeat(5_001) }),
      400,
      "Al massimo 5000 caratteri",
    );
  });
  it("18. an empty comment", async () => {
    await refused(() => employee.post(`/idee/${ideaId}`, { intent: "comment", body: "   " }), 400, "obbligatorio");
  });
});

describe("malformed ids, dates, numbers and cursors", () => {
  const notFound: [string, string][] = [
    ["19. a word as idea id", "/idee/abc"],
    ["20. a 25-digit idea id", "/idee/9999999999999999999999999"],
    ["21. a negative idea id", "/idee/-1"],
    ["22. a decimal objective id", "/obiettivi/1.5"],
    ["23. an unknown meeting", "/cabina-di-regia/riunioni/non-esiste"],
    ["24. an unknown export", "/cabina-di-regia/esporta/password"],
    ["25. an unknown group", "/gruppi/%3Cscript%3E"],
    ["26. an unknown person", "/persone/..%2F..%2Fetc"],
  ];
  for (const [name, path] of notFound) {
    it(`${name}: 404 with an Italian page`, async () => {
      await refused(() => board.get(path), 404, "non esiste o è stata spostata");
    });
  }

  it("27. a forged list cursor: 400 with a message", async () => {
    await refused(() => employee.get("/idee?cursor=bm90LW91cnM"), 400, "pagina successiva non è valido");
    await refused(() => employee.get(`/idee?cursor=${"A".repeat(300)}`), 400, "pagina successiva non è valido");
  });
  it("28. a malformed date in the activity log filter", async () => {
    await refused(() => board.get("/registro?dal=31/02/2026"), 400, "AAAA-MM-GG");
  });
  it("29. an impossible day in a progress update", async () => {
    await refused(
      () =>
        leader.post(`/obiettivi/${objectiveId}`, {
          intent: "update",
          date: "2026-02-30",
          progress: "10",
          status: "IN_CORSO",
        }),
      400,
      "Questa data non esiste nel calendario",
    );
  });
  it("30. progress 150 %", async () => {
    await refused(
      () =>
        leader.post(`/obiettivi/${objectiveId}`, {
          intent: "update",
          date: "2026-11-20",
          progress: "150",
          status: "IN_CORSO",
        }),
      400,
      "numero intero da 0 a 100",
    );
  });
  it("31. progress that is not a number", async () => {
    await refused(
      () =>
        leader.post(`/obiettivi/${objectiveId}`, {
          intent: "update",
          date: "2026-11-20",
          progress: "molto",
          status: "IN_CORSO",
        }),
      400,
      "numero intero da 0 a 100",
    );
  });
  it("32. an unknown objective status", async () => {
    await refused(
      () =>
        leader.post(`/obiettivi/${objectiveId}`, {
          intent: "update",
          date: "2026-11-20",
          progress: "10",
          status: "FINITO",
        }),
      400,
      "obbligatorio",
    );
  });
  it("33. a phase ending before it starts, with a negative position", async () => {
    await refused(
      () =>
        board.post("/crono-programma/gestione", {
          intent: "createPhase",
          name: "Fase",
          description: "",
          startOn: "2027-05-01",
          endOn: "2027-01-01",
          position: "-1",
        }),
      400,
      "numero intero tra 0 e 999",
    );
  });
  it("34. a malformed comment id", async () => {
    await refused(
      () => leader.post(`/idee/${ideaId}`, { intent: "hideComment", commentId: "1 OR 1=1", reason: "x" }),
      400,
      "Operazione non riconosciuta",
    );
  });
  it("35. an unknown intent", async () => {
    await refused(() => employee.post(`/idee/${ideaId}`, { intent: "dropTables" }), 400, "Operazione non riconosciuta");
  });
  it("36. an invalid e-mail and role in an invitation", async () => {
    await refused(
      () => admin.post("/admin/utenti", { intent: "invite", email: "non-una-email", role: "SUPERUSER" }),
      400,
      "email",
    );
  });
  it("37. an unknown language in the profile", async () => {
    await refused(
      () => employee.post("/profilo", { intent: "profile", displayName: "Dario", office: "", locale: "xx" }),
      400,
      "lingua",
    );
  });
  it("37a. an unknown e-mail choice and digest rhythm in the profile", async () => {
    await refused(
      () => employee.post("/profilo", { intent: "mail", digest: "OGNI_ORA", mail_REPLY: "SEMPRE" }),
      400,
      "obbligatorio",
    );
  });
  it("37b. sending again an e-mail that does not exist", async () => {
    await refused(() => admin.post("/admin/posta", { intent: "resend", mailId: "m-non-esiste" }), 404, "non esiste");
  });
  it("37c. a forged unsubscribe link", async () => {
    await refused(
      () =>
        new Client(harness.server.url).post(
          `/disiscrizione?u=${harness.scenario.users.employee.id}&k=DIGEST&t=${"x".repeat(32)}`,
          { "List-Unsubscribe": "One-Click" },
          { origin: null },
        ),
      400,
      "Questo link per smettere di ricevere e-mail non è valido",
    );
  });
});

describe("extra form fields are ignored (mass assignment)", () => {
  it("38. a new idea cannot choose its author, status, counts or id", async () => {
    const { db } = harness.server;
    const response = await employee.post("/idee/nuova", {
      title: "Idea con campi in più",
      body: "Testo",
      groupId: harness.scenario.groups.logistica!.id,
      authorId: harness.scenario.users.admin.id,
      status: "ACCOLTA",
      supportCount: "999",
      commentCount: "999",
      id: "1",
      role: "ADMIN",
    });
    expect(response.status).toBe(302);
    const idea = await db.idea.findFirstOrThrow({ where: { title: "Idea con campi in più" } });
    expect(idea).toMatchObject({
      authorId: harness.scenario.users.employee.id,
      status: "NUOVA",
      supportCount: 0,
      commentCount: 0,
    });
    expect(idea.id).not.toBe(1);
  });
  it("39. the profile form cannot change the role, the active flag or the e-mail", async () => {
    const { db } = harness.server;
    const response = await employee.post("/profilo", {
      intent: "profile",
      displayName: "Dario Dipendente",
      office: "URP",
      locale: "it",
      role: "ADMIN",
      active: "false",
      email: "capo@test.example",
    });
    expect([200, 302]).toContain(response.status);
    const user = await db.user.findUniqueOrThrow({ where: { id: harness.scenario.users.employee.id } });
    expect(user).toMatchObject({ role: "DIPENDENTE", active: true, email: "dipendente@test.example" });
  });
  it("40. an objective edit cannot move it to another group or set its version", async () => {
    const { db } = harness.server;
    const objective = await db.objective.findUniqueOrThrow({ where: { id: objectiveId } });
    const response = await leader.post(`/obiettivi/${objectiveId}/modifica`, {
      groupId: harness.scenario.groups.informatica!.id,
      title: "Obiettivo rinominato",
      description: "",
      ownerId: "",
      startOn: objective.startOn,
      dueOn: objective.dueOn,
      forecastOn: "",
      status: objective.status,
      progress: String(objective.progress),
      indicatorName: "",
      indicatorUnit: "",
      indicatorBaseline: "",
      indicatorTarget: "",
      indicatorCurrent: "",
      version: String(objective.version),
    });
    expect(response.status).toBe(302);
    const after = await db.objective.findUniqueOrThrow({ where: { id: objectiveId } });
    expect(after.groupId).toBe(harness.scenario.groups.logistica!.id);
    expect(after.title).toBe("Obiettivo rinominato");
  });
});

describe("requests that did not come from our pages", () => {
  it("41. a forged Origin", async () => {
    await refused(
      () =>
        employee.post(
          `/idee/${ideaId}`,
          { intent: "comment", body: "da un altro sito" },
          { origin: "https://evil.example" },
        ),
      403,
      "origine non riconosciuta",
    );
  });
  it("42. no Origin at all", async () => {
    await refused(
      () => employee.post(`/idee/${ideaId}`, { intent: "support" }, { origin: null }),
      403,
      "origine non riconosciuta",
    );
  });
  it("43. a session cookie replayed after logout", async () => {
    const client = await signedIn("membro@test.example");
    const stolen = client.session()!;
    await client.post("/logout", {});
    const replay = new Client(harness.server.url);
    replay.cookies.set("pionieri_session", stolen);
    const before = await dbFingerprint(harness.server.db);
    const response = await replay.post(`/idee/${ideaId}`, { intent: "comment", body: "con un cookie vecchio" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/login/);
    expect(changedTables(before, await dbFingerprint(harness.server.db))).toEqual([]);
  });
  it("44. an expired invitation", async () => {
    const token = await buildInvitation(harness.server.db, {
      email: "scaduto@test.example",
      expiresAt: new Date(Date.now() - 60_000),
    });
    const anonymous = new Client(harness.server.url);
    await refused(
      () =>
        anonymous.post(`/invito/${token}`, {
          displayName: "Scaduto",
          office: "",
          password: "una frase lunga",
          passwordConfirm: "una frase lunga",
        }),
      410,
      "Invito non valido",
    );
  });
  it("45. an invitation used twice", async () => {
    const token = await buildInvitation(harness.server.db, { email: "due.volte@test.example" });
    const first = new Client(harness.server.url);
    const accepted = await first.post(`/invito/${token}`, {
      displayName: "Prima Volta",
      office: "",
      password: "una frase lunga",
      passwordConfirm: "una frase lunga",
    });
    expect(accepted.status).toBe(302);
    const second = new Client(harness.server.url);
    await refused(
      () =>
        second.post(`/invito/${token}`, {
          displayName: "Seconda Volta",
          office: "",
          password: "altra frase lunga",
          passwordConfirm: "altra frase lunga",
        }),
      410,
      "Invito non valido",
    );
  });
  it("46. someone else's calendar address, or a revoked one", async () => {
    const made = await employee.post("/profilo", { intent: "calendar" });
    const token = /\/calendario\/([A-Za-z0-9_-]{20,})\.ics/.exec(await made.text())![1]!;
    const guessed = token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA");
    const anonymous = new Client(harness.server.url);
    await refused(() => anonymous.get(`/calendario/${guessed}.ics`), 404, /non trovat/i);
    await employee.post("/profilo", { intent: "calendarRevoke" });
    await refused(() => anonymous.get(`/calendario/${token}.ics`), 404, /non trovat/i);
  });
  it("47. the board's export asked by a colleague", async () => {
    await refused(
      () => employee.get("/cabina-di-regia/esporta/partecipazione"),
      403,
      "Non hai i permessi per fare questa operazione",
    );
  });
});
