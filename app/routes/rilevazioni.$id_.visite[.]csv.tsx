import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCampaign, visitRows } from "~/domain/campaigns.server";
import { requireUser } from "~/lib/auth.server";
import { csvResponse, toCsv } from "~/lib/csv";
import { clockTime } from "~/lib/dates";
import { translator, type MessageKey } from "~/lib/i18n";

/** Every visit of a campaign as CSV: one row per visit, the places in order, times in minutes. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const campaign = await getCampaign(user.actor, params.id ?? "");
  const rows = await visitRows(campaign.id);
  const t = translator(user.locale);
  const body = toCsv(
    [
      t("csv.visit"),
      t("visit.day"),
      t("visit.arrival"),
      t("csv.path"),
      t("visit.service"),
      t("csv.waitMinutes"),
      t("csv.serviceMinutes"),
      t("visit.outcome"),
      t("visit.channel"),
      t("visit.note"),
    ],
    rows.map((visit) => [
      visit.id,
      visit.day,
      clockTime(visit.arrivalMinute),
      visit.stops.map((stop) => stop.place.name).join(" > "),
      visit.service?.name ?? "",
      visit.waitSeconds === null ? "" : (visit.waitSeconds / 60).toFixed(1),
      visit.serviceSeconds === null ? "" : (visit.serviceSeconds / 60).toFixed(1),
      t(`obs.outcome.${visit.outcome}` as MessageKey),
      t(`obs.channel.${visit.channel}` as MessageKey),
      visit.note,
    ]),
  );
  return csvResponse(`visite-${campaign.id}.csv`, body);
}
