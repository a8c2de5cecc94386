/**
 * The HTTP server: Express in front of Remix, compiled with the app into build/index.js
 * (remix.config.js `server`). It does what must happen before any loader or action runs:
 * the Origin check against CSRF, security headers, the session lookup (once per request),
 * compression and long-lived caching of fingerprinted files. docs/decisions/0003-express-server.md
 */
import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { createRequestHandler } from "@remix-run/express";
import * as build from "@remix-run/dev/server-build";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { API_PREFIX } from "./api/v1.server";
import { ATTACHMENT_LIMITS, MAX_FILE_BYTES } from "./domain/attachments.server";
import { startDirectoryCheck } from "./domain/directory.server";
import { startMailer, stopMailer } from "./domain/mailer.server";
import { stopWorker } from "./domain/worker.server";
import { startWebhookSender, stopWebhookSender } from "./domain/webhooks.server";
import { IMPORT_MAX_BYTES, resumeImports } from "./domain/user-import.server";
import { resolveSession } from "./lib/auth.server";
import type { PionieriContext } from "./lib/context";
import { dbReady } from "./lib/db/client.server";
import { clearTmp } from "./lib/files.server";
import { env } from "./lib/env.server";
import { DEMO_ACCOUNTS_NOTE } from "./lib/demo";
import { observeRequest } from "./lib/metrics.server";
import { restoreRateLimits } from "./lib/rate-limit.server";
import { log, loggablePath } from "./lib/log.server";
import { startMemoryTrim } from "./lib/memory.server";
import { inRequest, statementsSoFar } from "./lib/request-context.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
export const MAX_BODY_BYTES = 1024 * 1024;

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", env.trustProxy);

// Every request gets an id (a proxy's X-Request-Id is kept when it looks like one): in its log
// lines, its audit entries and its response's header, so an error a colleague reports can be
// found (issue 24).
app.use((req, res, next) => {
  inRequest(req.get("x-request-id"), (id) => {
    res.setHeader("X-Request-Id", id);
    next();
  });
});

app.use((req, res, next) => {
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "style-src-attr 'unsafe-inline'",
      "img-src 'self'",
      "font-src 'self'",
      "connect-src 'self'",
      "form-action 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  next();
});

// Every request but the fingerprinted files, by route pattern and status (/metrics, decision 0025).
app.use((req, res, next) => {
  if (req.path.startsWith("/build/") || req.path.startsWith("/fonts/")) return next();
  const started = process.hrtime.bigint();
  res.on("finish", () =>
    observeRequest(req.method, req.path, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9),
  );
  next();
});

if (env.logRequests) {
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // The path only: no query string, no headers; tokened links masked.
      const path = loggablePath(req.path);
      log.info(
        { method: req.method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10 },
        `${req.method} ${path} ${res.statusCode}`,
      );
    });
    next();
  });
}

if (env.bench) {
  // `npm run bench`: each response says how many SQL statements its request ran.
  app.use((_req, res, next) => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, ...args: Parameters<typeof writeHead>) {
      this.setHeader("X-Sql-Statements", String(statementsSoFar()));
      return writeHead.apply(this, args);
    } as typeof writeHead;
    next();
  });
}

// Level 4: most of level 6's savings on HTML for about half the CPU (decision 0016).
app.use(compression({ level: 4 }));

// Fingerprinted by the build: cache for a year, never revalidate.
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y", index: false }));
app.use("/fonts", express.static("public/fonts", { immutable: true, maxAge: "1y", index: false }));
// The other public files, asked for by name: pages do not pay for a failed file lookup.
app.use("/icons", express.static("public/icons", { maxAge: "1h", index: false }));
app.get("/favicon.svg", (_req, res) => res.sendFile("favicon.svg", { root: "public", maxAge: "1h" }));

const API_CODES: Record<number, string> = {
  400: "bad_request",
  403: "forbidden",
  413: "payload_too_large",
  500: "internal_error",
};

function refuse(res: Response, status: number, title: string, message: string) {
  // The API answers in JSON, as its clients expect (decision 0027).
  if (res.req.path.startsWith(`${API_PREFIX}/`))
    return void res
      .status(status)
      .type("json")
      .set("Cache-Control", "no-store")
      .send(JSON.stringify({ error: { code: API_CODES[status] ?? "bad_request", message } }));
  res
    .status(status)
    .type("html")
    .send(
      `<!doctype html><html lang="it"><head><meta charset="utf-8"><meta ` +
        `name="viewport" content="width=device-width,initial-scale=1"><title>${title} ` +
        `· Pionieri</title></head>` +
        `<body><main><h1>${title}</h1><p>${message}</p><p><a href="/">Torna ` +
        `alla home di Pionieri</a></p></main></body></html>`,
    );
}

/** CSRF: a write must come from one of our own pages. Browsers send Origin on every POST. */
function sameOrigin(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method)) return next();
  // A mail client's one-click unsubscribe (RFC 8058) posts from elsewhere: its signed link is the
  // authority, and all it can do is stop one kind of e-mail (routes/disiscrizione.tsx).
  if (req.path === "/disiscrizione") return next();
  // The API authenticates with a token in a header, never with the session cookie: a page of
  // another site cannot make a browser send it (decision 0027).
  if (req.path.startsWith(`${API_PREFIX}/`)) return next();
  const origin = req.get("origin");
  const own = `${req.protocol}://${req.get("host")}`;
  if (!origin || (origin !== own && !env.trustedOrigins.includes(origin))) {
    return refuse(
      res,
      403,
      "Richiesta rifiutata",
      "La richiesta proviene da un'origine non riconosciuta ed è stata bloccata per sicurezza.",
    );
  }
  next();
}

/**
 * Pages that take a file accept a larger body: the file's own limit (which the page states and
 * checks, answering in the page) plus room for the form around it.
 */
const FILE_BODY_LIMITS: [RegExp, number][] = [
  [/^\/admin\/utenti\/importa$/, IMPORT_MAX_BYTES + 1024 * 1024],
  [
    /^\/(idee\/(\d+|nuova)|obiettivi\/\d+|gruppi\/[^/]+\/documenti)$/,
    ATTACHMENT_LIMITS.perPage * MAX_FILE_BYTES + 1024 * 1024,
  ],
];

function bodyLimit(req: Request, res: Response, next: NextFunction) {
  const length = Number(req.get("content-length") ?? 0);
  const fileLimit = (req.get("content-type") ?? "").startsWith("multipart/form-data")
    ? FILE_BODY_LIMITS.find(([path]) => path.test(req.path))?.[1]
    : undefined;
  if (length > (fileLimit ?? MAX_BODY_BYTES)) {
    // Refused before any of it is read: that connection cannot carry another request, so the
    // browser is told to open a new one.
    res.setHeader("Connection", "close");
    return refuse(
      res,
      413,
      "Contenuto troppo grande",
      fileLimit
        ? `Il file inviato supera il limite di ${Math.floor(fileLimit / (1024 * 1024))} MB.`
        : "Il testo inviato supera il limite di 1 MB. Accorcialo e riprova.",
    );
  }
  // A page may answer before reading its file (the policy refuses the person, a file past its own
  // limit): the rest, within the limit, is read away, so the browser gets the answer instead of a
  // connection cut while it still sends (it cannot read an answer before it has sent it all).
  if (fileLimit && req.method === "POST") res.once("finish", () => readAway(req, fileLimit));
  next();
}

/** Reads and drops what is left of a request's body; a body past `limit` closes the connection. */
function readAway(req: Request, limit: number) {
  if (req.complete || req.destroyed) return;
  let read = 0;
  // Whoever was reading it (the page's stream, paused when its reader stopped) no longer is.
  req.removeAllListeners("data");
  req.on("data", (chunk: Buffer) => {
    read += chunk.length;
    if (read > limit) req.socket.destroy();
  });
  req.resume();
}

app.use(sameOrigin, bodyLimit);

app.all(
  "*",
  createRequestHandler({
    build,
    mode: build.mode,
    async getLoadContext(req, res): Promise<PionieriContext> {
      // The API's person comes from its token (api/v1.server.ts): no session is read there.
      const { auth, setCookie } = req.path.startsWith(`${API_PREFIX}/`)
        ? { auth: { user: null, sessionId: null } as const, setCookie: undefined }
        : await resolveSession(req.get("cookie"));
      if (setCookie) res.append("Set-Cookie", setCookie);
      return { auth, clientIp: req.ip ?? "unknown", cspNonce: String(res.locals.cspNonce) };
    },
  }),
);

// What Express itself refuses before any route runs (an address whose %-escapes do not decode, a
// body that does not arrive whole): the same plain Italian page as above, never Express's English
// one with its stack trace on stderr.
app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
  if (res.headersSent) return next(error);
  const status = (error as { status?: number }).status ?? 500;
  if (status >= 400 && status < 500)
    return refuse(res, status, "Richiesta non valida", "L'indirizzo o il contenuto della richiesta non è valido.");
  log.error({ err: error, method: req.method, path: loggablePath(req.path) }, `Errore su ${req.method}`);
  refuse(res, 500, "Errore imprevisto", "Si è verificato un errore imprevisto: è stato registrato. Riprova più tardi.");
});

await dbReady;
// The limits' windows still open when the server last stopped (issue 24).
await restoreRateLimits();
// Uploads half-received when the server last stopped.
await clearTmp();
// While this file exists (with a live pid), `npm run db:restore` refuses to replace the database.
const pidFile = `${env.databaseUrl.replace(/^file:/, "")}.pid`;
writeFileSync(pidFile, String(process.pid));
process.once("exit", () => rmSync(pidFile, { force: true }));
const server = app.listen(env.port, env.host, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.port;
  log.info({ port }, `Pionieri è in ascolto su http://localhost:${port}`);
  // For the person trying the demo, as text: never a production log.
  if (env.demo) process.stdout.write(`${DEMO_ACCOUNTS_NOTE}\n`);
  // Links in e-mails start with APP_ORIGIN; without it, with the address this server answers on.
  const host = env.host === "0.0.0.0" || env.host === "::" ? "localhost" : env.host;
  // An import a stop or a kill left half done goes on (issue 24).
  resumeImports().catch((error: unknown) => log.error({ err: error }, "Importazione: ripresa non riuscita"));
  startMailer(`http://${host}:${port}`);
  startWebhookSender().catch((error: unknown) => log.error({ err: error }, "Webhook: avvio non riuscito"));
  startDirectoryCheck();
  // What upload bursts and compilations leave in glibc's heap goes back to the system (0038).
  startMemoryTrim().catch((error: unknown) => log.error({ err: error }, "malloc_trim: avvio non riuscito"));
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  // The notices of the last moments reach their people, and the e-mail being delivered finishes:
  // a row left half-sent is not sent again blindly.
  process.once(
    signal,
    () =>
      void Promise.all([stopMailer(), stopWebhookSender()])
        .then(stopWorker)
        .finally(() => server.close(() => process.exit(0))),
  );
}
