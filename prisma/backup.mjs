// `npm run db:backup`: an online, consistent copy of the database (SQLite's backup API, safe
// while the server writes), checked with PRAGMA integrity_check, timestamped, and the oldest
// copies beyond BACKUP_KEEP removed. Prints the new file's path.
import { mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const url = process.env.DATABASE_URL ?? "file:./data/pionieri.db";
const source = url.replace(/^file:/, "");
const dir = process.env.BACKUP_DIR ?? path.join(path.dirname(source), "backups");
const keep = Math.max(1, Number.parseInt(process.env.BACKUP_KEEP ?? "14", 10) || 14);

mkdirSync(dir, { recursive: true });
const stamp = new Date()
  .toISOString()
  .replace(/[-:]/g, "")
  .replace(/\.\d{3}Z$/, "Z");
const target = path.join(dir, `pionieri-${stamp}.db`);
const partial = `${target}.partial`;

const db = new Database(source, { fileMustExist: true, readonly: true, timeout: 5000 });
try {
  await db.backup(partial);
} finally {
  db.close();
}
const copy = new Database(partial, { readonly: true });
const check = copy.pragma("integrity_check", { simple: true });
copy.close();
if (check !== "ok") {
  rmSync(partial, { force: true });
  console.error(`Copia non valida (integrity_check: ${check}): nessun backup salvato.`);
  process.exit(1);
}
renameSync(partial, target);

const copies = readdirSync(dir)
  .filter((name) => /^pionieri-\d{8}T\d{6}Z\.db$/.test(name))
  .sort();
for (const old of copies.slice(0, Math.max(0, copies.length - keep))) rmSync(path.join(dir, old));
console.log(target);
