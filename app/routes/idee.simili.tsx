import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { similarIdeas } from "~/domain/idea-list.server";
import { requireUser } from "~/lib/auth.server";
import type { PageHandle } from "~/lib/i18n";

/** The idea form's fetcher asks here. */
export const handle: PageHandle = { calledFromHydratedPages: true };

/** Existing ideas like the title being typed (the new-idea form asks while one types). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(context, request);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 200);
  const exclude = Number.parseInt(url.searchParams.get("escludi") ?? "", 10);
  return json({ ideas: await similarIdeas(q, Number.isSafeInteger(exclude) ? exclude : undefined) });
}
