import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { env } from "./env.server";

/**
 * Attachments' bytes on disk, beside the database: each file under its SHA-256
 * (`FILES_DIR/ab/abcdef…`), so the same file uploaded twice is stored once and a stored file
 * never changes. Uploads arrive in `FILES_DIR/tmp/` and are moved in place once checked.
 * docs/decisions/0020-attachments.md
 */

/** A file received with a form, waiting in the upload folder to be checked. */
export type ReceivedFile = { path: string; name: string; size: number };

function filesDir() {
  return path.resolve(env.filesDir);
}

function tmpDir() {
  return path.join(filesDir(), "tmp");
}

/** Where the file with this hash lives (the hash is checked: it never becomes a path by itself). */
export function pathOf(hash: string) {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error("not a file hash");
  return path.join(filesDir(), hash.slice(0, 2), hash);
}

/** A fresh path in the upload folder, for a file being received or re-encoded. */
export async function tmpPath() {
  await mkdir(tmpDir(), { recursive: true });
  return path.join(tmpDir(), randomBytes(16).toString("hex"));
}

async function hashOf(file: string) {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return hash.digest("hex");
}

/** Moves a checked file into the store under its hash (kept as is when already there). */
export async function store(file: string): Promise<{ hash: string; size: number }> {
  const hash = await hashOf(file);
  const { size } = await stat(file);
  const target = pathOf(hash);
  await mkdir(path.dirname(target), { recursive: true });
  try {
    await stat(target);
    await rm(file, { force: true });
  } catch {
    await rename(file, target);
  }
  return { hash, size };
}

export async function remove(hash: string) {
  await rm(pathOf(hash), { force: true });
}

/** Uploads left half-received by a crash or a dropped connection. Run at start. */
export async function clearTmp() {
  await rm(tmpDir(), { recursive: true, force: true });
}
