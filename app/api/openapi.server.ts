import { IDEA_LIMITS, IDEA_SORTS, IDEA_STATUSES, statusSlug } from "~/domain/ideas";
import { OBJECTIVE_STATUSES } from "~/domain/objectives";
import { API_ERROR_CODES } from "./errors.server";

/**
 * The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. Written by hand beside
 * the operations (v1.server.ts); tests/integration/api.test.ts validates it as a document and
 * checks every answer the tests receive against the schema of its operation and status.
 */

const string = { type: "string" } as const;
const nullableString = { type: ["string", "null"] } as const;
const integer = { type: "integer" } as const;
const day = { type: "string", format: "date" } as const;
const nullableDay = { type: ["string", "null"], format: "date" } as const;
const dateTime = { type: "string", format: "date-time" } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const closed = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({
  type: "object",
  properties,
  required,
  additionalProperties: false,
});

/** What a micro-objective says in a list and on its own. */
const objectiveFields = {
  id: integer,
  title: string,
  status: { type: "string", enum: [...OBJECTIVE_STATUSES] },
  progress: integer,
  startOn: day,
  dueOn: day,
  forecastOn: nullableDay,
  completedOn: nullableDay,
};

const schemas = {
  Error: closed({
    error: closed(
      {
        code: { type: "string", enum: [...API_ERROR_CODES] },
        message: string,
        fields: { type: "object", additionalProperties: string },
      },
      ["code", "message"],
    ),
  }),
  GroupRef: closed({ slug: string, name: string }),
  IdeaSummary: closed({
    id: integer,
    title: string,
    status: { type: "string", enum: IDEA_STATUSES.map(statusSlug) },
    group: ref("GroupRef"),
    author: { ...nullableString, description: "null for an account that was removed" },
    supportCount: integer,
    commentCount: integer,
    createdAt: dateTime,
    supportedByMe: { type: "boolean" },
  }),
  IdeaPage: closed({
    items: { type: "array", items: ref("IdeaSummary") },
    nextCursor: { ...nullableString, description: "pass as `cursor` for the next page; null on the last" },
  }),
  Comment: closed({
    id: integer,
    author: nullableString,
    bodyHtml: { type: "string", description: "sanitised HTML; empty when the comment was removed" },
    createdAt: dateTime,
    editedAt: { type: ["string", "null"], format: "date-time" },
    removed: { type: "boolean" },
  }),
  Thread: closed({
    id: integer,
    author: nullableString,
    bodyHtml: string,
    createdAt: dateTime,
    editedAt: { type: ["string", "null"], format: "date-time" },
    removed: { type: "boolean" },
    replies: { type: "array", items: ref("Comment") },
  }),
  Idea: closed({
    id: integer,
    title: string,
    body: { type: "string", description: "Markdown as written" },
    bodyHtml: string,
    status: { type: "string", enum: IDEA_STATUSES.map(statusSlug) },
    group: ref("GroupRef"),
    author: nullableString,
    supportCount: integer,
    commentCount: integer,
    createdAt: dateTime,
    editedAt: { type: ["string", "null"], format: "date-time" },
    tags: { type: "array", items: closed({ id: string, kind: string, name: string }) },
    supportedByMe: { type: "boolean" },
    duplicateOf: { type: ["integer", "null"] },
    objectives: {
      type: "array",
      items: closed({ id: integer, title: string, progress: integer, status: string }),
    },
    comments: { type: "array", items: ref("Thread") },
  }),
  Support: closed({ supported: { type: "boolean" }, supportCount: integer }),
  NewComment: closed({ body: { type: "string", minLength: 1, maxLength: IDEA_LIMITS.comment }, parentId: integer }, [
    "body",
  ]),
  CreatedComment: closed({ id: integer, ideaId: integer }),
  Group: closed({
    slug: string,
    name: string,
    description: string,
    memberCount: integer,
    leaders: { type: "array", items: string },
  }),
  ObjectiveSummary: closed({ ...objectiveFields, group: nullableString, late: { type: "boolean" } }),
  Objective: closed({
    ...objectiveFields,
    description: string,
    group: ref("GroupRef"),
    ideas: { type: "array", items: closed({ id: integer, title: string }) },
    updates: {
      type: "array",
      items: closed({ id: string, progress: integer, status: string, note: string, createdAt: dateTime }),
    },
  }),
  Timeline: closed({
    phases: {
      type: "array",
      items: closed({ id: string, name: string, description: string, startsOn: day, endsOn: day }),
    },
    milestones: { type: "array", items: closed({ id: string, title: string, date: day, group: nullableString }) },
    objectives: { type: "array", items: ref("ObjectiveSummary") },
  }),
  Findings: closed({
    campaigns: { type: "array", items: closed({ id: string, title: string }) },
    surveys: { type: "array", items: closed({ id: string, title: string, status: string }) },
  }),
  Share: {
    type: "object",
    description: "a share in percent; null under 5 answers (the floor)",
    properties: { key: string, n: integer, share: { type: ["number", "null"] } },
    required: ["key", "n", "share"],
  },
  Times: {
    type: ["object", "null"],
    description: "seconds; median and p90 null under 5 timed visits",
    properties: { key: string, n: integer, median: { type: ["number", "null"] }, p90: { type: ["number", "null"] } },
    required: ["n", "median", "p90"],
  },
  CampaignFindings: closed({
    id: string,
    title: string,
    visits: integer,
    firstCounter: ref("Share"),
    wait: ref("Times"),
    service: ref("Times"),
    outcomes: { type: "array", items: closed({ outcome: string, n: integer }) },
    channels: { type: "array", items: closed({ channel: string, n: integer }) },
    weekly: {
      type: "array",
      items: closed({
        week: string,
        n: integer,
        timed: integer,
        medianWait: { type: ["number", "null"] },
        firstCounter: { type: ["number", "null"] },
      }),
    },
  }),
  SurveyFindings: closed({
    id: string,
    title: string,
    responses: integer,
    satisfied: ref("Share"),
    questions: {
      type: "array",
      items: closed({
        id: string,
        text: string,
        answers: integer,
        dontKnow: integer,
        counts: { type: ["array", "null"], items: integer, minItems: 5, maxItems: 5 },
        satisfiedShare: { type: ["number", "null"] },
      }),
    },
    weeks: { type: "array", items: ref("Share") },
  }),
};

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: ref("Error") } },
});
const ERRORS = {
  "401": errorResponse("no token, or one expired, revoked or of a deactivated account"),
  "403": errorResponse("the token's scope or its person's role does not allow it"),
  "404": errorResponse("no such record, or not visible to the token's person"),
  "405": errorResponse("the address exists but not with this method"),
  "422": errorResponse("a parameter or a field is unknown, repeated or wrong; `fields` says which and why"),
  "429": errorResponse("too many requests; Retry-After says when to try again"),
};
const ok = (schema: unknown, description = "OK", status = "200") => ({
  [status]: { description, content: { "application/json": { schema } } },
});
const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };
const groupParam = {
  name: "gruppo",
  in: "query",
  description: "a group's slug",
  schema: string,
};
const bodyErrors = {
  "400": errorResponse("the body is not JSON"),
  "413": errorResponse("the body is larger than 64 KB"),
  "415": errorResponse("the body is not application/json"),
};

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Pionieri API",
      version: "1.0.0",
      description:
        "L'API di Pionieri, l'intranet di partecipazione del Comune di Cesena. Ogni richiesta porta un token " +
        "personale (profilo → Token di accesso) e vede ciò che vede la sua persona. / The API of Pionieri: " +
        "each request carries a personal access token and sees what its person sees.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ token: [] }],
    components: {
      securitySchemes: {
        token: { type: "http", scheme: "bearer", description: "pio_… made on the profile; READ or WRITE scope" },
      },
      schemas,
    },
    paths: {
      "/ideas": {
        get: {
          operationId: "listIdeas",
          summary: "Ideas, with the filters and cursor paging of /idee",
          parameters: [
            groupParam,
            { name: "stato", in: "query", schema: { type: "string", enum: IDEA_STATUSES.map(statusSlug) } },
            { name: "tema", in: "query", description: "a theme's id", schema: string },
            { name: "mie", in: "query", schema: { type: "string", enum: ["0", "1"] } },
            { name: "sostengo", in: "query", schema: { type: "string", enum: ["0", "1"] } },
            { name: "q", in: "query", description: "full-text search", schema: string },
            { name: "sort", in: "query", schema: { type: "string", enum: [...IDEA_SORTS] } },
            { name: "cursor", in: "query", schema: string },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } },
          ],
          responses: { ...ok(ref("IdeaPage")), "400": errorResponse("a cursor that is not ours"), ...ERRORS },
        },
      },
      "/ideas/{id}": {
        get: {
          operationId: "getIdea",
          summary: "One idea with its comments",
          parameters: [idParam],
          responses: { ...ok(ref("Idea")), ...ERRORS },
        },
      },
      "/ideas/{id}/support": {
        put: {
          operationId: "support",
          summary: "Support the idea (idempotent); needs a WRITE token",
          parameters: [idParam],
          responses: { ...ok(ref("Support")), ...ERRORS },
        },
        delete: {
          operationId: "withdrawSupport",
          summary: "Withdraw one's support (idempotent); needs a WRITE token",
          parameters: [idParam],
          responses: { ...ok(ref("Support")), ...ERRORS },
        },
      },
      "/ideas/{id}/comments": {
        post: {
          operationId: "comment",
          summary: "Comment on the idea, or reply to a comment; needs a WRITE token",
          parameters: [idParam],
          requestBody: { required: true, content: { "application/json": { schema: ref("NewComment") } } },
          responses: { ...ok(ref("CreatedComment"), "Created", "201"), ...bodyErrors, ...ERRORS },
        },
      },
      "/groups": {
        get: {
          operationId: "listGroups",
          summary: "The working groups",
          responses: { ...ok(closed({ items: { type: "array", items: ref("Group") } })), ...ERRORS },
        },
      },
      "/objectives": {
        get: {
          operationId: "listObjectives",
          summary: "Micro-objectives, by group and status",
          parameters: [
            groupParam,
            {
              name: "stato",
              in: "query",
              schema: { type: "string", enum: OBJECTIVE_STATUSES.map((s) => s.toLowerCase()) },
            },
          ],
          responses: { ...ok(closed({ items: { type: "array", items: ref("ObjectiveSummary") } })), ...ERRORS },
        },
      },
      "/objectives/{id}": {
        get: {
          operationId: "getObjective",
          summary: "One micro-objective with its progress updates",
          parameters: [idParam],
          responses: { ...ok(ref("Objective")), ...ERRORS },
        },
      },
      "/timeline": {
        get: {
          operationId: "getTimeline",
          summary: "The crono-programma: phases, milestones and objectives",
          parameters: [groupParam],
          responses: { ...ok(ref("Timeline")), ...ERRORS },
        },
      },
      "/findings": {
        get: {
          operationId: "listFindings",
          summary: "The observation campaigns and citizens' surveys whose findings can be read",
          responses: { ...ok(ref("Findings")), ...ERRORS },
        },
      },
      "/findings/campaigns/{id}": {
        get: {
          operationId: "getCampaignFindings",
          summary: "A campaign's figures (aggregates only, nothing under 5 visits)",
          parameters: [idParam],
          responses: { ...ok(ref("CampaignFindings")), ...ERRORS },
        },
      },
      "/findings/surveys/{id}": {
        get: {
          operationId: "getSurveyFindings",
          summary: "A survey's figures (aggregates only, nothing under 5 answers)",
          parameters: [idParam],
          responses: { ...ok(ref("SurveyFindings")), ...ERRORS },
        },
      },
    },
  };
}
