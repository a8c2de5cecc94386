import type { AuditFilters } from "~/domain/audit.server";
import type { IdeaFilters } from "~/domain/idea-list.server";
import { OUTBOX_STATUSES, type OutboxStatus } from "~/domain/outbox";
import { IDEA_LIMITS, IDEA_SORTS, statusFromSlug, type IdeaSort } from "~/domain/ideas";
import { isObjectiveStatus, ZOOM_MONTHS, ZOOMS, type Zoom } from "~/domain/objectives";
import type { TimelineFilters } from "~/domain/timeline.server";
import type { UserFilters } from "~/domain/users.server";
import { isRole } from "~/lib/actor";
import { addDays, addMonths, isDay, startOfMonth, type Day } from "~/lib/days";
import { httpError } from "~/lib/http.server";

/**
 * The filters in the pages' addresses, read into the domain's terms. An unknown value falls back
 * to the default, so that a link never breaks a page; a malformed date is a 400 with its message.
 */

type Group = { id: string; slug: string };

/** /idee?gruppo=&stato=&tema=&mie=1&sostengo=1&q=&sort=&cursor= */
export function readIdeaFilters(params: URLSearchParams, groups: readonly Group[], tagIds: string[]): IdeaFilters {
  const sortParam = params.get("sort") ?? "";
  const q = (params.get("q") ?? "").trim().slice(0, IDEA_LIMITS.query);
  const sort = (IDEA_SORTS as readonly string[]).includes(sortParam) ? (sortParam as IdeaSort) : undefined;
  const tag = params.get("tema");
  return {
    groupId: groups.find((g) => g.slug === params.get("gruppo"))?.id,
    status: statusFromSlug(params.get("stato") ?? ""),
    tagId: tag && tagIds.includes(tag) ? tag : undefined,
    mine: params.get("mie") === "1",
    supported: params.get("sostengo") === "1",
    q: q || undefined,
    // Relevance is the default order of a search, the newest first otherwise.
    sort: sort ?? (q ? undefined : "recenti"),
    cursor: params.get("cursor") ?? undefined,
  };
}

/** /crono-programma?gruppo=&stato=&zoom=&da=YYYY-MM: the filters and the window shown. */
export function readTimelineFilters(params: URLSearchParams, groups: readonly Group[], today: Day) {
  const status = params.get("stato")?.toUpperCase();
  const zoomParam = params.get("zoom") ?? "";
  const zoom: Zoom = (ZOOMS as readonly string[]).includes(zoomParam) ? (zoomParam as Zoom) : "trimestre";
  const requested = `${params.get("da") ?? ""}-01`;
  const from = isDay(requested)
    ? requested
    : addMonths(startOfMonth(today), zoom === "anno" ? -3 : zoom === "trimestre" ? -1 : 0);
  const filters: TimelineFilters = {
    groupId: groups.find((g) => g.slug === params.get("gruppo"))?.id,
    status: isObjectiveStatus(status) ? status : undefined,
  };
  return { filters, zoom, from, to: addDays(addMonths(from, ZOOM_MONTHS[zoom]), -1) };
}

/** /admin/utenti?q=&ruolo=&stato=&gruppo=&pagina= */
export function readUserFilters(params: URLSearchParams): UserFilters {
  const role = params.get("ruolo") ?? "";
  const status = params.get("stato") ?? "";
  return {
    q: (params.get("q") ?? "").trim().slice(0, 100) || undefined,
    role: isRole(role) ? role : undefined,
    status: status === "active" || status === "inactive" || status === "pending" ? status : undefined,
    groupId: params.get("gruppo") || undefined,
    page: readPage(params),
  };
}

/** /registro?tipo=&persona=&dal=&al=&pagina= */
export function readAuditFilters(params: URLSearchParams): AuditFilters {
  const day = (name: string) => {
    const value = params.get(name) ?? "";
    if (value && !isDay(value)) httpError(400, "v.dateFormat");
    return value || undefined;
  };
  return {
    kind: (params.get("tipo") ?? "").slice(0, 40) || undefined,
    actorId: params.get("persona") || undefined,
    from: day("dal"),
    to: day("al"),
    page: readPage(params),
  };
}

/** ?pagina=N, from 1 to 10,000 (anything else is the first page). */
function readPage(params: URLSearchParams) {
  const page = Number.parseInt(params.get("pagina") ?? "1", 10);
  return Number.isFinite(page) && page > 0 ? Math.min(page, 10_000) : 1;
}

/** /admin/posta?stato=FAILED&pagina=N */
export function readOutboxFilters(params: URLSearchParams): { status?: OutboxStatus; page: number } {
  const status = params.get("stato") ?? "";
  return {
    status: (OUTBOX_STATUSES as readonly string[]).includes(status) ? (status as OutboxStatus) : undefined,
    page: readPage(params),
  };
}
