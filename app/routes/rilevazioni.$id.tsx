import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Bars, HeatMap, RangeBars } from "~/components/charts";
import { CachedFragment } from "~/components/cached-fragment";
import { drawingSlot, useDrawingData } from "~/lib/drawing-data";
import { CampaignFields } from "~/components/campaign-fields";
import { DataTable } from "~/components/data-table";
import { CiteLink, CitingIdeas, useFigureText } from "~/components/findings";
import { formatNumber } from "~/lib/numbers";
import { FormErrors, SelectField, TextField } from "~/components/form";
import { getCampaign, joinCampaign, leaveCampaign, listPlaces, updateCampaign } from "~/domain/campaigns.server";
import { bindableObjectives, bindIndicator } from "~/domain/evidence.server";
import { campaignFindings, ideasCiting } from "~/domain/findings.server";
import { leaveForDrawing } from "~/lib/drawing-data.server";
import { figureKey, minutes, parseFigure, type FigureMeasure } from "~/domain/observation";
import { campaignSchema, idList } from "~/forms/observation.server";
import { requireUser } from "~/lib/auth.server";
import { formatDay } from "~/lib/dates";
import { isDay } from "~/lib/days";
import { redirectWithFlash } from "~/lib/flash.server";
import { failureOf, field, typedValues } from "~/lib/forms";
import { idField, invalid, parseForm } from "~/lib/forms.server";
import { httpError } from "~/lib/http.server";
import type { MessageKey, PageHandle } from "~/lib/i18n";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { observeMessages } from "~/lib/i18n/messages/observe";
import { visitMessages } from "~/lib/i18n/messages/visit";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";

export const handle: PageHandle = { messages: [observeMessages, formsMessages, visitMessages], hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "obs.campaignTitleOf", { title: data?.campaign.title ?? "" });

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/**
 * The figures, for the kept drawing and the few counts around it: left on the server, not sent
 * as the loader's JSON (decision 0041).
 */
const drawnFindings = drawingSlot<Awaited<ReturnType<typeof campaignFindings>>>("campaign-findings");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const campaign = await getCampaign(user.actor, params.id ?? "");
  const url = new URL(request.url);
  const from = url.searchParams.get("dal") ?? "";
  const to = url.searchParams.get("al") ?? "";
  const range = { from: isDay(from) ? from : undefined, to: isDay(to) ? to : undefined };
  const place = url.searchParams.get("luogo") ?? "";
  const [findings, citing, catalogue, objectives] = await Promise.all([
    campaignFindings(campaign.id, range),
    ideasCiting(campaign.id),
    campaign.can.edit ? listPlaces() : null,
    bindableObjectives(user.actor),
  ]);
  leaveForDrawing(context, drawnFindings, findings);
  return json({
    campaign,
    citing,
    catalogue,
    objectives,
    range: { from: range.from ?? "", to: range.to ?? "" },
    place: campaign.places.some((p) => p.id === place) ? place : "",
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const id = params.id ?? "";
  const form = await request.formData();
  const intent = field(form, "intent");
  const here = `/rilevazioni/${id}`;
  if (intent === "join") {
    await joinCampaign(user.actor, id);
    return redirectWithFlash(here, "obs.joined");
  }
  if (intent === "leave") {
    await leaveCampaign(user.actor, id);
    return redirectWithFlash(here, "obs.left", undefined, { tone: "info" });
  }
  if (intent === "edit") {
    const parsed = parseForm(campaignSchema, form);
    const placeIds = idList(form, "placeIds");
    const serviceIds = idList(form, "serviceIds");
    if (!placeIds || !serviceIds) httpError(400, "obs.unknownPlace");
    if (!parsed.ok) return invalid(parsed.fieldErrors, typedValues(form), { form: "edit" });
    const result = await updateCampaign(user.actor, id, { ...parsed.data, placeIds, serviceIds });
    if (!result.ok) return invalid({ [result.field]: { key: result.key } }, typedValues(form), { form: "edit" });
    return redirectWithFlash(here, "obs.saved");
  }
  if (intent === "bind") {
    const figure = parseFigure(field(form, "figure"));
    const objectiveId = idField(form, "objectiveId");
    if (!figure || figure.source !== id)
      return invalid({ figure: { key: "obs.unknownFigure" } }, typedValues(form), { form: "bind" });
    const name = field(form, "name").trim().slice(0, 120);
    if (!name) return invalid({ name: { key: "v.required" } }, typedValues(form), { form: "bind" });
    await bindIndicator(user.actor, objectiveId, figure, name);
    return redirect(`/obiettivi/${objectiveId}`);
  }
  httpError(400, "v.unknownIntent");
}

export default function CampaignPage() {
  const t = useT();
  const locale = useLocale();
  const text = useFigureText();
  const findings = useDrawingData(drawnFindings);
  const { campaign, citing, catalogue, objectives, range, place } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const editFailure = failureOf(actionData, "edit");
  const bindFailure = failureOf(actionData, "bind");
  const placeName = new Map(campaign.places.map((p) => [p.id, p.name]));
  const serviceName = new Map(campaign.services.map((s) => [s.id, s.name]));
  const weekdayLabels = WEEKDAYS.map((day) => t(`obs.weekday.${day}` as MessageKey));
  const heatCells = aggregateHeat(findings.heat.filter((cell) => !place || cell.placeId === place));
  const times = campaign.places.map((p) => {
    const wait = findings.wait.byPlace.find((row) => row.key === p.id);
    const service = findings.service.byPlace.find((row) => row.key === p.id);
    const first = findings.firstCounter.byPlace.find((row) => row.key === p.id);
    return { id: p.id, name: p.name, wait, service, first };
  });
  const serviceTimes = campaign.services.map((s) => ({
    id: s.id,
    name: s.name,
    wait: findings.wait.byService.find((row) => row.key === s.id),
    service: findings.service.byService.find((row) => row.key === s.id),
  }));
  // The four time columns of the tables by place and by service.
  type Timed = { wait?: TimeStat; service?: TimeStat };
  const timeColumns = (
    [
      ["findings.medianWait", "wait", "median"],
      ["findings.p90Wait", "wait", "p90"],
      ["findings.medianService", "service", "median"],
      ["findings.p90Service", "service", "p90"],
    ] as const
  ).map(([label, time, at]) => ({
    label: t(label),
    numeric: true,
    cell: (row: Timed) => text.minutes(row[time]?.[at] ?? null, row[time]?.n ?? 0),
  }));
  const flows = findings.flows.map((flow) => ({
    key: `${flow.fromId}-${flow.toId}`,
    label: `${placeName.get(flow.fromId) ?? "?"} → ${placeName.get(flow.toId) ?? "?"}`,
    n: flow.n,
  }));
  const overallKey = (measure: FigureMeasure, placeId: string | null = null) =>
    figureKey({ measure, source: campaign.id, place: placeId });
  const figureOptions = [null, ...campaign.places.map((p) => p.id)].flatMap((placeId) =>
    (["waitMedian", "waitP90", "serviceMedian", "firstCounter"] as const).map((measure) => ({
      value: overallKey(measure, placeId),
      label: t("findings.figureLabel", {
        measure: t(`findings.measure.${measure}` as MessageKey),
        place: placeId ? (placeName.get(placeId) ?? "") : t("findings.allPlaces"),
      }),
    })),
  );

  return (
    <>
      <p>
        <Link to="/rilevazioni">{t("obs.back")}</Link>
      </p>
      <h1>{campaign.title}</h1>
      <p className="text-muted">
        {t("obs.fromTo", { from: formatDay(campaign.startsOn, locale), to: formatDay(campaign.endsOn, locale) })}
        {" · "}
        {campaign.group ? campaign.group.name : t("obs.board")}
        {" · "}
        {t(findings.total === 1 ? "obs.visitCountOne" : "obs.visitCount", { count: findings.total })}
        {" · "}
        {t("obs.observerCount", { count: campaign.observers })}
      </p>
      {campaign.purpose ? <p className="pionieri-prewrap">{campaign.purpose}</p> : null}
      <div className="pionieri-row-actions mb-4">
        {campaign.can.record ? (
          <Link to={`/rilevazioni/${campaign.id}/visita`} className="btn btn-primary">
            {t("obs.record")}
          </Link>
        ) : null}
        {campaign.can.join ? (
          <Form method="post">
            <input type="hidden" name="intent" value="join" />
            <button type="submit" className="btn btn-outline-primary">
              {t("obs.join")}
            </button>
          </Form>
        ) : null}
        {campaign.can.leave ? (
          <Form method="post">
            <input type="hidden" name="intent" value="leave" />
            <button type="submit" className="btn btn-outline-primary">
              {t("obs.leave")}
            </button>
          </Form>
        ) : null}
        <a href={`/rilevazioni/${campaign.id}/visite.csv`} className="btn btn-outline-primary" download>
          {t("obs.exportVisits")}
        </a>
      </div>

      <Form method="get" className="pionieri-inline-form pionieri-panel mb-4" aria-label={t("obs.filter")}>
        <TextField name="dal" type="date" label={t("obs.from")} defaultValue={range.from} id="f-dal" />
        <TextField name="al" type="date" label={t("obs.to")} defaultValue={range.to} id="f-al" />
        <SelectField
          name="luogo"
          label={t("obs.heatPlace")}
          defaultValue={place}
          options={[
            { value: "", label: t("findings.allPlaces") },
            ...campaign.places.map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
        <button type="submit" className="btn btn-outline-primary">
          {t("obs.apply")}
        </button>
      </Form>

      {/* The figures, charts and tables: the same for everyone who reads this view, drawn once
          while neither the campaign nor its visits change (decision 0033). */}
      <CachedFragment
        name={`campaign|${campaign.id}|${range.from}|${range.to}|${place}|${locale}`}
        version={`${campaign.drawnFrom}/${findings.computed}`}
      >
        <section aria-labelledby="key" className="mb-5">
          <h2 id="key">{t("findings.key")}</h2>
          <dl className="pionieri-figures">
            <div>
              <dt>{t("findings.visits")}</dt>
              <dd>{findings.total}</dd>
            </div>
            <div>
              <dt>{t("findings.medianWait")}</dt>
              <dd>{text.minutes(findings.wait.overall?.median ?? null, findings.wait.overall?.n ?? 0)}</dd>
              <dd className="pionieri-figure-note">
                <CiteLink figure={overallKey("waitMedian")} about={t("findings.medianWait")} />
              </dd>
            </div>
            <div>
              <dt>{t("findings.p90Wait")}</dt>
              <dd>{text.minutes(findings.wait.overall?.p90 ?? null, findings.wait.overall?.n ?? 0)}</dd>
              <dd className="pionieri-figure-note">
                <CiteLink figure={overallKey("waitP90")} about={t("findings.p90Wait")} />
              </dd>
            </div>
            <div>
              <dt>{t("findings.medianService")}</dt>
              <dd>{text.minutes(findings.service.overall?.median ?? null, findings.service.overall?.n ?? 0)}</dd>
              <dd className="pionieri-figure-note">
                <CiteLink figure={overallKey("serviceMedian")} about={t("findings.medianService")} />
              </dd>
            </div>
            <div>
              <dt>{t("findings.firstCounter")}</dt>
              <dd>{text.share(findings.firstCounter.overall.share, findings.firstCounter.overall.n)}</dd>
              <dd className="pionieri-figure-note">
                <CiteLink figure={overallKey("firstCounter")} about={t("findings.firstCounter")} />
              </dd>
            </div>
          </dl>
        </section>

        <section aria-labelledby="heat" className="mb-5">
          <h2 id="heat">
            {t("findings.heatTitle", { place: place ? (placeName.get(place) ?? "") : t("findings.allPlaces") })}
          </h2>
          <p>{t("findings.heatIntro")}</p>
          <HeatMap
            cells={heatCells}
            weekdayLabels={weekdayLabels}
            title={t("findings.heatTitle", { place: place ? (placeName.get(place) ?? "") : t("findings.allPlaces") })}
            description={t("findings.heatDesc", { peak: peakText(heatCells, weekdayLabels) })}
          />
          <details className="mt-2">
            <summary>{t("findings.asTable")}</summary>
            <DataTable
              caption={t("findings.heatTable")}
              rows={hoursOf(heatCells)}
              rowKey={(hour) => hour}
              columns={[
                { label: t("findings.hour"), rowHeader: true, cell: (hour) => `${hour}:00–${hour + 1}:00` },
                ...weekdayLabels.slice(0, 6).map((label, day) => ({
                  label,
                  numeric: true,
                  cell: (hour: number) => heatCells.find((cell) => cell.weekday === day && cell.hour === hour)?.n ?? 0,
                })),
              ]}
            />
          </details>
        </section>

        <section aria-labelledby="times" className="mb-5">
          <h2 id="times">{t("findings.timesTitle")}</h2>
          <p>{t("findings.timesIntro")}</p>
          <RangeBars
            unit="min"
            rows={times.map((row) => ({
              label: row.name,
              median: minutes(row.wait?.median ?? null),
              p90: minutes(row.wait?.p90 ?? null),
            }))}
            title={t("findings.waitByPlace")}
            description={t("findings.rangeDesc")}
          />
          <DataTable
            caption={t("findings.byPlaceTable")}
            rows={times}
            rowKey={(row) => row.id}
            columns={[
              { label: t("obs.place"), rowHeader: true, cell: (row) => row.name },
              { label: t("findings.visits"), numeric: true, cell: (row) => row.first?.n ?? 0 },
              ...timeColumns,
              {
                label: t("findings.firstCounter"),
                numeric: true,
                cell: (row) => text.share(row.first?.share ?? null, row.first?.n ?? 0),
              },
              {
                label: t("findings.use"),
                cell: (row) => (
                  <CiteLink
                    figure={overallKey("waitMedian", row.id)}
                    about={t("findings.figureLabel", { measure: t("findings.measure.waitMedian"), place: row.name })}
                  />
                ),
              },
            ]}
          />
          <DataTable
            caption={t("findings.byServiceTable")}
            rows={serviceTimes}
            rowKey={(row) => row.id}
            columns={[{ label: t("obs.service"), rowHeader: true, cell: (row) => row.name }, ...timeColumns]}
          />
        </section>

        <section aria-labelledby="flows" className="mb-5">
          <h2 id="flows">{t("findings.flowsTitle")}</h2>
          <p>{t("findings.flowsIntro")}</p>
          {flows.length === 0 ? (
            <p>{t("findings.flowsNone")}</p>
          ) : (
            <>
              <Bars
                rows={flows.slice(0, 12).map((flow) => ({ label: flow.label, value: flow.n }))}
                title={t("findings.flowsTitle")}
                description={t("findings.flowsDesc", { top: flows[0]!.label, n: flows[0]!.n })}
              />
              <DataTable
                caption={t("findings.flowsTable")}
                rows={flows}
                rowKey={(flow) => flow.key}
                columns={[
                  { label: t("findings.flow"), rowHeader: true, cell: (flow) => flow.label },
                  { label: t("findings.visits"), numeric: true, cell: (flow) => flow.n },
                ]}
              />
            </>
          )}
        </section>

        <section aria-labelledby="outcomes" className="mb-5">
          <h2 id="outcomes">{t("findings.outcomesTitle")}</h2>
          <Bars
            suffix=""
            rows={findings.outcomes.map((row) => ({
              label: t(`obs.outcome.${row.outcome}` as MessageKey),
              value: row.n,
            }))}
            title={t("findings.outcomesTitle")}
            description={t("findings.outcomesDesc")}
          />
          <DataTable
            caption={t("findings.outcomesTable")}
            rows={[
              ...findings.outcomes.map((row) => ({
                key: `o-${row.outcome}`,
                label: t(`obs.outcome.${row.outcome}` as MessageKey),
                n: row.n,
              })),
              ...findings.channels.map((row) => ({
                key: `c-${row.channel}`,
                label: t(`obs.channel.${row.channel}` as MessageKey),
                n: row.n,
              })),
            ]}
            rowKey={(row) => row.key}
            columns={[
              { label: t("findings.what"), rowHeader: true, cell: (row) => row.label },
              { label: t("findings.visits"), numeric: true, cell: (row) => row.n },
              {
                label: t("findings.shareOfVisits"),
                numeric: true,
                cell: (row) => (findings.total ? `${formatNumber((row.n * 100) / findings.total, locale)} %` : "—"),
              },
            ]}
          />
        </section>
      </CachedFragment>

      <CitingIdeas ideas={citing} />

      {objectives.length > 0 ? (
        <section aria-labelledby="bind" className="pionieri-panel mb-5">
          <h2 id="bind" className="h4">
            {t("findings.bindTitle")}
          </h2>
          <p>{t("findings.bindIntro")}</p>
          <FormErrors errors={bindFailure?.fieldErrors} />
          <Form method="post">
            <input type="hidden" name="intent" value="bind" />
            <SelectField
              name="figure"
              label={t("findings.figure")}
              options={figureOptions}
              errors={bindFailure?.fieldErrors}
              defaultValue={bindFailure?.values.figure}
            />
            <SelectField
              name="objectiveId"
              label={t("findings.objective")}
              options={objectives.map((o) => ({ value: String(o.id), label: `${o.group} · ${o.title}` }))}
              defaultValue={bindFailure?.values.objectiveId}
            />
            <TextField
              name="name"
              label={t("findings.indicatorName")}
              hint={t("findings.indicatorNameHint")}
              required
              maxLength={120}
              errors={bindFailure?.fieldErrors}
              defaultValue={bindFailure?.values.name}
            />
            <button type="submit" className="btn btn-primary">
              {t("findings.bindSubmit")}
            </button>
          </Form>
        </section>
      ) : null}

      {campaign.can.edit && catalogue ? (
        <details className="pionieri-panel" open={Boolean(editFailure)}>
          <summary className="btn btn-outline-primary">{t("obs.edit")}</summary>
          <FormErrors errors={editFailure?.fieldErrors} />
          <Form method="post" className="mt-3">
            <input type="hidden" name="intent" value="edit" />
            <CampaignFields
              values={editFailure?.values}
              current={{
                ...campaign,
                placeIds: campaign.places.map((p) => p.id),
                serviceIds: campaign.services.map((s) => s.id),
              }}
              errors={editFailure?.fieldErrors}
              places={catalogue.places}
              services={catalogue.services}
            />
            <button type="submit" className="btn btn-primary">
              {t("obs.save")}
            </button>
          </Form>
        </details>
      ) : null}
      {serviceName.size === 0 ? null : null}
    </>
  );
}

type Cell = { weekday: number; hour: number; n: number };
type TimeStat = { n: number; median: number | null; p90: number | null };

/** The heat map of all places sums the places' cells. */
function aggregateHeat(cells: (Cell & { placeId: string })[]): Cell[] {
  const sums = new Map<string, Cell>();
  for (const cell of cells) {
    const key = `${cell.weekday}-${cell.hour}`;
    const sum = sums.get(key) ?? { weekday: cell.weekday, hour: cell.hour, n: 0 };
    sum.n += cell.n;
    sums.set(key, sum);
  }
  return [...sums.values()];
}

function hoursOf(cells: Cell[]) {
  return [...new Set(cells.map((cell) => cell.hour))].sort((a, b) => a - b);
}

function peakText(cells: Cell[], weekdays: string[]) {
  const peak = cells.reduce<Cell | null>((best, cell) => (!best || cell.n > best.n ? cell : best), null);
  return peak ? `${weekdays[peak.weekday]} ${peak.hour}:00 (${peak.n})` : "—";
}
