import type { LoaderFunctionArgs } from "@remix-run/node";
import { EXPORTS, type ExportKind } from "~/domain/board";
import { boardExport } from "~/domain/board-exports.server";
import { requireUser } from "~/lib/auth.server";
import { csvResponse } from "~/lib/csv";
import { today } from "~/lib/days";
import { httpError } from "~/lib/http.server";

/** The board's CSV exports (ideas with their history, objectives, updates, participation). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const kind = params.kind ?? "";
  if (!(EXPORTS as readonly string[]).includes(kind)) httpError(404);
  return csvResponse(`pionieri-${kind}-${today()}.csv`, await boardExport(user.actor, kind as ExportKind, user.locale));
}
