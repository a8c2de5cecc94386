// `npm run db:new-migration -- <name>`: writes the SQL that takes the database from the schema
// of the last migration to prisma/schema.prisma into prisma/migrations/<timestamp>_<name>/,
// keeps a copy of the schema beside it, and applies it.
//
// Why snapshots: `prisma migrate dev` needs a native engine that cannot be installed here,
// and `migrate diff --from-migrations` replays history into a shadow database that, with the
// engine-free setup, applies only the first statement of each migration. Diffing two schema
// files needs no database at all (docs/decisions/0002-prisma-without-engines.md).
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const name = (process.argv[2] ?? "")
  .toLowerCase()
  .replace(/[^a-z0-9_]+/g, "_")
  .replace(/^_|_$/g, "");
if (!name) {
  console.error("Uso: npm run db:new-migration -- <nome_della_migrazione>");
  process.exit(2);
}

const dir = "prisma/migrations";
mkdirSync(dir, { recursive: true });
const history = readdirSync(dir)
  .filter((entry) => /^\d{14}_/.test(entry))
  .sort();
const last = history.at(-1);
const snapshot = last ? path.join(dir, last, "schema.prisma") : null;
if (snapshot && !existsSync(snapshot)) {
  console.error(`Manca ${snapshot}: ogni migrazione conserva lo schema a cui porta.`);
  process.exit(1);
}
const from = snapshot ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);
if (!/\b(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE)\b/i.test(sql)) {
  console.log("Lo schema coincide già con l'ultima migrazione: nessuna migrazione creata.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const target = path.join(dir, `${stamp}_${name}`);
mkdirSync(target);
writeFileSync(path.join(target, "migration.sql"), sql);
copyFileSync("prisma/schema.prisma", path.join(target, "schema.prisma"));
writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "sqlite"\n');
console.log(`Creata ${target}/migration.sql: rileggila prima di fare commit.`);
execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "inherit" });
