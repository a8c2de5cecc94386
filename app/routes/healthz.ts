/**
 * The process is up (issue 24): for a load balancer or systemd's watchdog, unauthenticated, no
 * database, no personal data. Whether it can serve is /readyz.
 */
export function loader() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
