import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { clearSessionCookie, endSession } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import type { PageHandle } from "~/lib/i18n";

/** The layout's logout button posts here. */
export const handle: PageHandle = { calledFromHydratedPages: true };

export async function loader() {
  return redirect("/");
}

/** Logging out is a POST (a link could be triggered by any page); the session ends in the database. */
export async function action({ context }: ActionFunctionArgs) {
  if (context.auth.sessionId) await endSession(context.auth.sessionId);
  return redirectWithFlash("/login", "login.loggedOut", undefined, {
    headers: [["Set-Cookie", clearSessionCookie()]],
    tone: "info",
  });
}
