import BetterSqlite3 from "better-sqlite3";
import type { Prisma } from "~/generated/prisma/client";
import { env } from "../env.server";
import { countStatement } from "../request-context.server";
import { unavailable, writerConnection } from "./client.server";
import { BUSY_TIMEOUT_MS, databaseFile, toSqlite } from "./sqlite.server";

/**
 * A statement's text with each parameter written `+?`: the same value, but one the query planner
 * cannot look at when it compiles the statement.
 *
 * A bare `?` lets SQLite (3.54, as better-sqlite3 builds it, with STAT4) plan for the value bound
 * at each run. It then compiles the statement again at every run, as if the schema had changed:
 * - for a parameter compared with an indexed column that ANALYZE sampled (sqlite_stat4);
 * - for a join that compares a column with a parameter, with or without statistics.
 *
 * On our short queries the new compilation cost more than the query itself. The session's
 * statement took 119 µs a run instead of 5, and home's activity 132 instead of 42. The plans are
 * the ones the statistics give for an average value, and the rows are the same.
 * (docs/decisions/0043-statements-compiled-once.md)
 */
function planned(query: Prisma.Sql): string {
  return query.strings.join("+?");
}

/**
 * The fast path: SQL written by hand on plain SQLite connections, for the few hot paths where
 * Prisma's per-query cost (query compiler, row mapping, a fresh `prepare` per statement) was
 * measured to be most of a request. Only the modules that docs/decisions/0013-database-access.md
 * names may import this file (the linter holds them to it); everything else uses Prisma.
 */

/** Fields of a row type that SQLite returns as ISO text (dates) or 0/1 (booleans). */
type DateKeys<T> = { [K in keyof T]-?: Exclude<T[K], null | undefined> extends Date ? K : never }[keyof T];
type BooleanKeys<T> = { [K in keyof T]-?: Exclude<T[K], null | undefined> extends boolean ? K : never }[keyof T];

/**
 * The row mapper's instructions, checked against the row type: every Date field must be named
 * "date" and every boolean field "boolean", so a row never reaches the app with a date as text.
 */
type Columns<T> = { [K in DateKeys<T>]: "date" } & { [K in BooleanKeys<T>]: "boolean" };
type ColumnArgs<T> = [DateKeys<T> | BooleanKeys<T>] extends [never] ? [] : [columns: Columns<T>];

function mapRow<T>(row: Record<string, unknown>, columns: Record<string, "date" | "boolean"> | undefined): T {
  if (columns) {
    for (const [name, kind] of Object.entries(columns)) {
      const value = row[name];
      if (value === null || value === undefined) continue;
      row[name] = kind === "date" ? new Date(String(value)) : Number(value) === 1;
    }
  }
  return row as T;
}

/**
 * The read connection's cache while a scan runs (`afterScan`), in KiB. A scan reads each page
 * once, so a larger cache only holds what it will not read again, and SQLite sizes a sort's
 * memory from the cache too: the board's figures rose the server by 42 MB with the cache at its
 * usual 16 MB (docs/decisions/0044-small-cache-while-scanning.md).
 */
const SCAN_CACHE_KIB = 2048;

/**
 * A second, read-only connection to the same file with its statements prepared once. In WAL mode
 * a reader sees the last committed state and never waits for the writer.
 */
class Reader {
  readonly #sqlite: BetterSqlite3.Database;
  readonly #statements = new Map<string, BetterSqlite3.Statement>();
  readonly #version: BetterSqlite3.Statement;
  constructor(url: string) {
    this.#sqlite = new BetterSqlite3(databaseFile(url), { readonly: true, fileMustExist: true });
    this.#sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    this.#cacheSize = this.#sqlite.pragma("cache_size", { simple: true }) as number;
    this.#version = this.#sqlite.prepare(`SELECT "n" FROM "ContentVersion" WHERE "id" = 1`).pluck();
  }

  /**
   * The content version as committed (the migration's triggers raise it at every write to a
   * table a cached page shows, from any connection). Read here, not on the writer's connection,
   * which inside an open transaction would see a version not yet committed. Not counted among a
   * request's statements: it is the caches' own bookkeeping, a read of one row.
   */
  version(): number {
    return this.#version.get() as number;
  }

  /**
   * Gives back every page this connection's cache holds (SQLite's `shrink_memory`), after a
   * computation that reads whole tables once per version of its data (a results page's figures,
   * the board's). Those pages would otherwise fill the cache to its 16 MB and stay in the server's
   * memory, though no request reads them again before the next such computation; the few pages
   * every request reads come back from the operating system's cache in microseconds
   * (docs/decisions/0042-read-cache-given-back-after-scans.md).
   */
  releaseCache(): void {
    this.#sqlite.pragma("shrink_memory");
  }

  /** Scans under way (`afterScan`): while there is one, the cache is held to SCAN_CACHE_KIB. */
  #scans = 0;
  /** The cache's size as the connection opened (better-sqlite3's build: 16 MB), given back after. */
  readonly #cacheSize: number;

  /**
   * A scan starts: the cache (and the sorters' memory, which SQLite sizes from it) is held small
   * until the last scan under way ends, when the cache's size is restored and its pages given back.
   */
  beginScan(): void {
    if (this.#scans++ === 0) this.#sqlite.pragma(`cache_size = -${SCAN_CACHE_KIB}`);
  }

  endScan(): void {
    if (--this.#scans > 0) return;
    this.#sqlite.pragma(`cache_size = ${this.#cacheSize}`);
    this.releaseCache();
  }

  /** The query's statement, prepared once per text (its parameters written as `planned` says). */
  #statement(query: Prisma.Sql) {
    const sql = planned(query);
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#sqlite.prepare(sql);
      this.#statements.set(sql, statement);
    }
    countStatement();
    return statement;
  }

  /** All rows of a query written with Prisma.sql, dates and booleans mapped as `columns` says. */
  all<T>(query: Prisma.Sql, ...[columns]: ColumnArgs<T>): T[] {
    const rows = this.#statement(query).all(...query.values.map(toSqlite)) as Record<string, unknown>[];
    return rows.map((row) => mapRow<T>(row, columns));
  }

  /**
   * Each row of a query in turn, never all of them at once: for counting over 100,000 rows
   * without holding them (no date or boolean mapping: plain columns only).
   */
  each<T>(query: Prisma.Sql, visit: (row: T) => void) {
    for (const row of this.#statement(query).iterate(...query.values.map(toSqlite))) visit(row as T);
  }

  get<T>(query: Prisma.Sql, ...[columns]: ColumnArgs<T>): T | undefined {
    const row = this.#statement(query).get(...query.values.map(toSqlite)) as Record<string, unknown> | undefined;
    return row ? mapRow<T>(row, columns) : undefined;
  }
}

let shared: Reader | undefined;

/** The read-only connection (opened on first use, once the file exists and is migrated). */
export function reader(): Reader {
  return (shared ??= new Reader(env.databaseUrl));
}

/**
 * Runs a computation that reads whole tables (once per version of its data) with the read
 * connection's cache held to SCAN_CACHE_KIB, then gives the cache back and restores its size,
 * whether it succeeded or not. Other requests' reads while it runs share the small cache: their
 * few pages come back from the operating system's file cache.
 */
export async function afterScan<T>(compute: () => T | Promise<T>): Promise<T> {
  const connection = reader();
  connection.beginScan();
  try {
    return await compute();
  } finally {
    connection.endScan();
  }
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
 * most of the request. When the connection is inside one of Prisma's interactive transactions
 * (which await between statements), it answers null and the caller takes the Prisma path: a
 * write of ours must never join someone else's transaction.
 */
export function writeNow<T>(write: (sql: Writer) => T): T | null {
  const connection = writerConnection();
  if (!connection || connection.inTransaction) return null;
  const writer: Writer = {
    run: (query) => connection.prepare(planned(query)).run(...query.values.map(toSqlite)).changes,
    // The adapter reads integers as BigInt on this connection; our values are small numbers.
    get: <R>(query: Prisma.Sql) =>
      connection
        .prepare(planned(query))
        .safeIntegers(false)
        .get(...query.values.map(toSqlite)) as R | undefined,
  };
  try {
    return connection.transaction(() => write(writer)).immediate();
  } catch (error) {
    throw unavailable(error) ?? error;
  }
}
