// Installs the npm dependencies when a fresh clone lacks them or package-lock.json changed since
// the last install, and rebuilds them when they were installed under another Node (a native
// module is built for one). Run by `npm run demo` and `npm test` (through scripts/node24.mjs).
import { execSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const stampFile = path.join(root, "node_modules", ".pionieri-installed.json");
const lock = createHash("sha256")
  .update(readFileSync(path.join(root, "package-lock.json")))
  .digest("hex");
const before = existsSync(stampFile) ? JSON.parse(readFileSync(stampFile, "utf8")) : null;
const run = (command) => execSync(command, { cwd: root, stdio: "inherit" });

if (before?.lock !== lock) {
  console.log(`Installo le dipendenze (npm install, Node ${process.version})…`);
  run("npm install --no-audit --no-fund");
}
if (before && before.node !== process.version) {
  console.log(`Dipendenze installate con Node ${before.node}: le ricompilo per ${process.version} (npm rebuild)…`);
  run("npm rebuild");
}
if (before?.lock !== lock || before?.node !== process.version)
  writeFileSync(stampFile, JSON.stringify({ lock, node: process.version }));
