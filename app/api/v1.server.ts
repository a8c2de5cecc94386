import { z } from "zod";
import { authenticateToken, type TokenAuth } from "~/domain/access-tokens.server";
import { getCampaign, listCampaigns } from "~/domain/campaigns.server";
import { addComment, listComments } from "~/domain/comments.server";
import { campaignFindings, surveyFindings } from "~/domain/findings.server";
import { listGroups } from "~/domain/groups.server";
import { listIdeas, type IdeaFilters } from "~/domain/idea-list.server";
import { getIdeaPage } from "~/domain/idea-page.server";
import { IDEA_LIMITS, IDEA_SORTS, statusFromSlug, statusSlug, type IdeaStatus } from "~/domain/ideas";
import { isObjectiveStatus } from "~/domain/objectives";
import { getObjectivePage } from "~/domain/objectives.server";
import { assertCan } from "~/domain/policy.server";
import { setSupport } from "~/domain/supports.server";
import { getSurvey, listSurveys } from "~/domain/surveys.server";
import { listTags } from "~/domain/tags.server";
import { timelineData } from "~/domain/timeline.server";
import { unavailable } from "~/lib/db/client.server";
import { isLocale, type Locale, type MessageKey } from "~/lib/i18n";
import { log } from "~/lib/log.server";
import { RateLimiter } from "~/lib/rate-limit.server";
import { ApiError, errorJson, fromThrownResponse, JSON_TYPE } from "./errors.server";
import { openApiDocument } from "./openapi.server";

/**
 * The JSON API, version 1 (issue 24, decision 0027), behind one splat route (routes/api.v1.$.ts):
 * its operations are listed here once, and the OpenAPI document (openapi.server.ts) describes the
 * same list; the tests check every answer against it.
 *
 * Every operation but the document needs a personal access token (`Authorization: Bearer pio_…`)
 * and never a session cookie, so that no page of another site can make a colleague's browser call
 * it (the pages' Origin check does not apply here, and need not). The token acts as its person:
 * each operation calls the same domain functions as the pages, which ask the same policy; a READ
 * token may only read.
 */

type Ctx = { auth: TokenAuth; url: URL; params: string[]; body: unknown };
type Operation = {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** As in the OpenAPI document: /ideas/{id} */
  path: string;
  write: boolean;
  handle: (ctx: Ctx) => Promise<{ status?: number; body: unknown }>;
};

export const API_PREFIX = "/api/v1";
/** A JSON body larger than this is refused before it is read (a comment is at most 5,000 characters). */
const API_MAX_BODY = 64 * 1024;
const PAGE_MAX = 100;

/** Per token: enough for a report that pages through every idea, not for a loop gone wrong. */
const perToken = new RateLimiter(600, 60_000);

function fail(code: ConstructorParameters<typeof ApiError>[0], options?: ConstructorParameters<typeof ApiError>[1]) {
  return new ApiError(code, options);
}

/** Query parameters: only the known ones, each once. */
function query(url: URL, allowed: string[]) {
  const fields: Record<string, { key: MessageKey }> = {};
  for (const name of new Set(url.searchParams.keys()))
    if (!allowed.includes(name)) fields[name] = { key: "api.unknownField" };
    else if (url.searchParams.getAll(name).length > 1) fields[name] = { key: "api.repeated" };
  if (Object.keys(fields).length > 0) throw fail("validation_failed", { fields });
  return (name: string) => url.searchParams.get(name) ?? undefined;
}

function idOf(value: string | undefined) {
  if (!value || !/^\d{1,10}$/.test(value)) throw fail("not_found");
  return Number(value);
}

/** A body checked against its schema: unknown fields and wrong types are 422 with each field's message. */
function parseBody<T extends z.ZodTypeAny>(schema: T, body: unknown): z.output<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data as z.output<T>;
  const fields: Record<string, { key: MessageKey; params?: Record<string, string | number> }> = {};
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) fields[key] = { key: "api.unknownField" };
      continue;
    }
    const name = issue.path.join(".") || "_body";
    if (fields[name]) continue;
    if (issue.code === "invalid_type")
      fields[name] = issue.received === "undefined" ? { key: "v.required" } : { key: "api.wrongType" };
    else if (issue.message === "v.tooLong") fields[name] = { key: "v.tooLong", params: { max: IDEA_LIMITS.comment } };
    else fields[name] = { key: issue.message === "v.required" ? "v.required" : "api.wrongType" };
  }
  throw fail("validation_failed", { fields });
}

const publicIdea = (idea: {
  id: number;
  title: string;
  status: string;
  supportCount: number;
  commentCount: number;
  createdAt: string | Date;
  groupSlug: string;
  groupName: string;
  authorName: string | null;
  supportedByMe: boolean;
}) => ({
  id: idea.id,
  title: idea.title,
  status: statusSlug(idea.status as IdeaStatus),
  group: { slug: idea.groupSlug, name: idea.groupName },
  author: idea.authorName,
  supportCount: idea.supportCount,
  commentCount: idea.commentCount,
  createdAt: new Date(idea.createdAt).toISOString(),
  supportedByMe: idea.supportedByMe,
});

const commentBody = z
  .object({
    body: z
      .string()
      .transform((value) => value.replace(/\r\n/g, "\n").trim())
      .pipe(z.string().min(1, "v.required").max(IDEA_LIMITS.comment, "v.tooLong")),
    parentId: z.number().int().positive().optional(),
  })
  .strict();

async function groupBySlug(slug: string | undefined) {
  if (slug === undefined) return undefined;
  const group = (await listGroups()).find((g) => g.slug === slug);
  if (!group) throw fail("validation_failed", { fields: { gruppo: { key: "api.unknownGroup" } } });
  return group.id;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** Support on (PUT) or off (DELETE): idempotent, as the page's two buttons. */
function supportOperation(method: "PUT" | "DELETE", on: boolean): Operation {
  return {
    method,
    path: "/ideas/{id}/support",
    write: true,
    async handle({ auth, url, params }) {
      query(url, []);
      const result = await setSupport(auth.actor, idOf(params[0]), on);
      return { body: { supported: result.supported, supportCount: result.count } };
    },
  };
}

const OPERATIONS: Operation[] = [
  {
    method: "GET",
    path: "/ideas",
    write: false,
    async handle({ auth, url }) {
      const get = query(url, ["gruppo", "stato", "tema", "mie", "sostengo", "q", "sort", "cursor", "limit"]);
      const fields: Record<string, { key: MessageKey }> = {};
      const status = get("stato");
      if (status !== undefined && !statusFromSlug(status)) fields.stato = { key: "api.badValue" };
      const sort = get("sort");
      if (sort !== undefined && !(IDEA_SORTS as readonly string[]).includes(sort))
        fields.sort = { key: "api.badValue" };
      const tag = get("tema");
      if (tag !== undefined && !(await listTags()).some((t) => t.id === tag)) fields.tema = { key: "api.badValue" };
      for (const flag of ["mie", "sostengo"])
        if (get(flag) !== undefined && !["0", "1"].includes(get(flag)!)) fields[flag] = { key: "api.badValue" };
      const limitText = get("limit");
      const limit = limitText === undefined ? 20 : /^\d{1,3}$/.test(limitText) ? Number(limitText) : 0;
      if (limit < 1 || limit > PAGE_MAX) fields.limit = { key: "api.badLimit" };
      const q = get("q")?.trim();
      if (q !== undefined && q.length > IDEA_LIMITS.query) fields.q = { key: "api.badValue" };
      if (Object.keys(fields).length > 0) throw fail("validation_failed", { fields });
      const filters: IdeaFilters = {
        groupId: await groupBySlug(get("gruppo")),
        status: status === undefined ? undefined : statusFromSlug(status),
        tagId: tag,
        mine: get("mie") === "1",
        supported: get("sostengo") === "1",
        q: q || undefined,
        sort: (sort as IdeaFilters["sort"]) ?? (q ? undefined : "recenti"),
        cursor: get("cursor"),
      };
      const { items, nextCursor } = await listIdeas(auth.actor, filters, limit);
      return { body: { items: items.map(publicIdea), nextCursor } };
    },
  },
  {
    method: "GET",
    path: "/ideas/{id}",
    write: false,
    async handle({ auth, url, params }) {
      query(url, []);
      const idea = await getIdeaPage(auth.actor, idOf(params[0]));
      if (!idea) throw fail("not_found");
      const { threads } = await listComments(idea.id);
      const comment = (c: (typeof threads)[number] | (typeof threads)[number]["replies"][number]) => ({
        id: c.id,
        author: c.deletedAt || c.hiddenAt ? null : c.authorName,
        bodyHtml: c.bodyHtml,
        createdAt: iso(c.createdAt)!,
        editedAt: iso(c.editedAt),
        removed: c.deletedAt !== null || c.hiddenAt !== null,
      });
      return {
        body: {
          id: idea.id,
          title: idea.title,
          body: idea.body,
          bodyHtml: idea.bodyHtml,
          status: statusSlug(idea.status as IdeaStatus),
          group: { slug: idea.group.slug, name: idea.group.name },
          author: idea.author?.displayName ?? null,
          supportCount: idea.supportCount,
          commentCount: idea.commentCount,
          createdAt: iso(idea.createdAt)!,
          editedAt: iso(idea.editedAt),
          tags: idea.tags.map((t) => ({ id: t.id, kind: t.kind, name: t.name })),
          supportedByMe: idea.supportedByMe,
          duplicateOf: idea.duplicateOf?.id ?? null,
          objectives: idea.carriedBy.map((o) => ({ id: o.id, title: o.title, progress: o.progress, status: o.status })),
          comments: threads.map((t) => ({ ...comment(t), replies: t.replies.map(comment) })),
        },
      };
    },
  },
  supportOperation("PUT", true),
  supportOperation("DELETE", false),
  {
    method: "POST",
    path: "/ideas/{id}/comments",
    write: true,
    async handle({ auth, url, params, body }) {
      query(url, []);
      const id = idOf(params[0]);
      const input = parseBody(commentBody, body);
      const comment = await addComment(auth.actor, id, input);
      return { status: 201, body: { id: comment.id, ideaId: id } };
    },
  },
  {
    method: "GET",
    path: "/groups",
    write: false,
    async handle({ url }) {
      query(url, []);
      const groups = await listGroups();
      return {
        body: {
          items: groups.map((g) => ({
            slug: g.slug,
            name: g.name,
            description: g.description,
            memberCount: g.memberCount,
            leaders: g.leaders.map((l) => l.displayName),
          })),
        },
      };
    },
  },
  {
    method: "GET",
    path: "/objectives",
    write: false,
    async handle({ url }) {
      const get = query(url, ["gruppo", "stato"]);
      const status = get("stato")?.toUpperCase();
      if (status !== undefined && !isObjectiveStatus(status))
        throw fail("validation_failed", { fields: { stato: { key: "api.badValue" } } });
      const data = await timelineData({ groupId: await groupBySlug(get("gruppo")), status });
      return { body: { items: data.objectives.map((o) => objectiveItem(o, data.groups)) } };
    },
  },
  {
    method: "GET",
    path: "/objectives/{id}",
    write: false,
    async handle({ auth, url, params }) {
      query(url, []);
      const o = await getObjectivePage(auth.actor, idOf(params[0]));
      if (!o) throw fail("not_found");
      return {
        body: {
          id: o.id,
          title: o.title,
          description: o.description,
          status: o.status,
          progress: o.progress,
          startOn: o.startOn,
          dueOn: o.dueOn,
          forecastOn: o.forecastOn,
          completedOn: o.completedOn,
          group: { slug: o.group.slug, name: o.group.name },
          ideas: o.ideas.map((i) => ({ id: i.id, title: i.title })),
          updates: o.updates.map((u) => ({
            id: u.id,
            progress: u.progress,
            status: u.status,
            note: u.note,
            createdAt: iso(u.createdAt)!,
          })),
        },
      };
    },
  },
  {
    method: "GET",
    path: "/timeline",
    write: false,
    async handle({ url }) {
      const get = query(url, ["gruppo"]);
      const data = await timelineData({ groupId: await groupBySlug(get("gruppo")) });
      return {
        body: {
          phases: data.phases.map((p) => ({
            id: p.id,
            name: p.name,
            description: p.description,
            startsOn: iso(p.startsOn)!.slice(0, 10),
            endsOn: iso(p.endsOn)!.slice(0, 10),
          })),
          milestones: data.milestones.map((m) => ({
            id: m.id,
            title: m.title,
            date: m.date,
            group: m.groupId === null ? null : (data.groups.find((g) => g.id === m.groupId)?.slug ?? null),
          })),
          objectives: data.objectives.map((o) => objectiveItem(o, data.groups)),
        },
      };
    },
  },
  {
    method: "GET",
    path: "/findings",
    write: false,
    async handle({ auth, url }) {
      query(url, []);
      const [campaigns, surveys] = await Promise.all([listCampaigns(auth.actor), listSurveys()]);
      return {
        body: {
          campaigns: campaigns.map((c) => ({ id: c.id, title: c.title })),
          surveys: surveys.map((s) => ({ id: s.id, title: s.title, status: s.status })),
        },
      };
    },
  },
  {
    method: "GET",
    path: "/findings/campaigns/{id}",
    write: false,
    async handle({ auth, url, params }) {
      query(url, []);
      const campaign = await getCampaign(auth.actor, params[0] ?? "");
      const f = await campaignFindings(campaign.id);
      return {
        body: {
          id: campaign.id,
          title: campaign.title,
          visits: f.total,
          firstCounter: f.firstCounter.overall,
          wait: f.wait.overall,
          service: f.service.overall,
          outcomes: f.outcomes,
          channels: f.channels,
          weekly: f.weekly,
        },
      };
    },
  },
  {
    method: "GET",
    path: "/findings/surveys/{id}",
    write: false,
    async handle({ url, params }) {
      query(url, []);
      const survey = await getSurvey(params[0] ?? "");
      const f = await surveyFindings(survey.id);
      return {
        body: {
          id: survey.id,
          title: survey.title,
          responses: f.responses,
          satisfied: f.overall,
          questions: f.questions.map((q) => ({
            id: q.questionId,
            text: survey.questions.find((question) => question.id === q.questionId)?.textIt ?? "",
            answers: q.n,
            dontKnow: q.dontKnow,
            // Each score's count only from the floor up, as on the page.
            counts: q.n >= 5 ? q.counts : null,
            satisfiedShare: q.share,
          })),
          weeks: f.weeks,
        },
      };
    },
  },
];

function objectiveItem(
  o: {
    id: number;
    groupId: string;
    title: string;
    status: string;
    progress: number;
    startOn: string;
    dueOn: string;
    forecastOn: string | null;
    completedOn: string | null;
    late: boolean;
  },
  groups: { id: string; slug: string }[],
) {
  return {
    id: o.id,
    title: o.title,
    group: groups.find((g) => g.id === o.groupId)?.slug ?? null,
    status: o.status,
    progress: o.progress,
    startOn: o.startOn,
    dueOn: o.dueOn,
    forecastOn: o.forecastOn,
    completedOn: o.completedOn,
    late: o.late,
  };
}

const ROUTES = OPERATIONS.map((operation) => ({
  operation,
  pattern: new RegExp(`^${operation.path.replace(/\{[a-z]+\}/g, "([^/]+)")}$`),
}));

/** The reader's language: the request's Accept-Language first, else the token's person's. */
function localeOf(request: Request, fallback: Locale): Locale {
  const wanted = request.headers.get("accept-language")?.split(",")[0]?.trim().slice(0, 2).toLowerCase();
  return isLocale(wanted) ? wanted : fallback;
}

async function readBody(request: Request): Promise<unknown> {
  if (request.method === "GET" || request.method === "DELETE" || request.method === "PUT") return undefined;
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw fail("unsupported_media_type");
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > API_MAX_BODY) throw fail("payload_too_large");
  const text = await request.text();
  if (Buffer.byteLength(text) > API_MAX_BODY) throw fail("payload_too_large");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw fail("malformed_json");
  }
}

/** Answers one request under /api/v1. */
export async function handleApi(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const path = url.pathname.slice(API_PREFIX.length) || "/";
  let locale: Locale = localeOf(request, "it");
  try {
    if (path === "/openapi.json") {
      if (request.method !== "GET" && request.method !== "HEAD")
        throw fail("method_not_allowed", { headers: { Allow: "GET" } });
      return new Response(JSON.stringify(openApiDocument()), {
        headers: { "Content-Type": JSON_TYPE, "Cache-Control": "public, max-age=300" },
      });
    }
    const matches = ROUTES.map(({ operation, pattern }) => ({ operation, found: pattern.exec(path) })).filter(
      (m) => m.found,
    );
    if (matches.length === 0) throw fail("not_found");
    const match = matches.find((m) => m.operation.method === request.method);
    if (!match)
      throw fail("method_not_allowed", { headers: { Allow: matches.map((m) => m.operation.method).join(", ") } });

    const auth = await authenticateToken(request.headers.get("authorization"));
    if (!auth) throw fail("unauthenticated", { headers: { "WWW-Authenticate": 'Bearer realm="pionieri"' } });
    locale = localeOf(request, auth.locale);
    const wait = perToken.retryAfter(auth.tokenId);
    if (wait > 0) throw fail("rate_limited", { headers: { "Retry-After": String(wait) } });
    perToken.hit(auth.tokenId);
    if (match.operation.write && auth.scope !== "WRITE") throw fail("insufficient_scope");
    assertCan(auth.actor, "intranet.read");

    const body = await readBody(request);
    const params = match.found!.slice(1).map((p) => decodeURIComponent(p));
    const result = await match.operation.handle({ auth, url, params, body });
    return new Response(JSON.stringify(result.body), {
      status: result.status ?? 200,
      headers: { "Content-Type": JSON_TYPE, "Cache-Control": "no-store" },
    });
  } catch (error) {
    if (error instanceof ApiError) return errorJson(error, locale);
    if (error instanceof Response) {
      const busy = error.status === 503;
      return errorJson(busy ? fail("unavailable") : await fromThrownResponse(error), locale);
    }
    const refused = unavailable(error);
    if (refused) return errorJson(fail("unavailable"), locale);
    log.error({ err: error, path: `${API_PREFIX}${path}` }, `Errore su ${request.method} ${API_PREFIX}${path}`);
    return errorJson(fail("internal_error"), locale);
  }
}
