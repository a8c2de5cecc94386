// `npm run db:restore -- <backup file>`: puts a backup in place of the database. Refuses while
// the server runs (it holds the database open), checks the backup first, and removes the old
// -wal and -shm files so that SQLite does not replay a journal that belongs to another file.
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { linkOrCopy, referencedHashes, storedPath } from "./stored-files.mjs";

const backup = process.argv[2];
const url = process.env.DATABASE_URL ?? "file:./data/pionieri.db";
const target = url.replace(/^file:/, "");
if (!backup || !existsSync(backup)) {
  console.error("Uso: npm run db:restore -- <file di backup>");
  process.exit(2);
}

const pidFile = `${target}.pid`;
if (existsSync(pidFile)) {
  const pid = Number(readFileSync(pidFile, "utf8"));
  let running = false;
  try {
    process.kill(pid, 0);
    running = true;
  } catch {
    // The server that wrote the file is gone.
  }
  if (running) {
    console.error(`Il server è in esecuzione (pid ${pid}): fermalo prima di ripristinare il database.`);
    process.exit(1);
  }
}

const check = new Database(backup, { readonly: true, fileMustExist: true });
const result = check.pragma("integrity_check", { simple: true });
// The files it refers to, read now: opening the restored file later would leave a journal beside it.
const wanted = new Set(result === "ok" ? referencedHashes(check) : []);
check.close();
if (result !== "ok") {
  console.error(`Il backup non è integro (integrity_check: ${result}): ripristino annullato.`);
  process.exit(1);
}

copyFileSync(backup, `${target}.restoring`);
rmSync(`${target}-wal`, { force: true });
rmSync(`${target}-shm`, { force: true });
renameSync(`${target}.restoring`, target);
console.log(`Database ripristinato da ${backup}`);

// The attachments' files: exactly those the restored database refers to, from beside the backup.
const filesDir = process.env.FILES_DIR ?? path.join(path.dirname(target), "files");
const saved = backup.replace(/\.db$/, ".files");
let lacking = 0;
for (const hash of wanted) {
  const to = storedPath(filesDir, hash);
  const from = storedPath(saved, hash);
  if (existsSync(to)) continue;
  if (existsSync(from)) linkOrCopy(from, to);
  else lacking++;
}
let removed = 0;
for (const prefix of existsSync(filesDir) ? readdirSync(filesDir) : []) {
  if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
  for (const name of readdirSync(path.join(filesDir, prefix)))
    if (!wanted.has(name)) {
      rmSync(path.join(filesDir, prefix, name), { force: true });
      removed++;
    }
}
console.log(`File allegati: ${wanted.size - lacking} al loro posto, ${removed} non più citati rimossi.`);
if (lacking > 0) {
  console.error(`Mancano ${lacking} file a cui il database rimanda (non erano nel backup ${saved}).`);
  process.exit(1);
}
