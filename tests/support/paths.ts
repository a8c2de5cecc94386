import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const TMP = path.join(ROOT, "tmp", "tests");
/** Migrated once per run by global-setup.ts, then copied for each test file and server. */
export const TEMPLATE_DB = path.join(TMP, "template.db");
export const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";
