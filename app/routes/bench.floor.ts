import { httpError } from "~/lib/http.server";
import { env } from "~/lib/env.server";

/**
 * The benchmark's floor (`npm run bench`): a route served by the same server with no data and no
 * layout, so each page's throughput can be read as a share of what the framework itself allows.
 * It exists only in benchmark mode.
 */
export function loader() {
  if (!env.bench) httpError(404);
  return new Response("ok", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
