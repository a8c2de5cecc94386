// The attachments' files as backup.mjs and restore.mjs see them: which ones a database refers to,
// and a copy that costs nothing when it can be a hard link (a stored file never changes).
import { copyFileSync, linkSync, mkdirSync } from "node:fs";
import path from "node:path";

/** The hashes of the files (and thumbnails) a database refers to; none before attachments existed. */
export function referencedHashes(db) {
  if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE "name" = 'StoredFile'`).get()) return [];
  return db
    .prepare(`SELECT "hash" FROM "StoredFile" UNION SELECT "thumbHash" FROM "StoredFile" WHERE "thumbHash" IS NOT NULL`)
    .pluck()
    .all();
}

export const storedPath = (dir, hash) => path.join(dir, hash.slice(0, 2), hash);

export function linkOrCopy(from, to) {
  mkdirSync(path.dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
