import type { LoaderFunctionArgs } from "@remix-run/node";
import { groupOptions } from "~/domain/groups.server";
import { isObjectiveStatus } from "~/domain/objectives";
import { timelineData } from "~/domain/objectives.server";
import { requireUser } from "~/lib/auth.server";
import { csvResponse, toCsv } from "~/lib/csv";
import { today } from "~/lib/days";
import { translator, type MessageKey } from "~/lib/i18n";
import "~/lib/i18n/messages/objectives";
import "~/lib/i18n/messages/plan";

/** The objectives (with the crono-programma's filters) as a CSV file for Excel. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const params = new URL(request.url).searchParams;
  const groups = await groupOptions();
  const group = groups.find((g) => g.slug === params.get("gruppo"));
  const status = params.get("stato")?.toUpperCase();
  const data = await timelineData({ groupId: group?.id, status: isObjectiveStatus(status) ? status : undefined });
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
      t(`objective.status.${o.status}` as MessageKey),
      o.progress,
      o.late ? t("objectives.yes") : t("objectives.no"),
      o.needsUpdate ? t("objectives.yes") : t("objectives.no"),
    ]),
  );
  return csvResponse(`pionieri-obiettivi-${today()}.csv`, body);
}
