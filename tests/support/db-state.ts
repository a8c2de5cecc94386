import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Db } from "../../app/lib/db/client.server";

/**
 * Tables a request may touch without "writing": sessions slide, a refused sign-in counts in its
 * rate limit's window (kept across restarts, decision 0026), a token notes when it was last used.
 */
const IGNORED = new Set(["Session", "RateLimitWindow", "_prisma_migrations"]);
/** Columns of bookkeeping in tables that are otherwise checked. */
const IGNORED_COLUMNS: Record<string, string> = { AccessToken: "lastUsedAt" };

/**
 * A fingerprint of every row of every table (full-text shadow tables aside): two equal
 * fingerprints mean nothing was written. Used to check that refused requests changed nothing.
 */
export async function dbFingerprint(db: Db, { settle = true } = {}) {
  // At rest: a notice still pending from an earlier write would look like this request's (but
  // where nothing can be written, as on a full disk, it stays pending: settle false).
  if (settle) await noticesSettled(db);
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT "name" FROM sqlite_master WHERE "type" = 'table' AND "name" NOT LIKE 'sqlite_%' AND "name" NOT LIKE
      'idea_fts%' ORDER BY "name"`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    if (IGNORED.has(name)) continue;
    const rows = (await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${name}" ORDER BY rowid`)).map(
      (row) => {
        if (IGNORED_COLUMNS[name]) delete row[IGNORED_COLUMNS[name]];
        return row;
      },
    );
    out[name] = createHash("sha256")
      .update(JSON.stringify(rows, (_key, value) => (typeof value === "bigint" ? value.toString() : value)))
      .digest("hex")
      .slice(0, 16);
  }
  return out;
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: Record<string, string>, after: Record<string, string>) {
  return Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
}

/**
 * Until the server has fanned out every pending notice (it does so moments after the write that
 * caused them: app/domain/notifications.server.ts): what a test reads of the notices after a write.
 */
export async function noticesSettled(db: Db, timeoutMs = 5000) {
  const until = Date.now() + timeoutMs;
  while ((await db.pendingNotice.count()) > 0) {
    if (Date.now() > until) throw new Error("Notifiche ancora in attesa dopo " + timeoutMs + " ms");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * The database once the server's background work has stopped changing it: no notice pending, no
 * e-mail due or in the relay's hands (a message being delivered may take longer than a pause to
 * change its row), and two fingerprints alike in a row. What a refused request is compared with,
 * so that an earlier write's notice or e-mail is not taken for the request's doing.
 */
export async function stillFingerprint(db: Db, tries = 60) {
  await noticesSettled(db, 20_000);
  let last = await dbFingerprint(db);
  for (let i = 0; i < tries; i++) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const next = await dbFingerprint(db);
    const delivering = await db.outboxMail.count({
      where: { OR: [{ status: "SENDING" }, { status: "QUEUED", nextAttemptAt: { lte: new Date() } }] },
    });
    if (delivering === 0 && changedTables(last, next).length === 0) return next;
    last = next;
  }
  return last;
}

/**
 * Where a database's WAL stands, read from its shared-memory index (the `-shm` file, which every
 * connection maps): `frames`, the pages the WAL holds (mxFrame of the index's header); `copied`,
 * how many of them a checkpoint has copied back into the database file (nBackfill). Read without
 * opening a connection, so that reading does not checkpoint.
 */
export function walState(dbFile: string) {
  const index = readFileSync(`${dbFile}-shm`);
  return { frames: index.readUInt32LE(16), copied: index.readUInt32LE(96) };
}
