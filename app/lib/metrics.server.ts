import client from "prom-client";

/**
 * Prometheus metrics (issue 24, decision 0025), read at /metrics by the machine room's
 * collector: requests by route and status with their durations, Node's own figures (event-loop
 * lag, heap, RSS: prom-client's defaults), SQLite writes refused for a lock held too long, failed
 * sign-ins; the outbox's depth and the age of its oldest waiting e-mail are the outbox's own
 * (app/domain/outbox.server.ts), read when collected.
 * No label carries anything personal: routes are address patterns, never addresses.
 */
export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });

const requests = new client.Histogram({
  name: "pionieri_http_request_duration_seconds",
  help: "Durata delle richieste HTTP, per percorso (schema) e stato",
  labelNames: ["method", "route", "status"] as const,
  // From a cached page to a slow export: the budgets of tests/bench/results.md fall in between.
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

const busy = new client.Counter({
  name: "pionieri_sqlite_busy_total",
  help: "Scritture rifiutate perché un altro scrittore teneva il database oltre il busy_timeout",
  registers: [registry],
});

const signIns = new client.Counter({
  name: "pionieri_sign_in_failures_total",
  help: "Accessi non riusciti (credenziali errate) e respinti dai limiti",
  labelNames: ["reason"] as const,
  registers: [registry],
});

/**
 * An address's pattern: numbers, ids and tokens become ":id", so that a label names a page, not a
 * record or a secret (an invitation's token, a survey's QR code). Addresses nobody serves become
 * "other": a scanner trying a thousand paths makes one series, not a thousand.
 */
function routeLabel(path: string, status: number) {
  if (status === 404) return "other";
  const pattern = path
    .split("/")
    .map((segment) => (/^\d+$|^c[a-z0-9]{20,}$|^(?=.*\d)[A-Za-z0-9_-]{16,}$/.test(segment) ? ":id" : segment))
    .join("/");
  return pattern.length > 80 ? "other" : pattern;
}

export function observeRequest(method: string, path: string, status: number, seconds: number) {
  requests.observe({ method, route: routeLabel(path, status), status: String(status) }, seconds);
}

export function countBusy() {
  busy.inc();
}

export function countSignInFailure(reason: "credentials" | "throttled") {
  signIns.inc({ reason });
}
