// `npm run db:new-migration -- <name>`: writes the SQL that takes the migrations to the
// current schema into prisma/migrations/<timestamp>_<name>/ and applies it. This replaces
// `prisma migrate dev`, which needs a native engine that cannot be installed here
// (see docs/decisions/0002-prisma-without-engines.md).
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync, readdirSync } from "node:fs";
import path from "node:path";

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/^_|_$/g, "");
if (!name) {
  console.error("Uso: npm run db:new-migration -- <nome_della_migrazione>");
  process.exit(2);
}

const dir = "prisma/migrations";
mkdirSync(dir, { recursive: true });
const hasHistory = readdirSync(dir).some((entry) => /^\d{14}_/.test(entry));
const from = hasHistory ? ["--from-migrations", dir] : ["--from-empty"];
const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);
if (!/\b(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE)\b/i.test(sql)) {
  console.log("Lo schema coincide già con le migrazioni: nessuna migrazione creata.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const target = path.join(dir, `${stamp}_${name}`);
mkdirSync(target);
writeFileSync(path.join(target, "migration.sql"), sql);
writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "sqlite"\n');
console.log(`Creata ${target}/migration.sql`);
execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "inherit" });
