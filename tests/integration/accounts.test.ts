import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildInvitation } from "../support/factories";
import { Client, text } from "../support/http";
import { PASSWORD, seedScenario, type Scenario } from "../support/scenario";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
let scenario: Scenario;
let admin: Client;

beforeAll(async () => {
  server = await startServer();
  scenario = await seedScenario(server.db);
  admin = new Client(server.url);
  await admin.login("admin@test.example", PASSWORD);
});
afterAll(() => server?.stop());

const tokenFrom = (html: string) => /\/invito\/([A-Za-z0-9_-]{20,})/.exec(html)![1]!;
const NEW_PASSWORD = "la mia frase segreta";

/** What the database holds about people: any refused write must leave it as it was. */
async function snapshot() {
  const [users, invitations, sessions, memberships] = await Promise.all([
    server.db.user.findMany({
      orderBy: { id: "asc" },
      select: { id: true, email: true, role: true, active: true, displayName: true, passwordHash: true },
    }),
    server.db.invitation.findMany({ orderBy: { id: "asc" }, select: { id: true, usedAt: true, expiresAt: true } }),
    server.db.session.count(),
    server.db.membership.findMany({ orderBy: { id: "asc" }, select: { id: true, isLeader: true } }),
  ]);
  return { users, invitations, sessions, memberships };
}

describe("invitations", () => {
  it("admin invites → the colleague sets name, office and password → is logged in; the link works once", async () => {
    const page = await admin.post("/admin/utenti", {
      intent: "invite",
      email: "Nuova.Collega@Test.example",
      role: "DIPENDENTE",
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Invito creato per nuova.collega@test.example");
    const token = tokenFrom(html);
    const stored = await server.db.invitation.findFirstOrThrow({ where: { email: "nuova.collega@test.example" } });
    expect(stored.tokenHash).not.toContain(token);
    expect((stored.expiresAt.getTime() - Date.now()) / 86400_000).toBeCloseTo(7, 1);

    const colleague = new Client(server.url);
    const form = await colleague.get(`/invito/${token}`);
    expect(form.status).toBe(200);
    expect(await text(form)).toContain("Completa il tuo account");
    const accepted = await colleague.post(`/invito/${token}`, {
      displayName: "Nora Nuova",
      office: "Anagrafe",
      password: NEW_PASSWORD,
      passwordConfirm: NEW_PASSWORD,
    });
    expect(accepted.status).toBe(302);
    expect(colleague.session()).toBeTruthy();
    const home = await colleague.get("/");
    expect(await text(home)).toContain("Nora Nuova");
    const user = await server.db.user.findUniqueOrThrow({ where: { email: "nuova.collega@test.example" } });
    expect(user).toMatchObject({ displayName: "Nora Nuova", office: "Anagrafe", role: "DIPENDENTE", active: true });
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    const before = await snapshot();
    const reused = await new Client(server.url).post(`/invito/${token}`, {
      displayName: "Intruso",
      office: "",
      password: "un'altra password lunga",
      passwordConfirm: "un'altra password lunga",
    });
    expect(reused.status).toBe(410);
    expect(await text(reused)).toContain("Questo invito non è valido");
    expect(await snapshot()).toEqual(before);
    expect((await new Client(server.url).get(`/invito/${token}`)).status).toBe(404);
  });

  it("refuses an expired invitation and writes nothing", async () => {
    const token = await buildInvitation(server.db, {
      email: "scaduto@test.example",
      expiresAt: new Date(Date.now() - 1000),
    });
    expect((await new Client(server.url).get(`/invito/${token}`)).status).toBe(404);
    const before = await snapshot();
    const response = await new Client(server.url).post(`/invito/${token}`, {
      displayName: "Sara Scaduta",
      office: "",
      password: NEW_PASSWORD,
      passwordConfirm: NEW_PASSWORD,
    });
    expect(response.status).toBe(410);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ["a 10,000-character name", { displayName: "N".repeat(10_000) }, "Al massimo 80 caratteri."],
    ["an empty name", { displayName: "   " }, "Questo campo è obbligatorio."],
    ["a short password", { password: "corta", passwordConfirm: "corta" }, "almeno 10 caratteri"],
    ["a common password", { password: "password123", passwordConfirm: "password123" }, "tra le più usate"],
    ["two different passwords", { passwordConfirm: "un'altra cosa ancora" }, "Le due password non coincidono."],
  ])(
    "answers %s with a field message, 400, keeping the typed name and writing nothing",
    async (_label, override, message) => {
      const token = await buildInvitation(server.db, {
        email: `prova${Math.random().toString(36).slice(2)}@test.example`,
      });
      const before = await snapshot();
      const fields = {
        displayName: "Pia Prova",
        office: "Tributi",
        password: NEW_PASSWORD,
        passwordConfirm: NEW_PASSWORD,
        ...override,
      };
      const response = await new Client(server.url).post(`/invito/${token}`, fields);
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain(message);
      expect(html).toContain('aria-invalid="true"');
      expect(html).toContain('value="Tributi"');
      expect(html).not.toContain(NEW_PASSWORD);
      expect(await snapshot()).toEqual(before);
    },
  );

  it.each([
    ["a malformed email", { email: "non-una-email", role: "DIPENDENTE" }, "indirizzo email valido", 400],
    ["an unknown role", { email: "ok@test.example", role: "SUPERUSER" }, "Scegli un ruolo", 400],
    ["an existing account", { email: "DIPENDENTE@test.example", role: "DIPENDENTE" }, "Esiste già un account", 409],
  ])("refuses to invite with %s", async (_label, fields, message, status) => {
    const before = await snapshot();
    const response = await admin.post("/admin/utenti", { intent: "invite", ...fields });
    expect(response.status).toBe(status);
    expect(await text(response)).toContain(message);
    expect(await snapshot()).toEqual(before);
  });

  it("resends access as a password reset: the old password and sessions stop working", async () => {
    const member = new Client(server.url);
    await member.login("membro@test.example", PASSWORD);
    const page = await admin.post("/admin/utenti", { intent: "reset", userId: scenario.users.member.id });
    const token = tokenFrom(await page.text());
    const reset = new Client(server.url);
    expect(await text(await reset.get(`/invito/${token}`))).toContain("Imposta una nuova password");
    const done = await reset.post(`/invito/${token}`, {
      displayName: "Marta Membro",
      office: "URP",
      password: NEW_PASSWORD,
      passwordConfirm: NEW_PASSWORD,
    });
    expect(done.status).toBe(302);
    expect((await member.get("/gruppi")).status).toBe(302);
    expect(
      (await new Client(server.url).post("/login", { email: "membro@test.example", password: PASSWORD })).status,
    ).toBe(401);
    await new Client(server.url).login("membro@test.example", NEW_PASSWORD);
  });
});

describe("the admin's user management", () => {
  it("deactivation ends the person's sessions at once; reactivation lets them in again", async () => {
    const employee = new Client(server.url);
    await employee.login("dipendente@test.example", PASSWORD);
    expect((await employee.get("/gruppi")).status).toBe(200);
    // Without the ticked confirmation nothing happens.
    const before = await snapshot();
    const unconfirmed = await admin.post("/admin/utenti", { intent: "deactivate", userId: scenario.users.employee.id });
    expect(unconfirmed.status).toBe(400);
    expect(await text(unconfirmed)).toContain("Spunta la conferma per procedere.");
    expect(await snapshot()).toEqual(before);
    const response = await admin.post("/admin/utenti", {
      intent: "deactivate",
      userId: scenario.users.employee.id,
      confirm: "1",
    });
    expect(response.status).toBe(302);
    expect(await server.db.session.count({ where: { userId: scenario.users.employee.id } })).toBe(0);
    const after = await employee.get("/gruppi");
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toContain("/login");
    expect(
      (await new Client(server.url).post("/login", { email: "dipendente@test.example", password: PASSWORD })).status,
    ).toBe(401);
    await admin.post("/admin/utenti", { intent: "reactivate", userId: scenario.users.employee.id });
    await new Client(server.url).login("dipendente@test.example", PASSWORD);
  });

  it("changes a role and names a leader, and records both in the audit log", async () => {
    await admin.post("/admin/utenti", { intent: "role", userId: scenario.users.observer.id, role: "DIPENDENTE" });
    expect((await server.db.user.findUniqueOrThrow({ where: { id: scenario.users.observer.id } })).role).toBe(
      "DIPENDENTE",
    );
    await admin.post("/admin/utenti", { intent: "role", userId: scenario.users.observer.id, role: "OSSERVATORE" });

    await admin.post("/admin/utenti", {
      intent: "leader",
      userId: scenario.users.employee.id,
      groupId: scenario.groups.prodotti!.id,
    });
    const membership = await server.db.membership.findUniqueOrThrow({
      where: { userId_groupId: { userId: scenario.users.employee.id, groupId: scenario.groups.prodotti!.id } },
    });
    expect(membership.isLeader).toBe(true);
    await admin.post("/admin/utenti", {
      intent: "unleader",
      userId: scenario.users.employee.id,
      groupId: scenario.groups.prodotti!.id,
    });
    expect((await server.db.membership.findUniqueOrThrow({ where: { id: membership.id } })).isLeader).toBe(false);
    const kinds = (await server.db.auditEvent.findMany({ where: { actorId: scenario.users.admin.id } })).map(
      (e) => e.kind,
    );
    expect(kinds).toEqual(expect.arrayContaining(["user.role", "group.leader.add", "group.leader.remove"]));
  });

  it("a role change or a new leader takes effect on the person's very next request", async () => {
    const board = new Client(server.url);
    await board.login("cabina@test.example", PASSWORD);
    expect((await board.get("/crono-programma/gestione")).status).toBe(200);
    await admin.post("/admin/utenti", { intent: "role", userId: scenario.users.board.id, role: "DIPENDENTE" });
    expect((await board.get("/crono-programma/gestione")).status).toBe(403);
    await admin.post("/admin/utenti", { intent: "role", userId: scenario.users.board.id, role: "CABINA" });
    expect((await board.get("/crono-programma/gestione")).status).toBe(200);

    const employee = new Client(server.url);
    await employee.login("dipendente@test.example", PASSWORD);
    expect((await employee.get("/obiettivi/nuovo?gruppo=prodotti")).status).toBe(403);
    await admin.post("/admin/utenti", {
      intent: "leader",
      userId: scenario.users.employee.id,
      groupId: scenario.groups.prodotti!.id,
    });
    expect((await employee.get("/obiettivi/nuovo?gruppo=prodotti")).status).toBe(200);
    await admin.post("/admin/utenti", {
      intent: "unleader",
      userId: scenario.users.employee.id,
      groupId: scenario.groups.prodotti!.id,
    });
    expect((await employee.get("/obiettivi/nuovo?gruppo=prodotti")).status).toBe(403);
  });

  it("does not let the admin demote or deactivate themselves", async () => {
    const before = await snapshot();
    expect(
      (await admin.post("/admin/utenti", { intent: "role", userId: scenario.users.admin.id, role: "DIPENDENTE" }))
        .status,
    ).toBe(403);
    expect(
      (await admin.post("/admin/utenti", { intent: "deactivate", userId: scenario.users.admin.id, confirm: "1" }))
        .status,
    ).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it("searches and filters the list", async () => {
    await admin.get("/admin/utenti"); // shows (and so clears) the message of the previous action
    const byName = await text(await admin.get("/admin/utenti?q=osserv"));
    expect(byName).toContain("Olga Osservatrice");
    expect(byName).not.toContain("Dario Dipendente");
    const byRole = await text(await admin.get("/admin/utenti?ruolo=CABINA"));
    expect(byRole).toContain("Bruno Cabina");
    expect(byRole).toContain("1 utente trovato");
    const inactive = await text(await admin.get("/admin/utenti?stato=inactive"));
    expect(inactive).toContain("Ivan Inattivo");
    expect(inactive).not.toContain("Bruno Cabina");
    const byGroup = await text(await admin.get(`/admin/utenti?gruppo=${scenario.groups.informatica!.id}`));
    expect(byGroup).toContain("Ivo Informatica");
    expect(byGroup).not.toContain("Lia Logistica");
  });

  it("edits a group's name, description, colour and order; refuses a bad colour with nothing written", async () => {
    const group = scenario.groups.comunicazione!;
    // The lists' filters keep the groups while nothing changes: a new name shows at once.
    const option = `<option value="${group.slug}">`;
    expect(await (await admin.get("/idee")).text()).toContain(`${option}Comunicazione</option>`);
    const stored = await server.db.workingGroup.findUniqueOrThrow({ where: { id: group.id } });
    const renamed = await admin.post("/admin/gruppi", {
      groupId: group.id,
      name: "Comunicazione e ascolto",
      description: stored.description,
      colour: stored.colour,
      position: String(stored.position),
    });
    expect(renamed.status).toBe(302);
    expect(await (await admin.get("/idee")).text()).toContain(`${option}Comunicazione e ascolto</option>`);
    const ok = await admin.post("/admin/gruppi", {
      groupId: group.id,
      name: "Comunicazione",
      description: "Nuova descrizione",
      colour: "#123456",
      position: "5",
    });
    expect(ok.status).toBe(302);
    expect(await server.db.workingGroup.findUniqueOrThrow({ where: { id: group.id } })).toMatchObject({
      description: "Nuova descrizione",
      colour: "#123456",
      position: 5,
    });
    const before = await server.db.workingGroup.findUniqueOrThrow({ where: { id: group.id } });
    const bad = await admin.post("/admin/gruppi", {
      groupId: group.id,
      name: "",
      description: "x",
      colour: "rosso",
      position: "abc",
    });
    expect(bad.status).toBe(400);
    const body = await text(bad);
    expect(body).toContain("Indica un colore nel formato #rrggbb.");
    expect(body).toContain("Questo campo è obbligatorio.");
    expect(await server.db.workingGroup.findUniqueOrThrow({ where: { id: group.id } })).toEqual(before);
  });
});

describe("who may use the admin pages", () => {
  const writes: [string, Record<string, string>][] = [
    ["/admin/utenti", { intent: "invite", email: "x@test.example", role: "ADMIN" }],
    ["/admin/utenti", { intent: "role", userId: "", role: "ADMIN" }],
    ["/admin/utenti", { intent: "deactivate", userId: "" }],
    ["/admin/utenti", { intent: "reset", userId: "" }],
    ["/admin/utenti", { intent: "leader", userId: "", groupId: "" }],
    ["/admin/gruppi", { groupId: "", name: "X", description: "X", colour: "#000000", position: "1" }],
  ];

  it.each([
    "dipendente@test.example",
    "cabina@test.example",
    "leader.logistica@test.example",
    "osservatore@test.example",
  ])("%s gets 403 on every admin page and action, and nothing changes", async (email) => {
    const someone = new Client(server.url);
    await someone.login(email, PASSWORD);
    for (const path of ["/admin/utenti", "/admin/gruppi"]) {
      const page = await someone.get(path);
      expect(page.status).toBe(403);
      expect(await text(page)).toContain("Accesso non consentito");
    }
    const before = await snapshot();
    for (const [path, fields] of writes) {
      const target = { ...fields };
      if ("userId" in target) target.userId = scenario.users.member.id;
      if ("groupId" in target) target.groupId = scenario.groups.logistica!.id;
      const response = await someone.post(path, target);
      expect(response.status, `${email} ${path} ${fields.intent}`).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("profile", () => {
  it("changes the password: other sessions end, this one stays", async () => {
    const here = new Client(server.url);
    const elsewhere = new Client(server.url);
    await here.login("leader.informatica@test.example", PASSWORD);
    await elsewhere.login("leader.informatica@test.example", PASSWORD);
    const wrong = await here.post("/profilo", {
      intent: "password",
      currentPassword: "non-e-lei-davvero",
      password: NEW_PASSWORD,
      passwordConfirm: NEW_PASSWORD,
    });
    expect(wrong.status).toBe(400);
    expect(await text(wrong)).toContain("La password attuale non è corretta.");
    const changed = await here.post("/profilo", {
      intent: "password",
      currentPassword: PASSWORD,
      password: NEW_PASSWORD,
      passwordConfirm: NEW_PASSWORD,
    });
    expect(changed.status).toBe(302);
    expect((await here.get("/profilo")).status).toBe(200);
    expect((await elsewhere.get("/profilo")).status).toBe(302);
    await new Client(server.url).login("leader.informatica@test.example", NEW_PASSWORD);
  });

  it("switches the interface to English, and refuses an unknown language", async () => {
    const browser = new Client(server.url);
    await browser.login("leader.logistica@test.example", PASSWORD);
    const bad = await browser.post("/profilo", {
      intent: "profile",
      displayName: "Lia Logistica",
      office: "URP",
      locale: "fr",
    });
    expect(bad.status).toBe(400);
    await browser.post("/profilo", {
      intent: "profile",
      displayName: "Lia Logistica",
      office: "Patrimonio",
      locale: "en",
    });
    const page = await browser.get("/gruppi");
    const html = await page.text();
    expect(html).toContain('<html lang="en"');
    expect(html).toContain("Working groups");
    await browser.post("/profilo", { intent: "profile", displayName: "Lia Logistica", office: "URP", locale: "it" });
  });

  it("refuses a 10,000-character name, keeping the rest of the form", async () => {
    const browser = new Client(server.url);
    await browser.login("leader.logistica@test.example", PASSWORD);
    const before = await server.db.user.findUniqueOrThrow({ where: { email: "leader.logistica@test.example" } });
    const response = await browser.post("/profilo", {
      intent: "profile",
      displayName: "L".repeat(10_000),
      office: "Ufficio Tecnico",
      locale: "it",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('value="Ufficio Tecnico"');
    expect(await server.db.user.findUniqueOrThrow({ where: { email: "leader.logistica@test.example" } })).toEqual(
      before,
    );
  });
});

describe("personal data (GDPR art. 15)", () => {
  it("downloads one's own data as JSON, and only one's own", async () => {
    const browser = new Client(server.url);
    await browser.login("leader.logistica@test.example", PASSWORD);
    const response = await browser.get("/profilo/dati");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("attachment");
    const data = await response.json();
    expect(data.profile).toMatchObject({ email: "leader.logistica@test.example", displayName: "Lia Logistica" });
    expect(data.profile.memberships).toEqual([
      expect.objectContaining({ isLeader: true, group: { name: "Logistica" } }),
    ]);
    expect(JSON.stringify(data)).not.toContain("passwordHash");
    expect(JSON.stringify(data)).not.toContain("dipendente@test.example");
    expect((await new Client(server.url).get("/profilo/dati")).status).toBe(302);
  });
});
