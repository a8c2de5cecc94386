import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditRows } from "~/domain/audit.server";
import { readAuditFilters } from "~/forms/filters.server";
import { requireUser } from "~/lib/auth.server";
import { csvResponse, toCsv } from "~/lib/csv";
import { today } from "~/lib/days";

/**
 * The audit log with the page's filters, for machines: kinds and data as stored, times in UTC, and
 * the id of the request that wrote each entry (the one in the server's log lines).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const { page: _page, ...filters } = readAuditFilters(new URL(request.url).searchParams);
  const rows = await auditRows(user.actor, filters);
  const body = toCsv(
    ["at_utc", "actor_email", "actor_name", "kind", "subject_id", "data_json", "request_id"],
    rows.map((row) => [
      row.createdAt.toISOString(),
      row.actor?.email ?? "",
      row.actor?.displayName ?? "",
      row.kind,
      row.subjectId ?? "",
      row.data,
      row.requestId ?? "",
    ]),
  );
  return csvResponse(`pionieri-registro-${today()}.csv`, body);
}
