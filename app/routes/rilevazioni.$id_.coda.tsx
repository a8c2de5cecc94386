import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { recordVisit } from "~/domain/campaigns.server";
import { readVisit } from "~/forms/observation.server";
import { requireUser } from "~/lib/auth.server";
import { httpError } from "~/lib/http.server";

/**
 * Where the recording page's queue sends visits, one at a time, when JavaScript runs: the same
 * fields and checks as the page's own form, answered in JSON. A visit whose answer was lost is
 * sent again with the same id and stored once ({ repeated: true }).
 */
export async function loader(_: LoaderFunctionArgs) {
  httpError(404);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const visit = readVisit(await request.formData());
  if (!visit.ok) return json({ ok: false, fieldErrors: visit.fieldErrors }, { status: 400 });
  const result = await recordVisit(user.actor, params.id ?? "", visit.data);
  if (!result.ok) return json({ ok: false, fieldErrors: { [result.field]: { key: result.key } } }, { status: 400 });
  return json({ ok: true, repeated: result.repeated });
}
