// `npm run db:backup`: an online, consistent copy of the database (SQLite's backup API, safe
// while the server writes), checked with PRAGMA integrity_check, timestamped, and the oldest
// copies beyond BACKUP_KEEP removed. Prints the new file's path. The attachments' files go beside
// it (`…Z.files/`): hard links to the stored files the copy refers to (a stored file never
// changes), or copies across file systems.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { linkOrCopy, referencedHashes, storedPath } from "./stored-files.mjs";

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
const hashes = check === "ok" ? referencedHashes(copy) : [];
copy.close();
if (check !== "ok") {
  rmSync(partial, { force: true });
  console.error(`Copia non valida (integrity_check: ${check}): nessun backup salvato.`);
  process.exit(1);
}
renameSync(partial, target);

// The files the copy refers to, beside it.
const filesDir = process.env.FILES_DIR ?? path.join(path.dirname(source), "files");
const filesTarget = target.replace(/\.db$/, ".files");
let missing = 0;
for (const hash of hashes) {
  const from = storedPath(filesDir, hash);
  if (existsSync(from)) linkOrCopy(from, storedPath(filesTarget, hash));
  else missing++;
}
if (missing > 0) console.error(`Attenzione: ${missing} file a cui il database rimanda non sono in ${filesDir}.`);

const copies = readdirSync(dir)
  .filter((name) => /^pionieri-\d{8}T\d{6}Z\.db$/.test(name))
  .sort();
for (const old of copies.slice(0, Math.max(0, copies.length - keep))) {
  for (const suffix of ["", "-wal", "-shm", ".partial-wal", ".partial-shm"])
    rmSync(path.join(dir, old + suffix), { force: true });
  rmSync(path.join(dir, old.replace(/\.db$/, ".files")), { recursive: true, force: true });
}
console.log(target);
