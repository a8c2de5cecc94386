import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { applyPragmas, createClient, type Db } from "../../app/lib/db/client.server";
import { freshDatabaseFile } from "./per-file-db";
import { ROOT } from "./paths";
import { freePort } from "./ports";
import { startCommand } from "./start-command";

export type TestServer = {
  url: string;
  origin: string;
  /** A Prisma client on the server's own database file, to arrange data and check writes. */
  db: Db;
  dbFile: string;
  /** Where this server keeps attachments' files (its own, beside its database). */
  filesDir: string;
  output: () => string;
  stop: () => Promise<void>;
  /** Ends the process with SIGKILL, as a crash would (the test's client stays open). */
  crash: () => Promise<void>;
};

/**
 * Starts the built app (build/index.js) on a free port with a database file of its own. The port
 * is chosen first because production needs its public address (APP_ORIGIN) at start; another
 * process taking it in between is answered by trying another.
 */
export async function startServer(
  env: Record<string, string> = {},
  options: { dbFile?: string } = {},
): Promise<TestServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(env, options);
    } catch (error) {
      if (attempt === 3 || !/EADDRINUSE/.test(String(error))) throw error;
    }
  }
}

async function startOnce(env: Record<string, string>, options: { dbFile?: string }): Promise<TestServer> {
  const port = await freePort();
  const dbFile = options.dbFile ?? freshDatabaseFile("server");
  const db = createClient(`file:${dbFile}`);
  await applyPragmas(db);
  let log = "";
  // Run as `npm start` runs it: its Node options and environment (tests/support/start-command.ts).
  const start = startCommand();
  const child: ChildProcess = spawn(process.execPath, [...start.nodeOptions, path.join(ROOT, "build/index.js")], {
    cwd: ROOT,
    env: {
      ...start.env,
      PATH: process.env.PATH,
      NODE_ENV: "production",
      COOKIE_SECURE: "false",
      LOG_REQUESTS: "false",
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_ORIGIN: `http://127.0.0.1:${port}`,
      DATABASE_URL: `file:${dbFile}`,
      FILES_DIR: `${dbFile}.files`,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 20_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      log += chunk.toString();
      const match = /http:\/\/localhost:(\d+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${log}`)));
  });
  // A server that dies during its tests says why: its last output goes to the test's log.
  let stopping = false;
  child.once("exit", (code, signal) => {
    if (!stopping)
      process.stderr.write(`\n[server ${url} exited unexpectedly: ${code ?? signal}]\n${log.slice(-4000)}\n`);
  });
  return {
    url,
    origin: url,
    db,
    dbFile,
    filesDir: env.FILES_DIR ?? `${dbFile}.files`,
    output: () => log,
    async crash() {
      stopping = true;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      await db.$disconnect();
    },
  };
}
