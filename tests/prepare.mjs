// First step of `npm test`: install what a fresh clone lacks, so that the command works anywhere
// on this machine kind: the npm dependencies (scripts/install.mjs), then the Debian packages the
// tests run for real (Chromium for the browser tests) when missing and running as root.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

execSync("node scripts/install.mjs", { stdio: "inherit" });

const chrome = process.env.CHROME_PATH ?? "/usr/bin/chromium";
if (!existsSync(chrome)) {
  if (process.getuid?.() === 0) {
    console.log("Installo Chromium di Debian (apt-get install chromium)…");
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null", {
      stdio: "inherit",
    });
  } else {
    console.error(
      `Chromium non trovato in ${chrome}. Installa il pacchetto Debian "chromium" (sudo apt-get install chromium) ` +
        "oppure indica il browser con la variabile CHROME_PATH.",
    );
    process.exit(1);
  }
}
