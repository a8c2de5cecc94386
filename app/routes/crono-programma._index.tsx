import { CachedFragment } from "~/components/cached-fragment";
import { drawingSlot, useDrawingData } from "~/lib/drawing-data";
import { DataTable } from "~/components/data-table";
import { FilterFold, GroupFilter } from "~/components/filter-fold";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { SelectField } from "~/components/form";
import { ObjectivesTable, TimelineChart } from "~/components/timeline";
import { groupOptions } from "~/domain/groups.server";
import { OBJECTIVE_STATUSES, ZOOM_MONTHS, ZOOMS } from "~/domain/objectives";
import { timelineData, type TimelineDrawing } from "~/domain/timeline.server";
import { leaveForDrawing } from "~/lib/drawing-data.server";
import { readTimelineFilters } from "~/forms/filters.server";
import { can } from "~/domain/policy.server";
import { requireUser } from "~/lib/auth.server";
import { formatDay, romeDay } from "~/lib/dates";
import { addMonths, startOfMonth, today } from "~/lib/days";
import type { MessageKey } from "~/lib/i18n";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import { objectiveStatusLabel } from "~/lib/i18n/labels";
import type { PageHandle } from "~/lib/i18n";
import { planMessages } from "~/lib/i18n/messages/plan";

export const handle: PageHandle = { messages: [planMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.timeline");

/** What only the kept chart and table draw: hundreds of objectives, never sent as JSON. */
const drawn = drawingSlot<TimelineDrawing>("timeline");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const groups = await groupOptions();
  const now = today();
  const { filters, zoom, from, to } = readTimelineFilters(new URL(request.url).searchParams, groups, now);
  // Only what the window shows: the chart and the table tell the same facts, at any scale.
  const { objectives, groups: lanes, ...data } = await timelineData({ ...filters, from, to });
  leaveForDrawing(context, drawn, { objectives, groups: lanes });
  return json({
    ...data,
    zoom,
    from,
    to,
    today: now,
    groupOptions: groups.map((g) => ({ slug: g.slug, name: g.name })),
    canManage: can(user.actor, "timeline.manage"),
    creatable: groups
      .filter((g) => can(user.actor, "objective.create", g))
      .map((g) => ({ slug: g.slug, name: g.name })),
  });
}

export default function Timeline() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const { objectives, groups } = useDrawingData(drawn);
  const [params] = useSearchParams();
  const link = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) next.set(name, value);
    return `?${next.toString()}`;
  };
  const step = ZOOM_MONTHS[data.zoom];
  const month = (day: string) => day.slice(0, 7);
  const csv = `/crono-programma/obiettivi.csv${params.toString() ? `?${params.toString()}` : ""}`;
  const day = (value: string) => formatDay(value, locale);

  return (
    <div className="pionieri-timeline-page">
      <div className="pionieri-title-row">
        <h1>{t("timeline.title")}</h1>
        <div className="pionieri-actions-row no-print">
          {data.canManage ? (
            <Link to="/crono-programma/gestione" className="btn btn-outline-primary btn-sm">
              {t("timeline.manage")}
            </Link>
          ) : null}
          <a href={csv} className="btn btn-outline-secondary btn-sm" download>
            {t("timeline.exportCsv")}
          </a>
        </div>
      </div>
      <p>{t("timeline.intro")}</p>
      <Form method="get" className="pionieri-filters no-print" aria-label={t("timeline.filters")}>
        <FilterFold active={["gruppo", "stato"].filter((name) => params.get(name)).length}>
          <GroupFilter groups={data.groupOptions} value={params.get("gruppo")} />
          <SelectField
            name="stato"
            label={t("ideas.filterStatus")}
            defaultValue={params.get("stato") ?? ""}
            options={[
              { value: "", label: t("ideas.allStatuses") },
              ...OBJECTIVE_STATUSES.map((s) => ({
                value: s.toLowerCase(),
                label: objectiveStatusLabel(t, s),
              })),
            ]}
          />
          <button type="submit" className="btn btn-outline-primary">
            {t("filters.apply")}
          </button>
        </FilterFold>
        <input type="hidden" name="zoom" value={data.zoom} />
      </Form>
      <nav className="pionieri-zoom no-print" aria-label={t("timeline.zoomLabel")}>
        <span>{t("timeline.zoomLabel")}:</span>
        {ZOOMS.map((zoom) => (
          <Link
            key={zoom}
            to={link({ zoom, da: month(data.from) })}
            aria-current={zoom === data.zoom ? "true" : undefined}
            className={zoom === data.zoom ? "active" : undefined}
          >
            {t(`timeline.zoom.${zoom}` as MessageKey)}
          </Link>
        ))}
        <Link to={link({ da: month(addMonths(data.from, -step)) })}>← {t("timeline.previous")}</Link>
        <Link to={link({ da: month(addMonths(data.from, step)) })}>{t("timeline.next")} →</Link>
        <Link
          to={link({
            da: month(
              addMonths(startOfMonth(data.today), data.zoom === "mese" ? 0 : data.zoom === "trimestre" ? -1 : -3),
            ),
          })}
        >
          {t("timeline.backToToday")}
        </Link>
      </nav>
      <p className="pionieri-muted">{t("timeline.range", { from: day(data.from), to: day(data.to) })}</p>
      {/* Drawn once per content version, window, filters and language: every colleague gets it alike. */}
      <CachedFragment name={`${data.drawing.view}|${locale}|chart`} version={data.drawing.version}>
        <TimelineChart
          from={data.from}
          to={data.to}
          today={data.today}
          groups={groups}
          objectives={objectives}
          phases={data.phases}
          milestones={data.milestones}
        />
      </CachedFragment>

      {data.creatable.length > 0 ? (
        <p className="no-print">
          {t("timeline.newObjective")}:{" "}
          {data.creatable.map((g, index) => (
            <span key={g.slug}>
              {index > 0 ? " · " : ""}
              <Link to={`/obiettivi/nuovo?gruppo=${g.slug}`}>{g.name}</Link>
            </span>
          ))}
        </p>
      ) : null}

      <h2 className="h4 mt-4">{t("timeline.objectivesTable")}</h2>
      <CachedFragment name={`${data.drawing.view}|${locale}|table`} version={data.drawing.version}>
        <ObjectivesTable objectives={objectives} groups={groups} caption={t("timeline.objectivesCaption")} />
      </CachedFragment>

      <div className="row">
        <section className="col-12 col-lg-6" aria-labelledby="phases-title">
          <h2 id="phases-title" className="h4">
            {t("timeline.phases")}
          </h2>
          <DataTable
            caption={t("timeline.phases")}
            captionHidden
            rows={data.phases}
            rowKey={(phase) => phase.id}
            columns={[
              {
                label: t("timeline.phase"),
                rowHeader: true,
                cell: (phase) => `${phase.name}${phase.pinned ? ` (${t("timeline.pinned")})` : ""}`,
              },
              { label: t("timeline.from"), cell: (phase) => day(romeDay(phase.startsOn)) },
              { label: t("timeline.to"), cell: (phase) => day(romeDay(phase.endsOn)) },
            ]}
          />
        </section>
        <section className="col-12 col-lg-6" aria-labelledby="milestones-title">
          <h2 id="milestones-title" className="h4">
            {t("timeline.milestones")}
          </h2>
          {data.milestones.length === 0 ? (
            <p>{t("timeline.noMilestones")}</p>
          ) : (
            <ul>
              {data.milestones.map((m) => (
                <li key={m.id}>
                  <strong>{day(m.date)}</strong>: {m.title}
                  {m.groupName ? ` (${m.groupName})` : ""}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
