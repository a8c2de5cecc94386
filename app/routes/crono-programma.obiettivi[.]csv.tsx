import type { LoaderFunctionArgs } from "@remix-run/node";
import { groupOptions } from "~/domain/groups.server";
import { timelineData } from "~/domain/timeline.server";
import { readTimelineFilters } from "~/forms/filters.server";
import { requireUser } from "~/lib/auth.server";
import { csvResponse, toCsv } from "~/lib/csv";
import { today } from "~/lib/days";
import { translator } from "~/lib/i18n";
import { objectiveStatusLabel } from "~/lib/i18n/labels";

/** The objectives (with the crono-programma's filters) as a CSV file for Excel. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const groups = await groupOptions();
  // The crono-programma's filters, over the whole plan rather than the window shown.
  const { filters } = readTimelineFilters(new URL(request.url).searchParams, groups, today());
  const data = await timelineData(filters);
  const t = translator(user.locale);
  const name = new Map(groups.map((g) => [g.id, g.name]));
  const body = toCsv(
    [
      t("objectives.colId"),
      t("objectives.colGroup"),
      t("objectives.colTitle"),
      t("objectives.colOwner"),
      t("objectives.colStart"),
      t("objectives.colDue"),
      t("objectives.colForecast"),
      t("objectives.completedOn"),
      t("objectives.colStatus"),
      t("objectives.colProgress"),
      t("objectives.late"),
      t("objectives.needsUpdate"),
    ],
    data.objectives.map((o) => [
      o.id,
      name.get(o.groupId),
      o.title,
      o.ownerName,
      o.startOn,
      o.dueOn,
      o.forecastOn,
      o.completedOn,
      objectiveStatusLabel(t, o.status),
      o.progress,
      o.late ? t("objectives.yes") : t("objectives.no"),
      o.needsUpdate ? t("objectives.yes") : t("objectives.no"),
    ]),
  );
  return csvResponse(`pionieri-obiettivi-${today()}.csv`, body);
}
