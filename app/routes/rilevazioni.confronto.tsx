import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { formatNumber } from "~/lib/numbers";
import { SelectField, TextField } from "~/components/form";
import { listCampaigns, listPlaces } from "~/domain/campaigns.server";
import { compareCampaigns } from "~/domain/findings.server";
import { minutes } from "~/domain/observation";
import { requireUser } from "~/lib/auth.server";
import { isDay } from "~/lib/days";
import type { PageHandle } from "~/lib/i18n";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { observeMessages } from "~/lib/i18n/messages/observe";
import { visitMessages } from "~/lib/i18n/messages/visit";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";

export const handle: PageHandle = { messages: [observeMessages, formsMessages, visitMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "compare.title");

/** Two campaigns side by side (before and after a pilot): each place's times and first-counter share. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const campaigns = await listCampaigns(user.actor);
  const url = new URL(request.url);
  const known = new Set(campaigns.map((campaign) => campaign.id));
  const a = url.searchParams.get("a") ?? "";
  const b = url.searchParams.get("b") ?? "";
  // Two periods of one campaign (before and after a pilot) or two campaigns, each with optional days.
  const day = (name: string) => {
    const value = url.searchParams.get(name) ?? "";
    return isDay(value) ? value : undefined;
  };
  const rangeA = { from: day("aDal"), to: day("aAl") };
  const rangeB = { from: day("bDal"), to: day("bAl") };
  const samePeriods = rangeA.from === rangeB.from && rangeA.to === rangeB.to;
  const chosen = known.has(a) && known.has(b) && (a !== b || !samePeriods);
  const [result, { places }] = await Promise.all([
    chosen ? compareCampaigns(a, b, rangeA, rangeB) : null,
    listPlaces(true),
  ]);
  const rows = result
    ? places.flatMap((place) => {
        const pick = (side: typeof result.left) => ({
          wait: side.wait.byPlace.find((row) => row.key === place.id),
          first: side.firstCounter.byPlace.find((row) => row.key === place.id),
        });
        const left = pick(result.left);
        const right = pick(result.right);
        if (!left.first && !right.first) return [];
        return [
          {
            id: place.id,
            name: place.name,
            before: {
              median: minutes(left.wait?.median ?? null),
              p90: minutes(left.wait?.p90 ?? null),
              first: left.first?.share ?? null,
            },
            after: {
              median: minutes(right.wait?.median ?? null),
              p90: minutes(right.wait?.p90 ?? null),
              first: right.first?.share ?? null,
            },
          },
        ];
      })
    : [];
  const overall = result
    ? {
        before: {
          visits: result.left.total,
          median: minutes(result.left.wait.overall?.median ?? null),
          first: result.left.firstCounter.overall.share,
        },
        after: {
          visits: result.right.total,
          median: minutes(result.right.wait.overall?.median ?? null),
          first: result.right.firstCounter.overall.share,
        },
      }
    : null;
  return json({
    campaigns: campaigns.map((c) => ({ id: c.id, title: c.title })),
    a,
    b,
    ranges: {
      aDal: rangeA.from ?? "",
      aAl: rangeA.to ?? "",
      bDal: rangeB.from ?? "",
      bAl: rangeB.to ?? "",
    },
    rows,
    overall,
    chosen,
  });
}

export default function Compare() {
  const t = useT();
  const locale = useLocale();
  const { campaigns, a, b, ranges, rows, overall, chosen } = useLoaderData<typeof loader>();
  const num = (value: number | null, unit: string) => (value === null ? "—" : `${formatNumber(value, locale)} ${unit}`);
  const delta = (before: number | null, after: number | null, unit: string) =>
    before === null || after === null
      ? "—"
      : `${after - before > 0 ? "+" : ""}${formatNumber(Math.round((after - before) * 10) / 10, locale)} ${unit}`;
  const options = campaigns.map((c) => ({ value: c.id, label: c.title }));
  return (
    <>
      <p>
        <Link to="/rilevazioni">{t("obs.back")}</Link>
      </p>
      <h1>{t("compare.title")}</h1>
      <p>{t("compare.intro")}</p>
      <Form method="get" className="pionieri-panel mb-4">
        {(["a", "b"] as const).map((side) => (
          <fieldset key={side} className="pionieri-inline-form">
            <legend className="h6">{t(side === "a" ? "compare.before" : "compare.after")}</legend>
            <SelectField
              name={side}
              id={`f-${side}`}
              label={t("obs.campaign")}
              defaultValue={side === "a" ? a : b}
              options={[{ value: "", label: t("visit.choose") }, ...options]}
            />
            <TextField name={`${side}Dal`} type="date" label={t("obs.from")} defaultValue={ranges[`${side}Dal`]} />
            <TextField name={`${side}Al`} type="date" label={t("obs.to")} defaultValue={ranges[`${side}Al`]} />
          </fieldset>
        ))}
        <p className="form-text">{t("compare.periodsHint")}</p>
        <button type="submit" className="btn btn-primary">
          {t("compare.submit")}
        </button>
      </Form>
      {!chosen ? (
        <p>{t("compare.choose")}</p>
      ) : (
        <>
          {overall ? (
            <dl className="pionieri-figures mb-4">
              <div>
                <dt>{t("findings.visits")}</dt>
                <dd>{`${overall.before.visits} → ${overall.after.visits}`}</dd>
              </div>
              <div>
                <dt>{t("findings.medianWait")}</dt>
                <dd>{`${num(overall.before.median, "min")} → ${num(overall.after.median, "min")}`}</dd>
              </div>
              <div>
                <dt>{t("findings.firstCounter")}</dt>
                <dd>{`${num(overall.before.first, "%")} → ${num(overall.after.first, "%")}`}</dd>
              </div>
            </dl>
          ) : null}
          <DataTable
            caption={t("compare.table")}
            rows={rows}
            rowKey={(row) => row.id}
            columns={[
              { label: t("obs.place"), rowHeader: true, cell: (row) => row.name },
              { label: t("compare.waitBefore"), numeric: true, cell: (row) => num(row.before.median, "min") },
              { label: t("compare.waitAfter"), numeric: true, cell: (row) => num(row.after.median, "min") },
              {
                label: t("compare.change"),
                numeric: true,
                cell: (row) => delta(row.before.median, row.after.median, "min"),
              },
              { label: t("compare.p90Before"), numeric: true, cell: (row) => num(row.before.p90, "min") },
              { label: t("compare.p90After"), numeric: true, cell: (row) => num(row.after.p90, "min") },
              { label: t("compare.firstBefore"), numeric: true, cell: (row) => num(row.before.first, "%") },
              { label: t("compare.firstAfter"), numeric: true, cell: (row) => num(row.after.first, "%") },
            ]}
          />
        </>
      )}
    </>
  );
}
