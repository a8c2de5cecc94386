import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, text } from "../support/http";
import { PASSWORD, seedScenario, type Scenario } from "../support/scenario";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
let scenario: Scenario;

beforeAll(async () => {
  // Behind a trusted proxy, so that tests can speak from several addresses (X-Forwarded-For).
  server = await startServer({ TRUST_PROXY: "true" });
  scenario = await seedScenario(server.db);
});
afterAll(() => server?.stop());

const client = () => new Client(server.url);

describe("login", () => {
  it("logs in with email and password, with a fresh database session and a safe cookie", async () => {
    const browser = client();
    const response = await browser.post("/login", { email: "Dipendente@Test.example", password: PASSWORD });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("pionieri_session="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const stored = await server.db.session.findUnique({ where: { id: browser.session()! } });
    expect(stored?.userId).toBe(scenario.users.employee.id);
    const home = await browser.get("/");
    expect(home.status).toBe(200);
    expect(await text(home)).toContain("Dario Dipendente");
  });

  it("gives every login a new session id, and ends the one the browser had", async () => {
    const browser = client();
    await browser.login("dipendente@test.example", PASSWORD);
    const first = browser.session()!;
    await browser.login("dipendente@test.example", PASSWORD);
    const second = browser.session()!;
    expect(second).not.toBe(first);
    expect(await server.db.session.findUnique({ where: { id: first } })).toBeNull();
  });

  it("answers a wrong password with a generic message, 401, and keeps the email typed", async () => {
    const response = await client().post("/login", { email: "dipendente@test.example", password: "sbagliata-davvero" });
    expect(response.status).toBe(401);
    const html = await response.text();
    expect(html).toContain("Email o password non corrette.");
    expect(html).toContain('value="dipendente@test.example"');
    expect(html).not.toContain("sbagliata-davvero");
  });

  it("answers an unknown email exactly as a wrong password, in comparable time", async () => {
    const strip = (html: string) =>
      html.replace(/nonce="[^"]*"|nonce-[A-Za-z0-9+/=]+/g, "").replace(/[a-z0-9.]+@test\.example/g, "EMAIL");
    const timings = { wrong: [] as number[], unknown: [] as number[] };
    const bodies: Record<string, string> = {};
    for (let round = 0; round < 3; round++) {
      for (const kind of ["wrong", "unknown"] as const) {
        const email = kind === "wrong" ? "membro@test.example" : `nessuno${round}@test.example`;
        const started = performance.now();
        const response = await client().post("/login", { email, password: "non-e-la-password" });
        timings[kind].push(performance.now() - started);
        expect(response.status).toBe(401);
        bodies[kind] = strip(await response.text());
      }
    }
    expect(bodies.unknown).toBe(bodies.wrong);
    const median = (values: number[]) => values.sort((a, b) => a - b)[1]!;
    // Without the decoy verification an unknown email answers about 20 times faster.
    const ratio = median(timings.unknown) / median(timings.wrong);
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(2.5);
  });

  it("answers something that is not an e-mail like a wrong password (401), saying nothing of which exist", async () => {
    const response = await client().post("/login", { email: "non-una-email", password: PASSWORD });
    expect(response.status).toBe(401);
    expect(await text(response)).toContain("Email o password non corrette");
  });

  it("throttles failures on one account from one address (429, Retry-After), not its owner elsewhere", async () => {
    const attacker = client();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await attacker.post(
        "/login",
        { email: "cabina@test.example", password: `tentativo-${i}-sbagliato` },
        { headers: { "X-Forwarded-For": "10.9.9.9" } },
      );
      statuses.push(response.status);
      if (response.status === 429) {
        expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
        expect(await text(response)).toContain("Troppi tentativi non riusciti");
      }
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    // Even the right password waits on this account and address: the throttle answers first.
    const blocked = await attacker.post(
      "/login",
      { email: "cabina@test.example", password: PASSWORD },
      { headers: { "X-Forwarded-For": "10.9.9.9" } },
    );
    expect(blocked.status).toBe(429);
    expect(await server.db.session.count({ where: { userId: scenario.users.board.id } })).toBe(0);
    // No hard lock-out: the real person, at their own desk, still gets in.
    const owner = await client().post(
      "/login",
      { email: "cabina@test.example", password: PASSWORD },
      { headers: { "X-Forwarded-For": "10.1.1.1" } },
    );
    expect(owner.status).toBe(302);
  });
});

describe("sessions", () => {
  it("logout by POST ends the session in the database; the old cookie no longer opens pages", async () => {
    const browser = client();
    await browser.login("membro@test.example", PASSWORD);
    const cookie = browser.session()!;
    const logout = await browser.post("/logout", {});
    expect(logout.status).toBe(302);
    expect(logout.headers.get("location")).toBe("/login");
    expect(await server.db.session.findUnique({ where: { id: cookie } })).toBeNull();
    const replay = new Client(server.url);
    replay.cookies.set("pionieri_session", cookie);
    const page = await replay.get("/gruppi");
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toBe("/login?redirectTo=%2Fgruppi");
  });

  it("expires after 8 idle hours", async () => {
    const browser = client();
    await browser.login("membro@test.example", PASSWORD);
    await server.db.session.update({
      where: { id: browser.session()! },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const page = await browser.get("/gruppi");
    expect(page.status).toBe(302);
    expect(await server.db.session.count({ where: { id: browser.session() ?? "none" } })).toBe(0);
  });

  it("slides the idle deadline forward on activity, up to 8 hours from now", async () => {
    const browser = client();
    await browser.login("membro@test.example", PASSWORD);
    const id = browser.session()!;
    await server.db.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() + 60 * 60 * 1000) } });
    expect((await browser.get("/gruppi")).status).toBe(200);
    const { expiresAt } = await server.db.session.findUniqueOrThrow({ where: { id } });
    const hours = (expiresAt.getTime() - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);
  });

  it("ends after 30 days whatever the activity", async () => {
    const browser = client();
    await browser.login("membro@test.example", PASSWORD);
    await server.db.session.update({
      where: { id: browser.session()! },
      data: { createdAt: new Date(Date.now() - 30 * 86400_000 - 1000), expiresAt: new Date(Date.now() + 3600_000) },
    });
    expect((await browser.get("/gruppi")).status).toBe(302);
  });
});

describe("redirects to and after login", () => {
  it.each(["/gruppi", "/gruppi/logistica", "/profilo", "/admin/utenti", "/admin/gruppi"])(
    "sends an anonymous visitor of %s to the login page and back after it",
    async (path) => {
      const browser = client();
      const page = await browser.get(path);
      expect(page.status).toBe(302);
      const location = page.headers.get("location")!;
      expect(location).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
      const login = await browser.post(location, { email: "admin@test.example", password: PASSWORD, redirectTo: path });
      expect(login.headers.get("location")).toBe(path);
    },
  );

  it("ignores a redirectTo pointing to another site", async () => {
    for (const target of ["https://evil.example/", "//evil.example", "/\\evil.example"]) {
      const login = await client().post("/login", {
        email: "dipendente@test.example",
        password: PASSWORD,
        redirectTo: target,
      });
      expect(login.status).toBe(302);
      expect(login.headers.get("location")).toBe("/");
    }
  });
});

describe("CSRF: Origin check before anything runs", () => {
  it.each([
    ["missing", null],
    ["foreign", "https://evil.example"],
    ["a look-alike", "http://127.0.0.1.evil.example"],
  ])("refuses a POST with a %s Origin with 403, and writes nothing", async (_label, origin) => {
    const browser = client();
    await browser.login("dipendente@test.example", PASSWORD);
    const before = await server.db.membership.count();
    const join = await browser.post("/gruppi/prodotti", { intent: "join" }, { origin });
    expect(join.status).toBe(403);
    expect(await join.text()).toContain("origine non riconosciuta");
    expect(await server.db.membership.count()).toBe(before);

    const sessions = await server.db.session.count();
    const login = await client().post("/login", { email: "dipendente@test.example", password: PASSWORD }, { origin });
    expect(login.status).toBe(403);
    expect(await server.db.session.count()).toBe(sessions);

    const logout = await browser.post("/logout", {}, { origin });
    expect(logout.status).toBe(403);
    expect(await server.db.session.findUnique({ where: { id: browser.session()! } })).not.toBeNull();
  });
});

describe("pages and errors", () => {
  it("shows a 404 page inside the layout for an unknown address and an unknown group", async () => {
    const browser = client();
    await browser.login("dipendente@test.example", PASSWORD);
    for (const path of ["/non-esiste", "/gruppi/non-esiste"]) {
      const page = await browser.get(path);
      expect(page.status).toBe(404);
      const body = await text(page);
      expect(body).toContain("Pagina non trovata");
      expect(body).toContain("Comune di Cesena · Pionieri");
    }
  });

  it("publishes the accessibility statement without login, with a feedback link", async () => {
    const page = await client().get("/accessibilita");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Dichiarazione di accessibilità");
    expect(html).toMatch(/href="mailto:[^"]+"/);
  });

  it("sends security headers and serves fingerprinted files for a year", async () => {
    const page = await client().get("/login");
    expect(page.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    const css = /href="(\/build\/_assets\/main-[A-Z0-9]+\.css)"/.exec(await page.text())![1]!;
    const asset = await client().get(css);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toContain("immutable");
  });
});
