import { randomBytes } from "node:crypto";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import path from "node:path";
import { Prisma } from "~/generated/prisma/client";
import { takeWriteLock } from "~/lib/db/connection.server";
import { reader } from "~/lib/db/fast.server";
import { env } from "~/lib/env.server";

/**
 * What the machine room's probes ask (issue 24): is the process up (`/healthz`, nothing to check),
 * and can it serve (`/readyz`): the database takes a write, every migration of this build is
 * applied, the files folder takes a file, and the mail relay and the directory answer on their
 * port when they are configured. No personal data, no configuration values: only what failed.
 */

type Check = "ok" | "failed" | "not configured";
export type Readiness = {
  ready: boolean;
  checks: { database: Check; migrations: Check; files: Check; smtp: Check; directory: Check };
};

/** How long a relay or a directory may take to accept a connection before it counts as down. */
const CONNECT_TIMEOUT_MS = 2000;
/** Probes come every few seconds, possibly from several places: one answer serves them all a while. */
const KEEP_MS = 2000;

let last: { at: number; value: Promise<Readiness> } | null = null;

export function readiness(): Promise<Readiness> {
  const now = Date.now();
  if (last && now - last.at < KEEP_MS) return last.value;
  const value = checkAll();
  last = { at: now, value };
  return value;
}

async function checkAll(): Promise<Readiness> {
  const [database, migrations, files, smtp, directory] = await Promise.all([
    attempt(databaseWritable),
    attempt(migrationsApplied),
    attempt(filesWritable),
    env.mail.mode === "smtp" && env.mail.smtpUrl ? attempt(() => reachable(env.mail.smtpUrl!, 587, 465)) : none(),
    env.ldap ? attempt(() => reachable(env.ldap!.url, 389, 636)) : none(),
  ]);
  const checks = { database, migrations, files, smtp, directory };
  return { ready: Object.values(checks).every((check) => check !== "failed"), checks };
}

async function none(): Promise<Check> {
  return "not configured";
}

async function attempt(check: () => Promise<boolean> | boolean): Promise<Check> {
  try {
    return (await check()) ? "ok" : "failed";
  } catch {
    return "failed";
  }
}

/**
 * The write lock taken and given back, changing nothing: fails on a read-only file or a lock that
 * another writer holds for more than a second (the requests wait up to five).
 */
function databaseWritable() {
  takeWriteLock(env.databaseUrl, 1000);
  return true;
}

/** Every migration this build carries (prisma/migrations beside it) is applied and none failed. */
async function migrationsApplied() {
  const folder = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../prisma/migrations");
  const expected = (await readdir(folder, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  const applied = new Set(
    reader()
      .all<{ name: string }>(
        Prisma.sql`SELECT "migration_name" AS "name" FROM "_prisma_migrations"
          WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
      )
      .map((row) => row.name),
  );
  return expected.length > 0 && expected.every((name) => applied.has(name));
}

/** A small file written and removed where attachments go. */
async function filesWritable() {
  const folder = path.resolve(env.filesDir, "tmp");
  await mkdir(folder, { recursive: true });
  const probe = path.join(folder, `readyz-${randomBytes(6).toString("hex")}`);
  await writeFile(probe, "ok");
  await rm(probe);
  return true;
}

/** A TCP connection accepted by the host and port of a service's URL (nothing is sent). */
function reachable(url: string, plainPort: number, tlsPort: number) {
  const parsed = new URL(url);
  const port = Number(parsed.port) || (parsed.protocol.endsWith("s:") ? tlsPort : plainPort);
  return new Promise<boolean>((resolve) => {
    const socket = connect({ host: parsed.hostname, port, timeout: CONNECT_TIMEOUT_MS });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once("connect", () => done(true));
    socket.once("timeout", () => done(false));
    socket.once("error", () => done(false));
  });
}
