// Builds the background worker (app/background-worker.ts, decision 0022) into build/background-worker.js, beside the
// server's bundle that starts it. Remix's compiler has one server entry, so this one is bundled
// with esbuild (the same one Remix uses), the app's `~/` paths resolved from tsconfig.json and the
// npm dependencies left to node_modules, as in the server's bundle. Run by `npm run build`.
import { readFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const { dependencies } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
await build({
  absWorkingDir: root,
  entryPoints: ["app/background-worker.ts"],
  outfile: "build/background-worker.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node24",
  external: Object.keys(dependencies).flatMap((name) => [name, `${name}/*`]),
  logLevel: "warning",
});
