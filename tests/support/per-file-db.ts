import { copyFileSync } from "node:fs";
import path from "node:path";
import { TEMPLATE_DB, TMP } from "./paths";

/** Each test file gets its own copy of the migrated database, before the app's modules load. */
export function freshDatabaseFile(label: string) {
  const file = path.join(TMP, `${label}-${process.pid}-${Math.random().toString(36).slice(2, 10)}.db`);
  copyFileSync(TEMPLATE_DB, file);
  return file;
}

process.env.DATABASE_URL = `file:${freshDatabaseFile("file")}`;
