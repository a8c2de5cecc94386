import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import BetterSqlite3 from "better-sqlite3";
import { PrismaClient, type Prisma } from "~/generated/prisma/client";
import { env } from "./env.server";
import { errorResponse } from "./error-response";
import { countStatement } from "./sql-count.server";

/** Milliseconds a statement waits for another writer before SQLite gives up (SQLITE_BUSY). */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * The pragmas every connection runs with. WAL lets readers go on while one writer writes;
 * synchronous=NORMAL is durable in WAL mode except for the last transactions on power loss
 * (never corrupting); foreign keys are off by default in SQLite.
 */
export const PRAGMAS = {
  journal_mode: "wal",
  foreign_keys: 1,
  busy_timeout: BUSY_TIMEOUT_MS,
  synchronous: 1, // NORMAL
} as const;

function filePath(url: string) {
  return url.replace(/^file:/, "");
}

/**
 * A Prisma client on a SQLite file. `own`: the app's own client (db below), whose connection
 * `contentVersion` and `writeNow` use; tests and scripts make others.
 */
export function createClient(url: string, { own = false }: { own?: boolean } = {}) {
  const file = filePath(url);
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const adapter = new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS });
  onConnect(adapter, own);
  // The extension changes no method's shape: keep the plain client type for the domain code.
  const client = new PrismaClient({ adapter }).$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        try {
          const result = await query(args);
          if (model !== "Session" && WRITES.test(operation)) ownWrites += 1;
          return result;
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
      } finally {
        // Writes inside a transaction were counted before COMMIT: a value computed meanwhile
        // (from the last committed state) must not outlive the commit, so count once more.
        ownWrites += 1;
      }
    },
  });
  return client as unknown as PrismaClient;
}

/**
 * SQLite could not write: another writer held the lock past busy_timeout (SQLITE_BUSY, which
 * the adapter reports as a time-out) or the disk is full (SQLITE_FULL, or SQLITE_IOERR_* when the
 * WAL files cannot grow). Both are answered 503
 * with an Italian message by the page's error boundary, instead of a 500; nothing is half-written
 * because the statement (or its transaction) was rolled back by SQLite.
 */
function unavailable(error: unknown): Response | null {
  const text = describe(error);
  // A full disk shows as SQLITE_FULL, or as an I/O error when the WAL index cannot grow.
  if (/SQLITE_FULL|SQLITE_IOERR|database or disk is full|disk I\/O error/i.test(text)) {
    console.error(
      `Spazio su disco esaurito o errore di scrittura (${/SQLITE_\w+/.exec(text)?.[0] ?? "I/O"}): le scritture sono rifiutate con 503.`,
    );
    return errorResponse(503, "error.full", undefined, { "Retry-After": "300" });
  }
  if (/SQLITE_BUSY|database is locked|SocketTimeout|P1008/i.test(text)) {
    console.error(`Database occupato oltre ${BUSY_TIMEOUT_MS} ms (SQLITE_BUSY): risposta 503.`);
    return errorResponse(503, "error.busy", undefined, { "Retry-After": "5" });
  }
  return null;
}

function describe(error: unknown, depth = 0): string {
  if (!error || typeof error !== "object" || depth > 4) return String(error);
  const e = error as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown; meta?: unknown };
  return [e.name, e.code, e.message, JSON.stringify(e.meta ?? null), e.cause ? describe(e.cause, depth + 1) : ""].join(
    " ",
  );
}

type Prepares = { client: BetterSqlite3.Database };

/** Operations that write; session sliding is left out on purpose (it changes no content). */
const WRITES =
  /^(create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany|\$executeRaw|\$executeRawUnsafe)$/;
let ownWrites = 0;
let writerConnection: Prepares["client"] | null = null;

/**
 * The driver's own connection, when Prisma opens it: kept for `contentVersion`, and in
 * benchmark mode every statement it prepares is counted for the current request.
 */
function onConnect(factory: PrismaBetterSQLite3, own: boolean) {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const { client } = adapter as unknown as Prepares;
    if (own) writerConnection = client;
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

/**
 * Changes when content changes: our own writes (counted as they happen, sessions aside) and
 * commits by anyone else (SQLite's data_version on the app's own connection moves only for
 * other connections: a script, a restore, a test).
 */
function contentVersion() {
  const others = writerConnection ? Number(writerConnection.pragma("data_version", { simple: true })) : -1;
  return `${others}:${ownWrites}`;
}

/** What a `writeNow` write can do: run a statement, read one row (queries written with Prisma.sql). */
export type Writer = {
  run(query: Prisma.Sql): number;
  get<T>(query: Prisma.Sql): T | undefined;
};

/**
 * A small write straight on the app's own connection, as one synchronous transaction: BEGIN
 * IMMEDIATE to COMMIT within one turn of the event loop, so no other request's statement can
 * slip in between. For the hottest small writes (a support), where Prisma's per-query cost was
 * most of the request (docs/decisions/0010-speed-benchmark.md). When the connection is inside
 * one of Prisma's interactive transactions (which await between statements), it answers null and
 * the caller takes the Prisma path: a write of ours must never join someone else's transaction.
 */
export function writeNow<T>(write: (sql: Writer) => T): T | null {
  const connection = writerConnection;
  if (!connection || connection.inTransaction) return null;
  const writer: Writer = {
    run: (query) => connection.prepare(query.sql).run(...query.values.map(toSqlite)).changes,
    // The adapter reads integers as BigInt on this connection; our values are small numbers.
    get: <R>(query: Prisma.Sql) =>
      connection
        .prepare(query.sql)
        .safeIntegers(false)
        .get(...query.values.map(toSqlite)) as R | undefined,
  };
  try {
    const result = connection.transaction(() => write(writer)).immediate();
    ownWrites += 1;
    return result;
  } catch (error) {
    throw unavailable(error) ?? error;
  }
}

export type Db = ReturnType<typeof createClient>;

/** Applies PRAGMAS; the adapter keeps a single connection, so once is enough. */
export async function applyPragmas(client: Db) {
  // journal_mode answers with a row, so every pragma goes through $queryRawUnsafe.
  await client.$queryRawUnsafe(`PRAGMA journal_mode = ${PRAGMAS.journal_mode}`);
  await client.$queryRawUnsafe(`PRAGMA foreign_keys = ${PRAGMAS.foreign_keys}`);
  await client.$queryRawUnsafe(`PRAGMA busy_timeout = ${PRAGMAS.busy_timeout}`);
  await client.$queryRawUnsafe(`PRAGMA synchronous = ${PRAGMAS.synchronous}`);
}

/**
 * The read path of hot pages: a second, read-only connection to the same file with its
 * statements prepared once. Prisma's per-query cost (query compiler, row mapping, a fresh
 * `prepare` for every statement) is several times the cost of these queries in SQLite itself,
 * so the pages everyone opens read here (docs/decisions/0010-speed-benchmark.md). Writes stay
 * with Prisma, inside its transactions. In WAL mode a reader sees the last committed state and
 * never waits for the writer.
 */
export class Reader {
  readonly #sqlite: BetterSqlite3.Database;
  readonly #statements = new Map<string, BetterSqlite3.Statement>();
  constructor(url: string) {
    this.#sqlite = new BetterSqlite3(filePath(url), { readonly: true, fileMustExist: true });
    this.#sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }

  #statement(sql: string) {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#sqlite.prepare(sql);
      this.#statements.set(sql, statement);
    }
    countStatement();
    return statement;
  }

  /** All rows of a query written with Prisma.sql (the same placeholders and values as $queryRaw). */
  all<T>(query: Prisma.Sql): T[] {
    return this.#statement(query.sql).all(...query.values.map(toSqlite)) as T[];
  }

  get<T>(query: Prisma.Sql): T | undefined {
    return this.#statement(query.sql).get(...query.values.map(toSqlite)) as T | undefined;
  }

  close() {
    this.#sqlite.close();
  }
}

const memo = new Map<string, { version: string; value: Promise<unknown> }>();

/**
 * A value computed from the database, kept until its content changes (any write of ours but a
 * session's, any commit by another process): for aggregates that are costly to compute and
 * read far more often than written.
 */
export function whileUnchanged<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const version = contentVersion();
  const hit = memo.get(key);
  if (hit && hit.version === version) return hit.value as Promise<T>;
  const value = compute();
  memo.set(key, { version, value });
  value.catch(() => memo.delete(key));
  return value;
}

/** Values as the Prisma adapter stores them: dates as ISO text with "+00:00", booleans as 0/1. */
function toSqlite(value: unknown) {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** A stored date (ISO text) back to a Date. */
export function storedDate(value: unknown): Date {
  return new Date(String(value));
}

declare global {
  // Survives module reloads in development so that one connection stays open.
  var __pionieriDb: { client: Db; ready: Promise<void>; reader?: Reader } | undefined;
}

function init(): { client: Db; ready: Promise<void>; reader?: Reader } {
  const client = createClient(env.databaseUrl, { own: true });
  return { client, ready: applyPragmas(client) };
}

const holder = (globalThis.__pionieriDb ??= init());

/** The application's Prisma client. Await `dbReady` before serving. */
export const db: Db = holder.client;
export const dbReady: Promise<void> = holder.ready;

/** The read-only connection (opened on first use, once the file exists and is migrated). */
export function reader(): Reader {
  return (holder.reader ??= new Reader(env.databaseUrl));
}
