import pino from "pino";
import { env } from "./env.server";
import { requestId } from "./request-context.server";

/**
 * One JSON object per line on standard output (pino), for the IT office's log collector: time
 * (ISO), level by name, message in Italian, the request's id when the line was written on behalf
 * of a request, and an `err` with type, message and stack for errors (issue 24, decision 0026).
 *
 * What never reaches a line: passwords, tokens (invitation, reset, calendar, feed, API), session
 * ids and cookies. Request lines carry the path with its secret part masked and never the query
 * string or the headers; the fields below are censored wherever a caller passes them by mistake.
 */
export const log = pino({
  level: env.logLevel,
  base: { pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  mixin() {
    const id = requestId();
    return id ? { reqId: id } : {};
  },
  redact: {
    paths: [
      "password",
      "*.password",
      "token",
      "*.token",
      "secret",
      "*.secret",
      "cookie",
      "*.cookie",
      "authorization",
      "*.authorization",
      "headers",
      "*.headers",
    ],
    censor: "[nascosto]",
  },
});

/** A path as it may be logged: the secret segment of a tokened link masked, no query string. */
export function loggablePath(path: string) {
  return path.replace(/\?.*$/, "").replace(/^\/(invito|calendario|q|chiosco)\/[^/]+/, "/$1/[token]");
}
