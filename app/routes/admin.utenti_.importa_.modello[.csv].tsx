import type { LoaderFunctionArgs } from "@remix-run/node";
import { assertCan } from "~/domain/policy.server";
import { IMPORT_TEMPLATE } from "~/domain/user-import.server";
import { requireUser } from "~/lib/auth.server";

/** The model to fill in for the import, as Italian Excel opens it: semicolons, UTF-8 with a BOM. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  assertCan(user.actor, "user.invite");
  return new Response(`\uFEFF${IMPORT_TEMPLATE}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="modello-colleghi.csv"',
    },
  });
}
