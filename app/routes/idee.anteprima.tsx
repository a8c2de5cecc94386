import { httpError } from "~/lib/http.server";
import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { IDEA_LIMITS } from "~/domain/ideas";
import { renderWithMentions } from "~/domain/ideas.server";
import { requireUser } from "~/lib/auth.server";
import { field } from "~/lib/forms";

/** The live preview of Markdown being written (with JavaScript; the form's button does the same without). */
export async function action({ request, context }: ActionFunctionArgs) {
  requireUser(context, request);
  const body = field(await request.formData(), "body").slice(0, IDEA_LIMITS.body);
  return json({ html: (await renderWithMentions(body)).html });
}

export async function loader() {
  httpError(404);
}
