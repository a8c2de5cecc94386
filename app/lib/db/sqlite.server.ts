/**
 * What every connection to the database shares, without opening one: the server's Prisma client
 * (client.server.ts), its read connection and a worker's own connection (fast.server.ts,
 * connection.server.ts) import it.
 */

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

export function databaseFile(url: string) {
  return url.replace(/^file:/, "");
}

/** Values as the Prisma adapter stores them: dates as ISO text with "+00:00", booleans as 0/1. */
export function toSqlite(value: unknown) {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}
