import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { logOptions } from "~/lib/log.server";

/** The server's logger, as configured, writing to lines we can read. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino(logOptions, stream), lines };
}

describe("the log", () => {
  it("logs a write refused with its 503 response by the status, and goes on", () => {
    const { logger, lines } = capture();
    const refused = new Response(null, { status: 503, headers: { "Retry-After": "5" } });
    expect(() => logger.error({ err: refused }, "Webhook: avvio non riuscito")).not.toThrow();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "error", msg: "Webhook: avvio non riuscito" });
    expect(lines[0]!.err).toEqual({ type: "Response", status: 503 });
  });

  it("still writes an error's type, message and stack, and censors headers and secrets passed by mistake", () => {
    const { logger, lines } = capture();
    logger.error(
      { err: new TypeError("guasto"), request: { headers: { cookie: "pionieri_session=abc" } }, token: "t0k3n" },
      "Errore",
    );
    const line = lines[0]!;
    expect(line.err).toMatchObject({ type: "TypeError", message: "guasto" });
    expect(String((line.err as { stack: string }).stack)).toContain("TypeError: guasto");
    expect(line.request).toEqual({ headers: "[nascosto]" });
    expect(line.token).toBe("[nascosto]");
    expect(JSON.stringify(line)).not.toContain("abc");
  });
});
