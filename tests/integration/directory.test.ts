/**
 * Sign-in with the municipality's directory against a real OpenLDAP server on loopback (Debian's
 * slapd, STARTTLS with a CA made for the run): by username and by e-mail, wrong and empty
 * passwords, an ambiguous name, disabled and removed people (at sign-in and at the check),
 * roles by group, LDAP injection, the directory down or hung, the rule for local accounts,
 * throttling, and what the administrator and the person see.
 */
import { Attribute, Change, Client as LdapClient } from "ldapts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useServer } from "../support/harness";
import { Client, text } from "../support/http";
import { dnOf, GROUPS, useDirectory, type DirectoryPerson } from "../support/ldap";
import { PASSWORD } from "../support/scenario";
import { startServer, type TestServer } from "../support/server";
import { signedIn } from "../support/sessions";

const person = (user: string, given: string, surname: string, extra: Partial<DirectoryPerson> = {}) => ({
  user,
  givenName: given,
  surname,
  email: `${user}@comune.example`,
  password: `password-di-${user}-42`,
  office: "Anagrafe",
  ...extra,
});

const mario = person("mrossi", "Mario", "Rossi", { office: "Servizi demografici" });
const lucia = person("lbianchi", "Lucia", "Bianchi", { groups: ["cabina"] });
const aldo = person("aferri", "Aldo", "Ferri", { groups: ["admin"] });
const gina = person("gverdi", "Gina", "Verdi", { disabled: true });
const franco = person("fcolombo", "Franco", "Colombo");
const tina = person("tneri", "Tina", "Neri");
const rita = person("rgalli", "Rita", "Galli", { groups: ["cabina"] });
const nicco = person("nfabbri", "Niccolò", "Fabbri", { account: "niccolò.fabbri", office: "Società partecipate" });
const twinA = person("doppio1", "Primo", "Doppio", { email: "condiviso@comune.example" });
const twinB = person("doppio2", "Secondo", "Doppio", { email: "condiviso@comune.example" });
// The same address as a local account of the scenario, with another password.
const dario = person("ddipendente", "Dario", "Dipendente", { email: "dipendente@test.example" });
const nuova = person("nnuova", "Nora", "Nuova");
const throttled = person("tlento", "Teo", "Lento");

const directory = useDirectory([
  mario,
  lucia,
  aldo,
  gina,
  franco,
  tina,
  rita,
  nicco,
  twinA,
  twinB,
  dario,
  nuova,
  throttled,
]);
const h = useServer({ env: () => directory.env() });

const signIn = (identifier: string, password: string, client = new Client(h.server.url)) =>
  client.post("/login", { email: identifier, password });
const account = (email: string) =>
  h.server.db.user.findUnique({
    where: { email },
    select: {
      id: true,
      displayName: true,
      office: true,
      role: true,
      active: true,
      passwordHash: true,
      directoryDn: true,
    },
  });
const audits = (kind: string, subjectId?: string) =>
  h.server.db.auditEvent.findMany({ where: { kind, ...(subjectId ? { subjectId } : {}) } });

let admin: Client;
beforeAll(async () => {
  admin = await signedIn(h.server, "admin@test.example");
});

describe("signing in with the directory", () => {
  it("by username: the first sign-in makes the account from the directory, with no password here", async () => {
    const client = new Client(h.server.url);
    const response = await signIn("mrossi", mario.password, client);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
    const made = await account(mario.email);
    expect(made).toMatchObject({
      displayName: "Mario Rossi",
      office: "Servizi demografici",
      role: "DIPENDENTE",
      active: true,
      passwordHash: null,
      directoryDn: dnOf(mario),
    });
    expect(await audits("user.directory.create", made!.id)).toHaveLength(1);
    const home = await client.get("/");
    expect(home.status).toBe(200);
    expect(await text(home)).toContain("Mario Rossi");
  });

  it("by e-mail, in any case; the group mapped to the Cabina di Regia gives the role", async () => {
    expect((await signIn("LBianchi@Comune.Example", lucia.password)).status).toBe(302);
    expect(await account(lucia.email)).toMatchObject({ role: "CABINA", displayName: "Lucia Bianchi" });
    expect((await signIn("aferri", aldo.password)).status).toBe(302);
    expect((await account(aldo.email))!.role).toBe("ADMIN");
  });

  it("a username with accents signs in (non-ASCII escaped byte by byte, RFC 4515)", async () => {
    expect((await signIn("niccolò.fabbri", nicco.password)).status).toBe(302);
    expect(await account(nicco.email)).toMatchObject({ displayName: "Niccolò Fabbri", office: "Società partecipate" });
  });

  it("later sign-ins refresh name and office from the directory, and make no second account", async () => {
    await directory.change((client) =>
      client.modify(dnOf(mario), [
        new Change({ operation: "replace", modification: new Attribute({ type: "department", values: ["URP"] }) }),
        new Change({ operation: "replace", modification: new Attribute({ type: "sn", values: ["Rossi Bassi"] }) }),
      ]),
    );
    expect((await signIn(mario.email, mario.password)).status).toBe(302);
    expect(await account(mario.email)).toMatchObject({ displayName: "Mario Rossi Bassi", office: "URP" });
    expect(await h.server.db.user.count({ where: { directoryDn: dnOf(mario) } })).toBe(1);
  });

  it("a wrong password is refused with the usual message and makes nothing", async () => {
    const before = await h.server.db.user.count();
    const response = await signIn("tneri", "non-la-sua-password");
    expect(response.status).toBe(401);
    expect(await text(response)).toContain("Email o password non corrette.");
    expect(await h.server.db.user.count()).toBe(before);
  });

  it("an empty password never signs in, although this server accepts an unauthenticated bind", async () => {
    // The server's own answer: a DN with an empty password binds (anonymously).
    const raw = new LdapClient({ url: directory.url });
    await expect(raw.bind(dnOf(tina), "")).resolves.toBeUndefined();
    await raw.unbind();
    const before = await h.server.db.user.count();
    const response = await signIn("tneri", "");
    expect(response.status).toBe(400);
    expect(response.headers.get("set-cookie") ?? "").not.toContain("pionieri_session=");
    expect(await h.server.db.user.count()).toBe(before);
  });

  it("a name that two entries answer to signs nobody in", async () => {
    expect((await signIn("condiviso@comune.example", twinA.password)).status).toBe(401);
    expect(await account("condiviso@comune.example")).toBeNull();
  });

  it("a person the directory has disabled cannot sign in and gets no account", async () => {
    expect((await signIn("gverdi", gina.password)).status).toBe(401);
    expect(await account(gina.email)).toBeNull();
  });

  it.each([
    ["a wildcard", "mross*"],
    ["a lone wildcard", "*"],
    ["a closing parenthesis that adds a clause", "mrossi)(sAMAccountName=*"],
    ["an OR smuggled in", "*)(|(objectClass=*"],
    ["a backslash escape of a wildcard", "mross\\2a"],
    ["a trailing backslash", "mrossi\\"],
    ["a NUL", "mross\u0000*"],
    ["non-ASCII close to the name", "mróssi"],
  ])("injection: %s (%j) cannot widen the search", async (_label, identifier) => {
    const sessions = await h.server.db.session.count();
    const users = await h.server.db.user.count();
    const response = await signIn(identifier, mario.password);
    expect(response.status).toBe(401);
    expect(response.headers.get("set-cookie") ?? "").not.toContain("pionieri_session=");
    expect(await h.server.db.session.count()).toBe(sessions);
    expect(await h.server.db.user.count()).toBe(users);
  });
});

describe("accounts follow the directory", () => {
  it("a person disabled in the directory loses access at the next sign-in, sessions ended", async () => {
    const session = new Client(h.server.url);
    expect((await signIn("fcolombo", franco.password, session)).status).toBe(302);
    expect((await session.get("/")).status).toBe(200);
    await directory.disable(franco);
    expect((await signIn("fcolombo", franco.password)).status).toBe(401);
    const gone = await account(franco.email);
    expect(gone!.active).toBe(false);
    expect((await session.get("/")).status).toBe(302);
    const [entry] = await audits("user.directory.deactivate", gone!.id);
    expect(JSON.parse(entry!.data)).toEqual({ cause: "disabled" });
  });

  it("the check switches off whoever left the directory, follows the groups, and says what it did", async () => {
    const session = new Client(h.server.url);
    expect((await signIn("tneri", tina.password, session)).status).toBe(302);
    expect((await signIn("rgalli", rita.password)).status).toBe(302);
    expect((await account(rita.email))!.role).toBe("CABINA");
    await directory.remove(tina);
    await directory.change((client) =>
      client.modify(
        GROUPS.cabina,
        new Change({ operation: "delete", modification: new Attribute({ type: "member", values: [dnOf(rita)] }) }),
      ),
    );
    const response = await admin.post("/admin/utenti", { intent: "directoryCheck" });
    expect(response.status).toBe(302);
    expect((await account(tina.email))!.active).toBe(false);
    expect((await session.get("/")).status).toBe(302);
    const rossi = await account(rita.email);
    expect(rossi!.role).toBe("DIPENDENTE");
    expect(await audits("user.directory.role", rossi!.id)).toHaveLength(1);
    const page = await text(await admin.get("/admin/utenti"));
    expect(page).toContain("Directory del Comune");
    expect(page).toContain("tneri@comune.example: non è più nella directory");
    expect(page).toMatch(/Ultimo controllo: [^<]+, \d+ account controllati, 1 disattivati, 1 ruoli aggiornati\./);
    // Mario, still there, stays on.
    expect((await account(mario.email))!.active).toBe(true);
  });

  it("the audit log tells each of these in a sentence", async () => {
    const page = await text(await admin.get("/registro?tipo=user"));
    expect(page).toContain("Al primo accesso dalla directory è stato creato l'account di");
    expect(page).toContain("è stato disattivato: non è più nella directory");
    expect(page).toContain("è stato disattivato: è disattivato nella directory");
    expect(page).toContain("La directory ha cambiato il ruolo di Rita Galli da « Cabina di Regia » a « Dipendente »");
    expect(page).not.toContain("missing");
  });

  it("only the administrator may run the check", async () => {
    const employee = await signedIn(h.server, "dipendente@test.example");
    const before = await h.server.db.setting.findUnique({ where: { key: "directory-check" } });
    expect((await employee.post("/admin/utenti", { intent: "directoryCheck" })).status).toBe(403);
    expect(await h.server.db.setting.findUnique({ where: { key: "directory-check" } })).toEqual(before);
  });
});

describe("local accounts beside the directory", () => {
  it("an account with its own password here is never taken over by a directory entry with its e-mail", async () => {
    const before = await account("dipendente@test.example");
    const byName = await signIn("ddipendente", dario.password);
    expect(byName.status).toBe(401);
    expect(await text(byName)).toContain("Questo indirizzo ha un account Pionieri con una password propria");
    expect((await signIn("dipendente@test.example", dario.password)).status).toBe(401);
    expect((await signIn("dipendente@test.example", PASSWORD)).status).toBe(302);
    expect(await account("dipendente@test.example")).toEqual(before);
  });

  it("an invitation waiting for a directory person is used up at their first sign-in", async () => {
    expect(
      (await admin.post("/admin/utenti", { intent: "invite", email: nuova.email, role: "DIPENDENTE" })).status,
    ).toBe(200);
    expect((await signIn("nnuova", nuova.password)).status).toBe(302);
    const invitation = await h.server.db.invitation.findFirstOrThrow({ where: { email: nuova.email } });
    expect(invitation.usedAt).not.toBeNull();
  });

  it("directory accounts get no access link here and see where their password is changed", async () => {
    const made = await account(mario.email);
    const refused = await admin.post("/admin/utenti", { intent: "reset", userId: made!.id });
    expect(refused.status).toBe(409);
    expect(await h.server.db.invitation.count({ where: { userId: made!.id } })).toBe(0);
    const list = await (await admin.get(`/admin/utenti?q=${encodeURIComponent(mario.email)}`)).text();
    expect(list).toContain('<span class="pionieri-badge">Directory</span>');
    expect(list).not.toContain("Nuovo link di accesso");
    const profile = await text(await (await signedIn(h.server, mario.email)).get("/profilo"));
    expect(profile).toContain("la password si cambia lì");
    expect(profile).not.toContain('name="currentPassword"');
  });

  it("the login page asks for the username or the work e-mail", async () => {
    const page = await (await new Client(h.server.url).get("/login")).text();
    expect(page).toContain("Nome utente o email");
    expect(page).toMatch(/<input[^>]*name="email"[^>]*type="text"|<input[^>]*type="text"[^>]*name="email"/);
  });

  it("failed directory sign-ins meet the same throttle as local ones", async () => {
    const client = new Client(h.server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await signIn("tlento", `sbagliata-${i}`, client)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    // Even the right password waits now, and nothing is made.
    const right = await signIn("tlento", throttled.password, client);
    expect(right.status).toBe(429);
    expect(right.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await account(throttled.email)).toBeNull();
  });
});

describe("the directory down", () => {
  it("hung (accepts, never answers): a clear message after the timeout; local accounts sign in", async () => {
    directory.pause();
    try {
      const started = Date.now();
      const [down, local] = await Promise.all([
        signIn("mrossi", mario.password),
        signIn("admin@test.example", PASSWORD),
      ]);
      expect(down.status).toBe(503);
      expect(await text(down)).toContain("La directory del Comune non risponde");
      // LDAP_TIMEOUT_MS is 2 s here: the answer comes after one timeout, not never.
      expect(Date.now() - started).toBeLessThan(8_000);
      expect(local.status).toBe(302);
    } finally {
      directory.resume();
    }
  });

  it("stopped (connections refused): the same message at once; the check switches nobody off", async () => {
    await directory.stop();
    try {
      const down = await signIn("mrossi", mario.password);
      expect(down.status).toBe(503);
      const activeBefore = await h.server.db.user.count({ where: { active: true } });
      expect((await admin.post("/admin/utenti", { intent: "directoryCheck" })).status).toBe(302);
      expect(await h.server.db.user.count({ where: { active: true } })).toBe(activeBefore);
      expect(await text(await admin.get("/admin/utenti"))).toContain("L'ultimo controllo non è riuscito");
    } finally {
      await directory.start();
    }
    expect((await signIn("mrossi", mario.password)).status).toBe(302);
  });
});

describe("TLS", () => {
  let other: TestServer | null = null;
  afterAll(async () => {
    await other?.stop();
  });

  it("ldaps:// with the municipality's CA signs in; without that CA the certificate is refused", async () => {
    other = await startServer(directory.env({ LDAP_URL: directory.ldapsUrl }));
    expect((await signIn("mrossi", mario.password, new Client(other.url))).status).toBe(302);
    await other.stop();
    other = await startServer(directory.env({ LDAP_CA_FILE: "" }));
    const refused = await signIn("mrossi", mario.password, new Client(other.url));
    expect(refused.status).toBe(503);
    expect(other.output()).toMatch(/Directory non raggiungibile/);
  });
});
