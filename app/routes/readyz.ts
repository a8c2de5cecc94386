import { readiness } from "~/domain/readiness.server";

/**
 * Whether this server can serve (issue 24): 200 when every configured dependency answers, 503 with
 * the ones that failed otherwise. Unauthenticated, no personal data, no configuration values;
 * an answer serves the probes of the next two seconds (app/domain/readiness.server.ts).
 */
export async function loader() {
  const { ready, checks } = await readiness();
  return Response.json(
    { status: ready ? "ready" : "not ready", checks },
    { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
