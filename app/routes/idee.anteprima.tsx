import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { previewHtml } from "~/domain/mentions.server";
import { requireUser } from "~/lib/auth.server";
import { field } from "~/lib/forms";
import { httpError } from "~/lib/http.server";
import type { PageHandle } from "~/lib/i18n";

/** The idea form's fetcher asks here. */
export const handle: PageHandle = { calledFromHydratedPages: true };

/** The live preview of Markdown being written (with JavaScript; the form's button does the same without). */
export async function action({ request, context }: ActionFunctionArgs) {
  requireUser(context, request);
  return json({ html: (await previewHtml(field(await request.formData(), "body"))) ?? "" });
}

export async function loader() {
  httpError(404);
}
