import type { LoaderFunctionArgs } from "@remix-run/node";
import { personalData } from "~/domain/people.server";
import { requireUser } from "~/lib/auth.server";
import { today } from "~/lib/days";

/** The colleague's own data as JSON (GDPR art. 15): only their own, never anyone else's. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  return new Response(JSON.stringify(await personalData(user.id), null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="pionieri-miei-dati-${today()}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
