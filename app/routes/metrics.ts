import { timingSafeEqual } from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { env } from "~/lib/env.server";
import { registry } from "~/lib/metrics.server";

/**
 * Prometheus metrics (issue 24, decision 0025): for the collector of the machine room only, by
 * a bearer token (METRICS_TOKEN) or from an address on a list (METRICS_ALLOW); not served at all
 * when neither is set. Nothing personal is in it (app/lib/metrics.server.ts).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { token, allow } = env.metrics;
  if (!token && allow.length === 0) return new Response("Not found", { status: 404 });
  const given = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  const [a, b] = [Buffer.from(given), Buffer.from(token ?? "")];
  const byToken = token !== null && a.length === b.length && timingSafeEqual(a, b);
  const byAddress = allow.includes(context.clientIp);
  if (!byToken && !byAddress) {
    return new Response("Unauthorized", {
      status: token ? 401 : 403,
      headers: token ? { "WWW-Authenticate": 'Bearer realm="metrics"' } : {},
    });
  }
  return new Response(await registry.metrics(), {
    headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" },
  });
}
