// First step of `npm test`: install what a fresh clone lacks, so that the command works anywhere
// on this machine kind: the npm dependencies (scripts/install.mjs), then the Debian packages the
// tests run for real when missing and running as root: Chromium for the browser tests, OpenLDAP's
// slapd (with its command-line tools) for the directory sign-in tests.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

execSync("node scripts/install.mjs", { stdio: "inherit" });

const chrome = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const wanted = [
  {
    path: chrome,
    packages: "chromium",
    what: "Chromium",
    hint: "oppure indica il browser con la variabile CHROME_PATH",
  },
  {
    path: "/usr/sbin/slapd",
    packages: "slapd ldap-utils",
    what: "OpenLDAP (slapd)",
    hint: "per i test dell'accesso con la directory",
  },
].filter((item) => !existsSync(item.path));

if (wanted.length > 0) {
  const packages = wanted.map((item) => item.packages).join(" ");
  if (process.getuid?.() === 0) {
    console.log(`Installo da Debian: ${wanted.map((item) => item.what).join(", ")} (apt-get install ${packages})…`);
    // slapd's package asks no questions and starts no server of its own this way: the tests start theirs.
    execSync(
      `apt-get update -qq && DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq ${packages} >/dev/null`,
      { stdio: "inherit" },
    );
  } else {
    for (const item of wanted)
      console.error(
        `${item.what} non trovato in ${item.path}: installa "${item.packages}" con apt-get (${item.hint}).`,
      );
    process.exit(1);
  }
}
