import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { env } from "./env.server";
import { countStatement } from "./sql-count.server";

/** Milliseconds a statement waits for another writer before SQLite gives up (SQLITE_BUSY). */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * The pragmas every connection runs with. WAL lets readers go on while one writer writes;
 * synchronous=NORMAL is durable in WAL mode except for the last transactions on power loss
 * (never corrupting); foreign keys are off by default in SQLite.
 */
export const PRAGMAS = {
  journal_mode: "wal",
  foreign_keys: 1,
  busy_timeout: BUSY_TIMEOUT_MS,
  synchronous: 1, // NORMAL
} as const;

function filePath(url: string) {
  return url.replace(/^file:/, "");
}

export function createClient(url: string) {
  const file = filePath(url);
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const adapter = new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS });
  if (env.bench) countStatements(adapter);
  return new PrismaClient({ adapter });
}

type Prepares = { client: { prepare: (sql: string) => unknown } };

/** Benchmark mode: every statement the driver prepares is counted for the current request. */
function countStatements(factory: PrismaBetterSQLite3) {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const { client } = adapter as unknown as Prepares;
    const prepare = client.prepare.bind(client);
    client.prepare = (sql: string) => {
      countStatement();
      return prepare(sql);
    };
    return adapter;
  };
}

export type Db = ReturnType<typeof createClient>;

/** Applies PRAGMAS; the adapter keeps a single connection, so once is enough. */
export async function applyPragmas(client: Db) {
  // journal_mode answers with a row, so every pragma goes through $queryRawUnsafe.
  await client.$queryRawUnsafe(`PRAGMA journal_mode = ${PRAGMAS.journal_mode}`);
  await client.$queryRawUnsafe(`PRAGMA foreign_keys = ${PRAGMAS.foreign_keys}`);
  await client.$queryRawUnsafe(`PRAGMA busy_timeout = ${PRAGMAS.busy_timeout}`);
  await client.$queryRawUnsafe(`PRAGMA synchronous = ${PRAGMAS.synchronous}`);
}

declare global {
  // Survives module reloads in development so that one connection stays open.
  var __pionieriDb: { client: Db; ready: Promise<void> } | undefined;
}

function init() {
  const client = createClient(env.databaseUrl);
  return { client, ready: applyPragmas(client) };
}

const holder = (globalThis.__pionieriDb ??= init());

/** The application's Prisma client. Await `dbReady` before serving. */
export const db: Db = holder.client;
export const dbReady: Promise<void> = holder.ready;
