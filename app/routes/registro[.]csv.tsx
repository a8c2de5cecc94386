import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditRows } from "~/domain/audit.server";
import { readAuditFilters } from "~/forms/filters.server";
import { requireUser } from "~/lib/auth.server";
import { csvResponse, toCsv } from "~/lib/csv";
import { today } from "~/lib/days";

/** The audit log with the page's filters, for machines: kinds and data as stored, times in UTC. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const { page: _page, ...filters } = readAuditFilters(new URL(request.url).searchParams);
  const rows = await auditRows(user.actor, filters);
  const body = toCsv(
    ["at_utc", "actor_email", "actor_name", "kind", "subject_id", "data_json"],
    rows.map((row) => [
      row.createdAt.toISOString(),
      row.actor?.email ?? "",
      row.actor?.displayName ?? "",
      row.kind,
      row.subjectId ?? "",
      row.data,
    ]),
  );
  return csvResponse(`pionieri-registro-${today()}.csv`, body);
}
