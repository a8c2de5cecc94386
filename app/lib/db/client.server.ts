import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { env } from "../env.server";
import { errorResponse } from "../error-response";
import { countStatement } from "../request-context.server";
import { BUSY_TIMEOUT_MS, databaseFile, PRAGMAS } from "./sqlite.server";
import { countBusy } from "../metrics.server";
import { log } from "../log.server";

/**
 * The Prisma client: how the app writes, and reads wherever speed has not been measured to need
 * more (docs/decisions/0013-database-access.md). Errors SQLite gives when it cannot write become
 * 503 answers here, once for every query.
 */

let ownConnection: BetterSqlite3.Database | null = null;

/** The app's own SQLite connection, the one Prisma writes with (null until Prisma opens it). */
export function writerConnection() {
  return ownConnection;
}

/** SQLite's own default: a commit that leaves the WAL past this many pages checkpoints it. */
const AUTOCHECKPOINT_PAGES = 1000;

/**
 * Whether the app's connection checkpoints the WAL after its commits, as SQLite does by default.
 * Off while the background worker runs: it checkpoints instead (app/background-worker.ts). A
 * checkpoint copies back every page written since the last one, the worker's thousands of notice
 * rows included, and on this connection that was the pages' event loop blocked for the copy and
 * its fsyncs in the middle of a request (decision 0040).
 */
export function checkpointAfterCommits(on: boolean) {
  ownConnection?.pragma(`wal_autocheckpoint = ${on ? AUTOCHECKPOINT_PAGES : 0}`);
}

/**
 * A Prisma client on a SQLite file. `own`: the app's own client (db below), whose connection
 * `writeNow` uses; tests and scripts make others.
 */
export function createClient(url: string, { own = false }: { own?: boolean } = {}) {
  const file = databaseFile(url);
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const adapter = new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS });
  onConnect(adapter, own);
  // The extension changes no method's shape: keep the plain client type for the domain code.
  const client = new PrismaClient({ adapter }).$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw unavailable(error) ?? error;
        }
      },
    },
  });
  // A transaction can also fail outside any one operation (at COMMIT): the same answer there.
  const transaction = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  Object.assign(client, {
    async $transaction(...args: unknown[]) {
      try {
        return await transaction(...args);
      } catch (error) {
        throw unavailable(error) ?? error;
      }
    },
  });
  return client as unknown as PrismaClient;
}

/**
 * SQLite could not write: another writer held the lock past busy_timeout (SQLITE_BUSY, which
 * the adapter reports as a time-out) or the disk is full (SQLITE_FULL, or SQLITE_IOERR_* when the
 * WAL files cannot grow). Both are answered 503 with an Italian message by the page's error
 * boundary, instead of a 500; nothing is half-written because the statement (or its transaction)
 * was rolled back by SQLite.
 */
export function unavailable(error: unknown): Response | null {
  const text = describe(error);
  if (/SQLITE_FULL|SQLITE_IOERR|database or disk is full|disk I\/O error/i.test(text)) {
    const code = /SQLITE_\w+/.exec(text)?.[0] ?? "I/O";
    log.error(
      { code },
      `Spazio su disco esaurito o errore di scrittura (${code}): le scritture sono rifiutate con 503.`,
    );
    return errorResponse(503, "error.full", undefined, { "Retry-After": "300" });
  }
  if (/SQLITE_BUSY|database is locked|SocketTimeout|P1008/i.test(text)) {
    log.warn(`Database occupato oltre ${BUSY_TIMEOUT_MS} ms (SQLITE_BUSY): risposta 503.`);
    countBusy();
    return errorResponse(503, "error.busy", undefined, { "Retry-After": "5" });
  }
  return null;
}

function describe(error: unknown, depth = 0): string {
  if (!error || typeof error !== "object" || depth > 4) return String(error);
  const e = error as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown; meta?: unknown };
  const cause = e.cause ? describe(e.cause, depth + 1) : "";
  return [e.name, e.code, e.message, JSON.stringify(e.meta ?? null), cause].join(" ");
}

/**
 * The driver's own connection, when Prisma opens it: kept for `writeNow`,
 * and in benchmark mode every statement it prepares is counted for the current request.
 * Its transactions begin IMMEDIATE (patches/@prisma+adapter-better-sqlite3…): with the background
 * worker writing on its own connection, a transaction that read first and wrote later would fail
 * at its first write (SQLITE_BUSY_SNAPSHOT, which no busy timeout waits out).
 */
function onConnect(factory: PrismaBetterSQLite3, own: boolean) {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const { client } = adapter as unknown as { client: BetterSqlite3.Database };
    if (own) ownConnection = client;
    if (env.bench) {
      const prepare = client.prepare.bind(client);
      client.prepare = ((sql: string) => {
        countStatement();
        return prepare(sql);
      }) as typeof client.prepare;
    }
    return adapter;
  };
}

export type Db = ReturnType<typeof createClient>;

/** Applies PRAGMAS; the adapter keeps a single connection, so once is enough. */
export async function applyPragmas(client: Db) {
  // journal_mode answers with a row, so every pragma goes through $queryRawUnsafe.
  for (const [name, value] of Object.entries(PRAGMAS)) await client.$queryRawUnsafe(`PRAGMA ${name} = ${value}`);
}

declare global {
  // Survives module reloads in development so that one connection stays open.
  var __pionieriDb: { client: Db; ready: Promise<void> } | undefined;
}

const holder = (globalThis.__pionieriDb ??= (() => {
  const client = createClient(env.databaseUrl, { own: true });
  return { client, ready: applyPragmas(client) };
})());

/** The application's Prisma client. Await `dbReady` before serving. */
export const db: Db = holder.client;
export const dbReady: Promise<void> = holder.ready;
