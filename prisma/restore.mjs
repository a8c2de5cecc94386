// `npm run db:restore -- <backup file>`: puts a backup in place of the database. Refuses while
// the server runs (it holds the database open), checks the backup first, and removes the old
// -wal and -shm files so that SQLite does not replay a journal that belongs to another file.
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import Database from "better-sqlite3";

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
