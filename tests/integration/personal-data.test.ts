/**
 * Personal data: the admin's anonymisation (content stays, signed "ex collaboratore") and logs
 * that never hold passwords, tokens or session ids.
 */
import { describe, expect, it } from "vitest";
import { changedTables, dbFingerprint } from "../support/db-state";
import { buildComment, buildIdea, buildInvitation } from "../support/factories";
import { useServer } from "../support/harness";
import { startServer } from "../support/server";
import { Client, text } from "../support/http";
import { PASSWORD, seedScenario } from "../support/scenario";

const harness = useServer({ env: { LOG_REQUESTS: "true" } });

describe("anonymising an account", () => {
  it("keeps the content, signed «ex collaboratore», and removes the person", async () => {
    const { server, scenario } = harness;
    const { users, groups } = scenario;
    const idea = await buildIdea(server.db, {
      title: "Un'idea che resta",
      groupId: groups.logistica!.id,
      authorId: users.member.id,
    });
    await buildComment(server.db, { ideaId: idea.id, authorId: users.member.id, body: "Un commento che resta" });
    const member = new Client(server.url);
    await member.login("membro@test.example", PASSWORD);
    await member.post("/profilo", { intent: "calendar" });

    const admin = new Client(server.url);
    await admin.login("admin@test.example", PASSWORD);
    // Without the confirmation nothing happens.
    const before = await dbFingerprint(server.db);
    const unconfirmed = await admin.post("/admin/utenti", { intent: "anonymise", userId: users.member.id });
    expect(unconfirmed.status).toBe(400);
    expect(await text(unconfirmed)).toContain("Spunta la conferma per procedere.");
    expect(changedTables(before, await dbFingerprint(server.db))).toEqual([]);
    // A colleague cannot do it.
    const employee = new Client(server.url);
    await employee.login("dipendente@test.example", PASSWORD);
    const refused = await employee.post("/admin/utenti", {
      intent: "anonymise",
      userId: users.member.id,
      confirm: "1",
    });
    expect(refused.status).toBe(403);
    expect(changedTables(before, await dbFingerprint(server.db))).toEqual([]);

    const done = await admin.post("/admin/utenti", { intent: "anonymise", userId: users.member.id, confirm: "1" });
    expect(done.status).toBe(302);
    const row = await server.db.user.findUniqueOrThrow({ where: { id: users.member.id } });
    expect(row).toMatchObject({ displayName: "ex collaboratore", office: "", passwordHash: null, active: false });
    expect(row.email).not.toContain("membro");
    expect(await server.db.session.count({ where: { userId: users.member.id } })).toBe(0);
    expect(await server.db.membership.count({ where: { userId: users.member.id } })).toBe(0);
    expect(await server.db.calendarToken.count({ where: { userId: users.member.id } })).toBe(0);
    expect(await server.db.idea.count({ where: { authorId: users.member.id } })).toBe(1);

    // The old session is over; the idea and the comment still show, signed "ex collaboratore".
    expect((await member.get("/")).headers.get("location")).toMatch(/^\/login/);
    const page = await text(await employee.get(`/idee/${idea.id}`));
    expect(page).toContain("Un'idea che resta");
    expect(page).toContain("Un commento che resta");
    expect(page).toContain("ex collaboratore");
    expect(page).not.toContain("Marta Membro");
    expect((await employee.get("/persone/membro")).status).toBe(404);
    // The e-mail address is free for a new invitation.
    expect(
      (await admin.post("/admin/utenti", { intent: "invite", email: "membro@test.example", role: "DIPENDENTE" }))
        .status,
    ).toBe(200);
  });
});

describe("logs", () => {
  it("never hold passwords, invitation or calendar tokens, or session ids", async () => {
    const { server } = harness;
    const token = await buildInvitation(server.db, { email: "nuovo.arrivo@test.example" });
    const newcomer = new Client(server.url);
    await newcomer.get(`/invito/${token}`);
    await newcomer.post(`/invito/${token}`, {
      displayName: "Nuovo Arrivo",
      office: "URP",
      password: "frase-segreta-del-log",
      passwordConfirm: "frase-segreta-del-log",
    });
    const session = newcomer.session()!;
    expect(session).toBeTruthy();
    const wrong = new Client(server.url);
    await wrong.post("/login", { email: "admin@test.example", password: "password-sbagliata-nel-log" });
    const calendar = await newcomer.post("/profilo", { intent: "calendar" });
    const feed = /\/calendario\/([A-Za-z0-9_-]{20,})\.ics/.exec(await calendar.text())![1]!;
    expect((await new Client(server.url).get(`/calendario/${feed}.ics`)).status).toBe(200);
    await newcomer.get("/idee?q=frase");
    await newcomer.post("/logout", {});

    const log = server.output();
    expect(log).toContain("POST /login 401");
    expect(log).toContain("/invito/[token]");
    for (const secret of [token, session, feed, "frase-segreta-del-log", "password-sbagliata-nel-log", PASSWORD]) {
      expect(log).not.toContain(secret);
    }
  });

  it("are JSON lines, each request's with its id, which is also in its response and its audit entries", async () => {
    const { server } = harness;
    const admin = new Client(server.url);
    await admin.login("admin@test.example", PASSWORD);
    const invited = await admin.post(
      "/admin/utenti",
      { intent: "invite", email: "con.id@test.example", role: "DIPENDENTE" },
      { headers: { "X-Request-Id": "proxy-0000-invito-42" } },
    );
    expect(invited.status).toBeLessThan(400);
    // A proxy's id is kept; otherwise the server gives one.
    expect(invited.headers.get("x-request-id")).toBe("proxy-0000-invito-42");
    const own = await admin.get("/idee");
    expect(own.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const forged = await admin.get("/idee", { "X-Request-Id": "a b;falso" });
    expect(forged.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    // A request's line is written once its answer has gone, and a page goes out as a stream of
    // its parts: the invitation's page (whose body this client never reads) may finish after
    // the later requests. Wait for both lines to come through the pipe.
    const ownId = own.headers.get("x-request-id")!;
    const written = () => [ownId, "proxy-0000-invito-42"].every((id) => server.output().includes(id));
    for (let i = 0; i < 40 && !written(); i++) await new Promise((r) => setTimeout(r, 50));
    const lines = server
      .output()
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const line of lines) {
      expect(line).toEqual(expect.objectContaining({ level: expect.any(String), time: expect.any(String) }));
      expect(typeof line.msg).toBe("string");
    }
    const requestLine = lines.find((line) => line.reqId === "proxy-0000-invito-42");
    expect(requestLine).toMatchObject({ method: "POST", path: "/admin/utenti", status: invited.status, level: "info" });
    expect(lines.find((line) => line.reqId === ownId)).toMatchObject({ path: "/idee" });

    const entry = await server.db.auditEvent.findFirstOrThrow({
      where: { kind: "invitation.create", data: { contains: "con.id@test.example" } },
    });
    expect(entry.requestId).toBe("proxy-0000-invito-42");
    const csv = await (await admin.get("/registro.csv?tipo=invitation")).text();
    expect(csv.split("\n")[0]).toContain("request_id");
    expect(csv).toContain("proxy-0000-invito-42");
  });

  it("carry an unexpected error with its request id and stack, and the page says nothing of it", async () => {
    const broken = await startServer({ LOG_REQUESTS: "true" });
    try {
      await seedScenario(broken.db);
      const member = new Client(broken.url);
      await member.login("membro@test.example", PASSWORD);
      // A table gone from under the server: the idea list cannot be read.
      await broken.db.$executeRawUnsafe(`DROP TABLE "Support"`);
      const failed = await member.get("/idee?ordine=sostegni", { "X-Request-Id": "errore-di-prova-0001" });
      expect(failed.status).toBe(500);
      expect(await failed.text()).not.toContain("Support");
      // The request's line is written when its answer has gone: wait for it to come through the pipe.
      for (let i = 0; i < 40 && !broken.output().includes('"msg":"GET /idee 500"'); i++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      const lines = broken
        .output()
        .split("\n")
        .filter((line) => line.includes("errore-di-prova-0001"))
        .map((line) => JSON.parse(line) as { level: string; msg: string; err?: { stack: string } });
      const error = lines.find((line) => line.level === "error");
      expect(error?.msg).toBe("Errore su GET /idee");
      expect(error?.err?.stack).toContain("Support");
      expect(lines.find((line) => line.level === "info")?.msg).toBe("GET /idee 500");
    } finally {
      await broken.stop();
    }
  });
});
