import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarFeed } from "~/domain/calendar.server";

/**
 * A person's calendar feed at a secret address (no login: calendar clients cannot log in).
 * A wrong or regenerated token is simply not found.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = (params.token ?? "").replace(/\.ics$/, "");
  const feed = await calendarFeed(token, new URL(request.url).origin);
  if (!feed)
    throw new Response("Calendario non trovato", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  return new Response(feed, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="pionieri.ics"',
      "Cache-Control": "private, max-age=900",
    },
  });
}
