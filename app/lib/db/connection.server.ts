import BetterSqlite3 from "better-sqlite3";
import { databaseFile, PRAGMAS, toSqlite } from "./sqlite.server";

/**
 * A connection of its own, for work outside the requests: the background worker (the notices'
 * fan-out and the mail), a thread with no share of the server's connections. It loads no Prisma
 * (a worker pays for what it loads); its statements are plain SQL with `?` parameters, prepared
 * once.
 */
export type Connection = {
  get<T>(sql: string, ...params: unknown[]): T | undefined;
  all<T>(sql: string, ...params: unknown[]): T[];
  /** Runs a statement; how many rows it changed. */
  run(sql: string, ...params: unknown[]): number;
  /**
   * Runs `work` in a transaction that takes the write lock at its start (BEGIN IMMEDIATE): it
   * waits for another writer there, never fails later on a snapshot another writer made stale.
   */
  immediate<T>(work: () => T): T;
  /**
   * Copies what the WAL holds back into the database file, as far as no reader still needs it,
   * without waiting for any lock (a passive checkpoint). When the WAL is still longer than
   * `restartPast` pages, a second checkpoint waits for the writer and the readers of older
   * snapshots, so that the next write starts the WAL again from its beginning: under a stream of
   * writes from other connections a passive one never catches up with the end (decision 0040).
   * How many pages the WAL held.
   */
  checkpoint(restartPast: number): number;
  /** Gives back the pages the connection's cache holds (SQLite's `shrink_memory`). */
  releaseCache(): void;
  close(): void;
};

/** Opens a writable connection to the database with the pragmas every connection has. */
export function openConnection(url: string): Connection {
  const sqlite = new BetterSqlite3(databaseFile(url), { fileMustExist: true });
  for (const [name, value] of Object.entries(PRAGMAS)) sqlite.pragma(`${name} = ${value}`);
  const statements = new Map<string, BetterSqlite3.Statement>();
  const statement = (sql: string) => {
    let prepared = statements.get(sql);
    if (!prepared) statements.set(sql, (prepared = sqlite.prepare(sql)));
    return prepared;
  };
  return {
    get: <T>(sql: string, ...params: unknown[]) => statement(sql).get(...params.map(toSqlite)) as T | undefined,
    all: <T>(sql: string, ...params: unknown[]) => statement(sql).all(...params.map(toSqlite)) as T[],
    run: (sql, ...params) => statement(sql).run(...params.map(toSqlite)).changes,
    immediate: (work) => sqlite.transaction(work).immediate(),
    checkpoint(restartPast) {
      const [passive] = sqlite.pragma("wal_checkpoint(PASSIVE)") as { log: number }[];
      if (passive && passive.log > restartPast) sqlite.pragma("wal_checkpoint(RESTART)");
      return Math.max(0, passive?.log ?? 0);
    },
    releaseCache: () => void sqlite.pragma("shrink_memory"),
    close: () => sqlite.close(),
  };
}

let lockProbe: BetterSqlite3.Database | null = null;

/**
 * Whether a write could start now (the readiness probe): the write lock taken and given back,
 * BEGIN IMMEDIATE then ROLLBACK, on a connection of its own that waits at most `waitMs` for
 * another writer, so that a probe never holds the server's loop as long as a request may wait.
 * Throws when the lock cannot be had (busy past `waitMs`, a read-only file).
 */
export function takeWriteLock(url: string, waitMs: number) {
  lockProbe ??= new BetterSqlite3(databaseFile(url), { fileMustExist: true, timeout: waitMs });
  lockProbe.exec("BEGIN IMMEDIATE");
  lockProbe.exec("ROLLBACK");
}
