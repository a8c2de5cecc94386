// First step of `npm test`: install what a fresh clone lacks, so the command works anywhere
// on this machine kind. Dependencies via npm (when package-lock.json changed since the last
// install), Debian's Chromium via apt (when missing and running as root).
import { execSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const run = (command) => execSync(command, { stdio: "inherit" });

const lock = readFileSync("package-lock.json");
const stamp = "node_modules/.pionieri-installed";
const digest = createHash("sha256").update(lock).digest("hex");
if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== digest) {
  console.log("Installo le dipendenze (npm install)…");
  run("npm install --no-audit --no-fund");
  writeFileSync(stamp, digest);
}

const chrome = process.env.CHROME_PATH ?? "/usr/bin/chromium";
if (!existsSync(chrome)) {
  if (process.getuid?.() === 0) {
    console.log("Installo Chromium di Debian (apt-get install chromium)…");
    run("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null");
  } else {
    console.error(
      `Chromium non trovato in ${chrome}. Installa il pacchetto Debian "chromium" (sudo apt-get install chromium) ` +
        "oppure indica il browser con la variabile CHROME_PATH.",
    );
    process.exit(1);
  }
}
