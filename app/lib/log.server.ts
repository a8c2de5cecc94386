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
export const logOptions: pino.LoggerOptions = {
  level: env.logLevel,
  base: { pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  mixin() {
    const id = requestId();
    return id ? { reqId: id } : {};
  },
  serializers: {
    // A write refused because the database is busy or full is thrown as the 503 it answers
    // (db/client.server.ts), also to the work outside requests (the webhooks' sender, the
    // imports), which log what they catch. Logged as its status: the censoring below reads
    // `headers` on a copy of what it is given, and a Response's getter then threw, which stopped
    // the process.
    err: (value: unknown) =>
      value instanceof Response ? { type: "Response", status: value.status } : pino.stdSerializers.err(value as Error),
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
};

export const log = pino(logOptions);

/** A path as it may be logged: the secret segment of a tokened link masked, no query string. */
export function loggablePath(path: string) {
  return path.replace(/\?.*$/, "").replace(/^\/(invito|calendario|q|chiosco)\/[^/]+/, "/$1/[token]");
}
