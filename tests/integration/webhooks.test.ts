/**
 * Webhooks (issue 24, decision 0028) with real HTTP receivers on loopback: the administrator makes
 * one on /admin/webhook and gets its secret once; a new idea, a status change and an objective's
 * progress reach it signed (HMAC-SHA256 over "<timestamp>.<body>"), each with its own delivery id;
 * a receiver that answers 500 gets the same delivery again until it takes it, one that hangs
 * delays neither the request nor the other receivers; the log shows it all and «Invia di nuovo»
 * sends the same delivery again.
 */
import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changedTables, dbFingerprint } from "../support/db-state";
import { buildObjective } from "../support/factories";
import { useServer } from "../support/harness";
import { Client, text } from "../support/http";
import { PASSWORD } from "../support/scenario";
import { signedIn } from "../support/sessions";

type Received = { headers: IncomingMessage["headers"]; body: string; at: number };

/** A receiver on loopback that answers as told: 204, 500 (then 204), or never. */
class Receiver {
  received: Received[] = [];
  mode: "ok" | "fail" | "hang" = "ok";
  #server: Server;
  #hanging: ServerResponse[] = [];
  constructor() {
    this.#server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        this.received.push({ headers: request.headers, body, at: Date.now() });
        if (this.mode === "hang") return void this.#hanging.push(response);
        response.writeHead(this.mode === "fail" ? 500 : 204).end();
      });
    });
  }
  async start() {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.#server.address() as { port: number }).port}/hook`;
  }
  async stop() {
    for (const response of this.#hanging) response.destroy();
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(resolve));
  }
  async waitFor(count: number, timeoutMs = 8000) {
    const until = Date.now() + timeoutMs;
    while (this.received.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
    expect(this.received.length).toBeGreaterThanOrEqual(count);
    return this.received;
  }
}

const chat = new Receiver();
const slow = new Receiver();
const urls = { chat: "", slow: "" };
beforeAll(async () => {
  urls.chat = await chat.start();
  urls.slow = await slow.start();
});
afterAll(async () => {
  await chat.stop();
  await slow.stop();
});

const h = useServer({
  env: { WEBHOOK_POLL_MS: "50", WEBHOOK_RETRY_MS: "200", WEBHOOK_TIMEOUT_MS: "1500", LOG_REQUESTS: "true" },
});

/** Until no delivery is waiting or under way (a later check must not see one change). */
async function settled(timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  let open = 1;
  while (Date.now() < until) {
    open = await h.server.db.webhookDelivery.count({ where: { status: { in: ["PENDING", "SENDING"] } } });
    if (open === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(open).toBe(0);
}

function verify(secret: string, received: Received) {
  const header = String(received.headers["pionieri-signature"]);
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  expect(match, header).toBeTruthy();
  const expected = createHmac("sha256", secret).update(`${match![1]}.${received.body}`).digest("hex");
  expect(match![2]).toBe(expected);
  expect(Math.abs(Date.now() / 1000 - Number(match![1]))).toBeLessThan(60);
}

async function makeWebhook(admin: Client, url: string, events: string[]) {
  const body = new URLSearchParams({ intent: "create", url, description: "Chat del Comune" });
  for (const event of events) body.append("events", event);
  const response = await admin.post("/admin/webhook", {}, { body });
  expect(response.status).toBe(200);
  // The page's HTML: the secret is the value of a read-only field.
  const page = await response.text();
  const secret = /value="(whsec_[A-Za-z0-9_-]+)"/.exec(page)?.[1];
  expect(secret).toBeTruthy();
  return secret!;
}

describe("webhooks", () => {
  let admin: Client;
  let secret = "";
  beforeAll(async () => {
    admin = await signedIn(h.server, "admin@test.example");
    secret = await makeWebhook(admin, urls.chat, ["idea.created", "idea.status_changed", "objective.progress_updated"]);
  });

  it("shows the secret once and keeps it out of the page afterwards", async () => {
    const page = await text(await admin.get("/admin/webhook"));
    expect(page).toContain(urls.chat);
    expect(page).not.toContain(secret);
  });

  it("delivers a new idea, a status change and a progress update, signed, each with its own id", async () => {
    const before = chat.received.length;
    const member = new Client(h.server.url);
    await member.login("membro@test.example", PASSWORD);
    const created = await member.post("/idee/nuova", {
      title: "Sportello unico anche il sabato",
      body: "Aprire il sabato mattina.",
      groupId: h.scenario.groups.logistica!.id,
    });
    expect(created.status).toBe(302);
    const ideaId = Number(/\/idee\/(\d+)/.exec(created.headers.get("location") ?? "")![1]);
    const leader = new Client(h.server.url);
    await leader.login("leader.logistica@test.example", PASSWORD);
    expect(
      (await leader.post(`/idee/${ideaId}`, { intent: "status", to: "IN_DISCUSSIONE", reason: "Ne parliamo" })).status,
    ).toBe(302);
    const objective = await buildObjective(h.server.db, {
      groupId: h.scenario.groups.logistica!.id,
      title: "Apertura del sabato",
      startOn: "2026-10-01",
      dueOn: "2027-03-31",
    });
    const progress = await leader.post(`/obiettivi/${objective.id}`, {
      intent: "update",
      date: "2026-12-01",
      progress: "40",
      status: "IN_CORSO",
      note: "Turni definiti",
    });
    expect(progress.status).toBe(302);

    const received = (await chat.waitFor(before + 3)).slice(before);
    type Body = {
      id: string;
      event: string;
      createdAt: string;
      data: { idea: { id: number; url: string }; [key: string]: unknown };
    };
    // Deliveries go out side by side: a receiver orders them by their createdAt, not by arrival.
    received.sort((a, b) =>
      (JSON.parse(a.body) as Body).createdAt.localeCompare((JSON.parse(b.body) as Body).createdAt),
    );
    const bodies = received.map((r) => JSON.parse(r.body) as Body);
    expect(bodies.map((b) => b.event)).toEqual(["idea.created", "idea.status_changed", "objective.progress_updated"]);
    for (const [index, r] of received.entries()) {
      verify(secret, r);
      expect(r.headers["pionieri-event"]).toBe(bodies[index]!.event);
      expect(r.headers["pionieri-delivery"]).toBe(bodies[index]!.id);
      expect(r.headers["content-type"]).toBe("application/json");
    }
    expect(new Set(bodies.map((b) => b.id)).size).toBe(3);
    expect(bodies[0]!.data.idea).toMatchObject({
      id: ideaId,
      title: "Sportello unico anche il sabato",
      group: "logistica",
    });
    expect(bodies[0]!.data.idea.url).toBe(`${h.server.url}/idee/${ideaId}`);
    expect(bodies[1]!.data).toMatchObject({ from: "nuova", to: "in-discussione", reason: "Ne parliamo" });
    expect(bodies[2]!.data).toMatchObject({ progress: 40, status: "IN_CORSO", objective: { id: objective.id } });
    // Nothing personal beyond what the pages show colleagues: no e-mail address.
    expect(received.map((r) => r.body).join()).not.toMatch(/@test\.example/);
    const rows = await h.server.db.webhookDelivery.findMany({ where: { id: { in: bodies.map((b) => b.id) } } });
    expect(rows.every((row) => row.status === "DELIVERED" && row.attempts === 1 && row.lastStatus === 204)).toBe(true);
  });

  it("sends a delivery the receiver refused again, with the same id, until it takes it", async () => {
    chat.mode = "fail";
    const before = chat.received.length;
    const member = await signedIn(h.server, "membro@test.example");
    await member.post("/idee/nuova", {
      title: "Numero unico",
      body: "Un solo numero.",
      groupId: h.scenario.groups.logistica!.id,
    });
    await chat.waitFor(before + 2);
    chat.mode = "ok";
    const received = await chat.waitFor(before + 3);
    const ids = received.slice(before).map((r) => r.headers["pionieri-delivery"]);
    expect(new Set(ids).size).toBe(1);
    // The receiver counts a delivery when it arrives, before its answer reaches the server: the
    // server marks it delivered after that answer.
    await settled();
    const row = await h.server.db.webhookDelivery.findUniqueOrThrow({ where: { id: String(ids[0]) } });
    expect(row.status).toBe("DELIVERED");
    expect(row.attempts).toBeGreaterThanOrEqual(3);
    // The pause grows: the third attempt waited longer than the second.
    const at = received.slice(before).map((r) => r.at);
    expect(at[2]! - at[1]!).toBeGreaterThan(at[1]! - at[0]! - 50);
  });

  it("a receiver that hangs delays neither the request that caused the event nor the other receiver", async () => {
    await makeWebhook(admin, urls.slow, ["idea.created"]);
    slow.mode = "hang";
    const beforeChat = chat.received.length;
    const member = await signedIn(h.server, "membro@test.example");
    const started = Date.now();
    const created = await member.post("/idee/nuova", {
      title: "Orari estivi",
      body: "Orari diversi d'estate.",
      groupId: h.scenario.groups.logistica!.id,
    });
    expect(created.status).toBe(302);
    expect(Date.now() - started).toBeLessThan(1000);
    await chat.waitFor(beforeChat + 1, 1000);
    await slow.waitFor(1);
    // The hanging one times out and is tried again later, recorded as such.
    const until = Date.now() + 5000;
    let row = null;
    while (Date.now() < until) {
      row = await h.server.db.webhookDelivery.findFirst({
        where: { webhook: { url: urls.slow }, lastError: "timeout" },
      });
      if (row) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(row).not.toBeNull();
    expect(["PENDING", "SENDING"]).toContain(row!.status);
    // Answered at last: the next attempt delivers it, and nothing is left under way.
    slow.mode = "ok";
    await settled();
  });

  it("lists the deliveries and sends one again from the page; only the administrator may", async () => {
    const delivered = await h.server.db.webhookDelivery.findFirstOrThrow({
      where: { status: "DELIVERED", webhook: { url: urls.chat } },
    });
    const page = await text(await admin.get("/admin/webhook?stato=DELIVERED"));
    expect(page).toContain("Registro delle consegne");
    expect(page).toContain("Nuova idea");
    for (const who of ["cabina@test.example", "leader.logistica@test.example", "dipendente@test.example"]) {
      const other = await signedIn(h.server, who);
      const before = await dbFingerprint(h.server.db);
      expect((await other.get("/admin/webhook")).status).toBe(403);
      expect((await other.post("/admin/webhook", { intent: "resend", deliveryId: delivered.id })).status).toBe(403);
      expect(changedTables(before, await dbFingerprint(h.server.db))).toEqual([]);
    }
    const before = chat.received.length;
    const resent = await admin.post("/admin/webhook", { intent: "resend", deliveryId: delivered.id });
    expect(resent.status).toBe(302);
    const again = (await chat.waitFor(before + 1)).slice(before);
    expect(again.map((r) => r.headers["pionieri-delivery"])).toEqual([delivered.id]);
    expect(again[0]!.body).toBe(delivered.payload);
  });

  it("refuses a bad address or no event with the field's message and writes nothing", async () => {
    for (const [url, events, message] of [
      ["ftp://chat.comune.example/x", ["idea.created"], "Scrivi un indirizzo http o https completo"],
      ["https://utente:segreto@chat.comune.example/x", ["idea.created"], "Scrivi un indirizzo http o https completo"],
      ["", ["idea.created"], "Questo campo è obbligatorio"],
      ["https://chat.comune.example/x", [], "Scegli almeno un evento"],
      ["https://chat.comune.example/x", ["idea.deleted"], "Scegli almeno un evento"],
    ] as const) {
      const before = await dbFingerprint(h.server.db);
      const body = new URLSearchParams({ intent: "create", url, description: "" });
      for (const event of events) body.append("events", event);
      const response = await admin.post("/admin/webhook", {}, { body });
      expect(response.status).toBe(400);
      expect(await text(response)).toContain(message);
      expect(changedTables(before, await dbFingerprint(h.server.db))).toEqual([]);
    }
  });

  it("stops sending to a paused webhook, and a deleted one takes its log with it", async () => {
    const hook = await h.server.db.webhook.findFirstOrThrow({ where: { url: urls.chat } });
    expect((await admin.post("/admin/webhook", { intent: "disable", webhookId: hook.id })).status).toBe(302);
    const before = await h.server.db.webhookDelivery.count({ where: { webhookId: hook.id } });
    const member = await signedIn(h.server, "membro@test.example");
    await member.post("/idee/nuova", { title: "In pausa", body: "x", groupId: h.scenario.groups.logistica!.id });
    expect(await h.server.db.webhookDelivery.count({ where: { webhookId: hook.id } })).toBe(before);
    const refused = await admin.post("/admin/webhook", { intent: "delete", webhookId: hook.id });
    expect(refused.status).toBe(400);
    const deleted = await admin.post("/admin/webhook", { intent: "delete", webhookId: hook.id, confirm: "1" });
    expect(deleted.status).toBe(302);
    expect(await h.server.db.webhookDelivery.count({ where: { webhookId: hook.id } })).toBe(0);
  });

  it("never writes a secret to the log", async () => {
    const hooks = await h.server.db.webhook.findMany({ select: { secret: true } });
    for (const hook of hooks) expect(h.server.output()).not.toContain(hook.secret);
    expect(h.server.output()).not.toContain(secret);
  });
});
