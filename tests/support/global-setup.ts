import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { ROOT, TEMPLATE_DB, TMP } from "./paths";

/** One migrated database for the whole run, made with the real migrations. */
export default function setup() {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  execFileSync(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${TEMPLATE_DB}` },
    stdio: "pipe",
  });
  if (!existsSync(path.join(ROOT, "build/index.js"))) {
    throw new Error("build/index.js is missing: run `npm run build` first (npm test does).");
  }
}
