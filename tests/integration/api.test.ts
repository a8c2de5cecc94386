/**
 * The JSON API (/api/v1, issue 24, decision 0027) against the built server: tokens made on the
 * profile page as a colleague makes them; every operation × every kind of person × no token, a
 * read token and a write token, refused writes changing nothing; bad input answered with a 4xx
 * and a stable code, never a 500; and every answer checked against the OpenAPI document, itself
 * validated as OpenAPI 3.1 by swagger-parser. Answers are checked with ajv (JSON Schema 2020-12,
 * the dialect of OpenAPI 3.1).
 */
import SwaggerParser from "@apidevtools/swagger-parser";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { seedCampaign, seedSurvey } from "../../prisma/seed-observe";
import { changedTables, dbFingerprint } from "../support/db-state";
import { buildComment, buildIdea, buildObjective } from "../support/factories";
import { useServer } from "../support/harness";
import type { Client } from "../support/http";
import { ACTORS, EMAILS, type ActorName } from "../support/matrix";
import { signedIn } from "../support/sessions";

const h = useServer({ env: { LOG_REQUESTS: "true" } });

type Scope = "READ" | "WRITE";
type Credential = "none" | Scope;
const CREDENTIALS: Credential[] = ["none", "READ", "WRITE"];
const PEOPLE = ACTORS.filter((actor): actor is Exclude<ActorName, "anonymous"> => actor !== "anonymous");

const tokens = {} as Record<Exclude<ActorName, "anonymous">, Record<Scope, string>>;
let document: { paths: Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>> };
let fixture: { ideaId: number; objectiveId: number; campaignId: string; surveyId: string };
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

/** Makes a token on the profile page, as a colleague would, and reads it from the answer. */
async function makeToken(client: Client, scope: Scope, name = `Token ${scope}`, days = "90") {
  const response = await client.post("/profilo", { intent: "tokenCreate", name, scope, days });
  expect(response.status).toBe(200);
  const html = await response.text();
  const token = /value="(pio_[A-Za-z0-9_-]{43})"/.exec(html)?.[1];
  expect(token, html.slice(0, 300)).toBeTruthy();
  return token!;
}

function api(
  path: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
    headers["Content-Type"] ??= "application/json";
  }
  return fetch(`${h.server.url}/api/v1${path}`, { method: init.method ?? "GET", headers, body, redirect: "manual" });
}

/** The operation of the document a request went to: its path template and method. */
function operationOf(method: string, path: string) {
  const bare = path.split("?")[0]!;
  for (const template of Object.keys(document.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[a-z]+\}/g, "[^/]+")}$`);
    if (pattern.test(bare) && document.paths[template]![method.toLowerCase()]) return { template, method };
  }
  return null;
}

/** Checks an answer against the schema of its operation and status; returns the parsed body. */
async function conforms(method: string, path: string, response: Response) {
  const text = await response.text();
  const body = JSON.parse(text) as unknown;
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const operation = operationOf(method, path);
  if (!operation) {
    // An address or a method the document does not have: the error's own schema.
    expect([404, 405]).toContain(response.status);
    return body as { error: { code: string; message: string } };
  }
  const described = document.paths[operation.template]![method.toLowerCase()]!.responses[String(response.status)];
  expect(described, `${method} ${path} → ${response.status} is not in the document`).toBeTruthy();
  const schema = (described!.content as { "application/json": { schema: object } })["application/json"].schema;
  const validate = ajv.compile(schema);
  expect(validate(body), `${method} ${path} → ${response.status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  return body as Record<string, unknown>;
}

beforeAll(async () => {
  const { server, scenario } = h;
  const { users, groups } = scenario;
  const idea = await buildIdea(server.db, {
    title: "Un solo numero per prenotare",
    body: "Un numero di telefono unico per tutti gli sportelli.",
    groupId: groups.logistica!.id,
    authorId: users.member.id,
  });
  await buildComment(server.db, { ideaId: idea.id, authorId: users.employee.id, body: "Ottima idea" });
  for (let i = 0; i < 4; i++)
    await buildIdea(server.db, {
      title: `Idea di logistica ${i}`,
      body: "Per la paginazione",
      groupId: groups.logistica!.id,
      authorId: users.member.id,
    });
  const objective = await buildObjective(server.db, {
    groupId: groups.logistica!.id,
    title: "Segnaletica al piano terra",
    startOn: "2026-10-01",
    dueOn: "2027-03-31",
  });
  const campaign = await seedCampaign(server.db, {
    title: "Dove vanno i cittadini",
    startsOn: "2026-10-01",
    endsOn: "2026-12-31",
    visits: 12,
    groupId: groups.logistica!.id,
    createdById: users.leader.id,
    recorders: [users.member.id],
  });
  const survey = await seedSurvey(server.db, {
    title: "Com'è andata allo sportello?",
    from: "2026-10-05",
    to: "2026-10-09",
    responses: 8,
    createdById: users.board.id,
    status: "APERTO",
  });
  fixture = { ideaId: idea.id, objectiveId: objective.id, campaignId: campaign.id, surveyId: survey.id };

  // The deactivated colleague made tokens while the account was active.
  await server.db.user.update({ where: { email: EMAILS.deactivated }, data: { active: true, deactivatedAt: null } });
  for (const actor of PEOPLE) {
    const client = await signedIn(server, EMAILS[actor]);
    tokens[actor] = { READ: await makeToken(client, "READ"), WRITE: await makeToken(client, "WRITE") };
  }
  await server.db.user.update({
    where: { email: EMAILS.deactivated },
    data: { active: false, deactivatedAt: new Date() },
  });

  const served = (await (await api("/openapi.json")).json()) as object;
  await SwaggerParser.validate(structuredClone(served) as never);
  document = (await SwaggerParser.dereference(structuredClone(served) as never)) as unknown as typeof document;
});

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1, public, and describes every operation the server answers", async () => {
    const response = await api("/openapi.json");
    expect(response.status).toBe(200);
    const served = (await response.json()) as { openapi: string; paths: Record<string, object> };
    expect(served.openapi).toBe("3.1.0");
    expect(Object.keys(served.paths).sort()).toEqual(
      [
        "/findings",
        "/findings/campaigns/{id}",
        "/findings/surveys/{id}",
        "/groups",
        "/ideas",
        "/ideas/{id}",
        "/ideas/{id}/comments",
        "/ideas/{id}/support",
        "/objectives",
        "/objectives/{id}",
        "/timeline",
      ].sort(),
    );
  });
});

type Op = {
  name: string;
  method: "GET" | "PUT" | "DELETE" | "POST";
  path: () => string;
  body?: unknown;
  write: boolean;
  /** For an active person with the right scope: 200/201, or the policy's refusal. */
  allowed: (actor: ActorName) => number;
};

const writer = (ok: number) => (actor: ActorName) => (actor === "observer" ? 403 : ok);
const OPERATIONS: Op[] = [
  { name: "ideas", method: "GET", path: () => "/ideas?gruppo=logistica&limit=3", write: false, allowed: () => 200 },
  { name: "an idea", method: "GET", path: () => `/ideas/${fixture.ideaId}`, write: false, allowed: () => 200 },
  { name: "no such idea", method: "GET", path: () => "/ideas/999999", write: false, allowed: () => 404 },
  { name: "groups", method: "GET", path: () => "/groups", write: false, allowed: () => 200 },
  { name: "objectives", method: "GET", path: () => "/objectives?stato=pianificato", write: false, allowed: () => 200 },
  {
    name: "an objective",
    method: "GET",
    path: () => `/objectives/${fixture.objectiveId}`,
    write: false,
    allowed: () => 200,
  },
  { name: "timeline", method: "GET", path: () => "/timeline", write: false, allowed: () => 200 },
  { name: "findings", method: "GET", path: () => "/findings", write: false, allowed: () => 200 },
  {
    name: "campaign findings",
    method: "GET",
    path: () => `/findings/campaigns/${fixture.campaignId}`,
    write: false,
    allowed: () => 200,
  },
  {
    name: "survey findings",
    method: "GET",
    path: () => `/findings/surveys/${fixture.surveyId}`,
    write: false,
    allowed: () => 200,
  },
  { name: "support", method: "PUT", path: () => `/ideas/${fixture.ideaId}/support`, write: true, allowed: writer(200) },
  {
    name: "withdraw support",
    method: "DELETE",
    path: () => `/ideas/${fixture.ideaId}/support`,
    write: true,
    allowed: () => 200,
  },
  {
    name: "comment",
    method: "POST",
    path: () => `/ideas/${fixture.ideaId}/comments`,
    body: { body: "Scritto attraverso l'API" },
    write: true,
    // Observers comment too (issue 15), as on the idea's page.
    allowed: () => 201,
  },
];

function expected(op: Op, actor: Exclude<ActorName, "anonymous">, credential: Credential) {
  if (credential === "none" || actor === "deactivated") return 401;
  if (op.write && credential === "READ") return 403;
  return op.allowed(actor);
}

describe("the authorization matrix of the API", () => {
  it("has a row for every operation the document describes", () => {
    const described = Object.entries(document.paths).flatMap(([template, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${template}`),
    );
    const covered = OPERATIONS.map((op) => {
      const found = operationOf(op.method, op.path());
      return found ? `${op.method} ${found.template}` : `${op.method} ?`;
    });
    expect(new Set(covered)).toEqual(new Set(described));
  });

  for (const op of OPERATIONS) {
    const rows = PEOPLE.flatMap((actor) => CREDENTIALS.map((credential) => [actor, credential] as const));
    it.each(rows)(`${op.method} ${op.name}: %s with %s token`, async (actor, credential) => {
      const answer = expected(op, actor, credential);
      const before = await dbFingerprint(h.server.db);
      const token = credential === "none" ? undefined : tokens[actor][credential];
      const response = await api(op.path(), { method: op.method, token, body: op.body });
      const body = await conforms(op.method, op.path(), response);
      expect(response.status, JSON.stringify(body)).toBe(answer);
      const changed = changedTables(before, await dbFingerprint(h.server.db));
      if (answer >= 400 || !op.write) expect(changed).toEqual([]);
      if (answer === 401) {
        expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
        expect((body as { error: { code: string } }).error.code).toBe("unauthenticated");
      }
      if (answer === 403 && credential === "READ" && op.write)
        expect((body as { error: { code: string } }).error.code).toBe("insufficient_scope");
      if (op.name === "comment" && answer === 201) expect(changed).toContain("Comment");
    });
  }

  it("never takes the session cookie for a token", async () => {
    const admin = await signedIn(h.server, EMAILS.admin);
    const response = await admin.get("/api/v1/groups");
    expect(response.status).toBe(401);
    const write = await admin.post(`/api/v1/ideas/${fixture.ideaId}/comments`, { body: "dal browser" });
    expect(write.status).toBe(401);
  });
});

describe("reading", () => {
  it("pages through the ideas with the filters of /idee and its cursor", async () => {
    const token = tokens.employee.READ;
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const path = `/ideas?gruppo=logistica&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const response = await api(path, { token });
      const page = (await conforms("GET", path, response)) as { items: { id: number }[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    const expectedIds = (
      await h.server.db.idea.findMany({
        where: { groupId: h.scenario.groups.logistica!.id, status: { not: "DUPLICATA" } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { id: true },
      })
    ).map((i) => i.id);
    expect(seen).toEqual(expectedIds);
    const search = await api("/ideas?q=prenotare", { token });
    const found = (await conforms("GET", "/ideas?q=prenotare", search)) as { items: { title: string }[] };
    expect(found.items.map((i) => i.title)).toEqual(["Un solo numero per prenotare"]);
  });

  it("gives an idea with its comments, and the aggregates of findings with the floor of 5", async () => {
    const token = tokens.employee.READ;
    const idea = (await conforms(
      "GET",
      `/ideas/${fixture.ideaId}`,
      await api(`/ideas/${fixture.ideaId}`, { token }),
    )) as {
      comments: { bodyHtml: string; author: string }[];
      group: { slug: string };
    };
    expect(idea.group.slug).toBe("logistica");
    expect(idea.comments[0]!.bodyHtml).toContain("Ottima idea");
    const survey = (await conforms(
      "GET",
      `/findings/surveys/${fixture.surveyId}`,
      await api(`/findings/surveys/${fixture.surveyId}`, { token }),
    )) as {
      responses: number;
      questions: { answers: number; counts: number[] | null; satisfiedShare: number | null }[];
    };
    expect(survey.responses).toBe(8);
    for (const question of survey.questions)
      if (question.answers < 5) {
        expect(question.counts).toBeNull();
        expect(question.satisfiedShare).toBeNull();
      }
    const text = JSON.stringify(survey);
    // Aggregates only: no response, no person.
    expect(text).not.toMatch(/@test\.example|responseId|"day"/);
  });
});

describe("bad input: a 4xx with a stable code, nothing written, never a 500", () => {
  const cases: [string, () => Promise<Response>, number, string][] = [
    [
      "malformed JSON",
      () => api(`/ideas/${fixture.ideaId}/comments`, { method: "POST", token: tokens.author.WRITE, body: "{ body: " }),
      400,
      "malformed_json",
    ],
    [
      "a wrong type",
      () =>
        api(`/ideas/${fixture.ideaId}/comments`, { method: "POST", token: tokens.author.WRITE, body: { body: 42 } }),
      422,
      "validation_failed",
    ],
    [
      "an unknown field",
      () =>
        api(`/ideas/${fixture.ideaId}/comments`, {
          method: "POST",
          token: tokens.author.WRITE,
          body: { body: "ciao", autore: "x" },
        }),
      422,
      "validation_failed",
    ],
    [
      "an empty comment",
      () =>
        api(`/ideas/${fixture.ideaId}/comments`, { method: "POST", token: tokens.author.WRITE, body: { body: "   " } }),
      422,
      "validation_failed",
    ],
    [
      "a JSON array",
      () => api(`/ideas/${fixture.ideaId}/comments`, { method: "POST", token: tokens.author.WRITE, body: [1, 2] }),
      422,
      "validation_failed",
    ],
    [
      "a body of 100 KB",
      () =>
        api(`/ideas/${fixture.ideaId}/comments`, {
          method: "POST",
          token: tokens.author.WRITE,
          body: { body: "x".repeat(100_000) },
        }),
      413,
      "payload_too_large",
    ],
    [
      "a body of 2 MB",
      () =>
        api(`/ideas/${fixture.ideaId}/comments`, {
          method: "POST",
          token: tokens.author.WRITE,
          body: { body: "x".repeat(2_000_000) },
        }),
      413,
      "payload_too_large",
    ],
    [
      "plain text",
      () =>
        api(`/ideas/${fixture.ideaId}/comments`, {
          method: "POST",
          token: tokens.author.WRITE,
          body: "ciao",
          headers: { "Content-Type": "text/plain" },
        }),
      415,
      "unsupported_media_type",
    ],
    [
      "a reply to another idea's comment",
      () =>
        api(`/ideas/${fixture.ideaId}/comments`, {
          method: "POST",
          token: tokens.author.WRITE,
          body: { body: "ciao", parentId: 999999 },
        }),
      400,
      "bad_request",
    ],
    ["an unknown parameter", () => api("/ideas?colore=rosso", { token: tokens.author.READ }), 422, "validation_failed"],
    [
      "a repeated parameter",
      () => api("/ideas?gruppo=logistica&gruppo=prodotti", { token: tokens.author.READ }),
      422,
      "validation_failed",
    ],
    ["a limit of 0", () => api("/ideas?limit=0", { token: tokens.author.READ }), 422, "validation_failed"],
    ["a limit of 1000", () => api("/ideas?limit=1000", { token: tokens.author.READ }), 422, "validation_failed"],
    [
      "an unknown status",
      () => api("/ideas?stato=bellissima", { token: tokens.author.READ }),
      422,
      "validation_failed",
    ],
    ["an unknown group", () => api("/ideas?gruppo=nessuno", { token: tokens.author.READ }), 422, "validation_failed"],
    ["a forged cursor", () => api("/ideas?cursor=bm9uJ2Ugbm9zdHJv", { token: tokens.author.READ }), 400, "bad_request"],
    ["an id that is not a number", () => api("/ideas/abc", { token: tokens.author.READ }), 404, "not_found"],
    [
      "a percent sign in an id",
      () => api("/findings/campaigns/%E0%A4%A", { token: tokens.author.READ }),
      400,
      "bad_request",
    ],
    ["an unknown address", () => api("/segreti", { token: tokens.author.READ }), 404, "not_found"],
    [
      "a method the address does not take",
      () => api("/groups", { method: "POST", token: tokens.author.WRITE, body: {} }),
      405,
      "method_not_allowed",
    ],
    [
      "a malformed token",
      () => api("/groups", { headers: { Authorization: "Bearer pio_corto" } }),
      401,
      "unauthenticated",
    ],
    [
      "a token in the wrong scheme",
      () => api("/groups", { headers: { Authorization: `Basic ${tokens.author.READ}` } }),
      401,
      "unauthenticated",
    ],
  ];
  it.each(cases)("%s", async (_name, send, status, code) => {
    const before = await dbFingerprint(h.server.db);
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await response.json()) as {
      error: { code: string; message: string; fields?: Record<string, string> };
    };
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(5);
    if (code === "validation_failed") expect(Object.keys(body.error.fields ?? {}).length).toBeGreaterThan(0);
    if (status === 405) expect(response.headers.get("allow")).toBe("GET");
    expect(changedTables(before, await dbFingerprint(h.server.db))).toEqual([]);
  });

  it("says each field's problem in Italian by default and in English when asked", async () => {
    const send = (language?: string) =>
      api(`/ideas/${fixture.ideaId}/comments`, {
        method: "POST",
        token: tokens.author.WRITE,
        body: { body: 42, extra: true },
        headers: language ? { "Accept-Language": language } : {},
      });
    const italian = (await (await send()).json()) as { error: { message: string; fields: Record<string, string> } };
    expect(italian.error.fields).toEqual({ body: "Tipo di valore errato.", extra: "Campo sconosciuto." });
    const english = (await (await send("en-GB,en;q=0.9")).json()) as { error: { fields: Record<string, string> } };
    expect(english.error.fields).toEqual({ body: "Wrong type of value.", extra: "Unknown field." });
  });
});

describe("tokens", () => {
  it("are shown once, kept as a hash, and stop at expiry, at revocation, at the account's deactivation", async () => {
    const client = await signedIn(h.server, EMAILS.leader);
    const token = await makeToken(client, "READ", "Power BI della logistica", "30");
    const profile = await (await client.get("/profilo")).text();
    expect(profile).toContain("Power BI della logistica");
    expect(profile).not.toContain(token);
    const rows = await h.server.db.accessToken.findMany({ where: { name: "Power BI della logistica" } });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token.slice(4));
    expect(Math.round((rows[0]!.expiresAt.getTime() - Date.now()) / 86400_000)).toBe(30);
    expect((await api("/groups", { token })).status).toBe(200);
    expect((await h.server.db.accessToken.findUniqueOrThrow({ where: { id: rows[0]!.id } })).lastUsedAt).not.toBeNull();

    // Expired.
    await h.server.db.accessToken.update({
      where: { id: rows[0]!.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await api("/groups", { token })).status).toBe(401);
    await h.server.db.accessToken.update({
      where: { id: rows[0]!.id },
      data: { expiresAt: new Date(Date.now() + 86400_000) },
    });
    expect((await api("/groups", { token })).status).toBe(200);

    // Revoked from the profile; someone else cannot revoke it.
    const other = await signedIn(h.server, EMAILS.otherLeader);
    expect((await other.post("/profilo", { intent: "tokenRevoke", tokenId: rows[0]!.id })).status).toBe(404);
    expect((await api("/groups", { token })).status).toBe(200);
    const revoked = await client.post("/profilo", { intent: "tokenRevoke", tokenId: rows[0]!.id });
    expect(revoked.status).toBe(302);
    expect((await api("/groups", { token })).status).toBe(401);

    // Deactivated: every token of the account stops at once.
    const live = await makeToken(client, "WRITE", "Ancora valido");
    expect((await api("/groups", { token: live })).status).toBe(200);
    await h.server.db.user.update({ where: { email: EMAILS.leader }, data: { active: false } });
    try {
      expect((await api("/groups", { token: live })).status).toBe(401);
    } finally {
      await h.server.db.user.update({ where: { email: EMAILS.leader }, data: { active: true } });
    }
  });

  it("refuses a form without a name or with a scope that does not exist, writing nothing", async () => {
    const client = await signedIn(h.server, EMAILS.employee);
    const before = await dbFingerprint(h.server.db);
    const empty = await client.post("/profilo", { intent: "tokenCreate", name: " ", scope: "READ", days: "90" });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Questo campo è obbligatorio.");
    const forged = await client.post("/profilo", { intent: "tokenCreate", name: "x", scope: "ADMIN", days: "7" });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain("Scegli un valore dall&#x27;elenco.");
    expect(changedTables(before, await dbFingerprint(h.server.db))).toEqual([]);
  });

  it("are limited per token: the 601st request in a minute gets 429 with Retry-After", async () => {
    const client = await signedIn(h.server, EMAILS.observer);
    const token = await makeToken(client, "READ", "Ciclo sbagliato");
    const statuses: number[] = [];
    for (let batch = 0; batch < 12; batch++)
      statuses.push(
        ...(await Promise.all(Array.from({ length: 50 }, () => api("/groups", { token }).then((r) => r.status)))),
      );
    expect(statuses.every((status) => status === 200)).toBe(true);
    const over = await api("/groups", { token });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await over.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    // Another token of the same person is not affected.
    expect((await api("/groups", { token: tokens.observer.READ })).status).toBe(200);
  });

  it("never appear in the server's log", () => {
    const log = h.server.output();
    expect(log).toContain("GET /api/v1/groups 200");
    for (const actor of PEOPLE)
      for (const scope of ["READ", "WRITE"] as const) expect(log).not.toContain(tokens[actor][scope]);
  });
});
