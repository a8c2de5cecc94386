import { Worker } from "node:worker_threads";
import { log } from "~/lib/log.server";

/**
 * The server's side of the background worker (app/background-worker.ts): started once at listen,
 * told when there is work, started again when it stops unexpectedly, stopped last at a signal.
 */

/** How long a worker that stopped unexpectedly waits before it is started again. */
const RESTART_MS = 5000;

let worker: Worker | null = null;
let stopping = false;
let options: { mail: boolean; beforeStart: () => Promise<void> } | null = null;

/**
 * Starts the worker; `mail`: it also delivers the outbox. `beforeStart` runs before every start,
 * restarts included (the mailer marks the rows a stopped worker left half-sent).
 */
export async function startWorker(startOptions: { mail: boolean; beforeStart?: () => Promise<void> }) {
  stopping = false;
  options = { mail: startOptions.mail, beforeStart: startOptions.beforeStart ?? (async () => {}) };
  await launch();
}

async function launch() {
  if (stopping || !options) return;
  await options.beforeStart();
  if (stopping) return;
  // Its heap is capped (a few hundred KB of mail at a time, SQL for the notices; 48/8 MB let it
  // grow the server by 25 MB while it sent, 24/2 MB spent its time collecting): the server's
  // memory budget holds it.
  const started = new Worker(new URL("./background-worker.js", import.meta.url), {
    workerData: { mail: options.mail },
    resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 4 },
  });
  worker = started;
  started.on("error", (error) => log.error({ err: error }, "Il thread di lavoro (notifiche, posta) si è fermato"));
  started.on("exit", () => {
    if (worker !== started || stopping) return;
    // Pending notices stay pending; a row it was delivering stays SENDING, marked interrupted at
    // the restart, never resent.
    worker = null;
    setTimeout(
      () => void launch().catch((error: unknown) => log.error({ err: error }, "Riavvio non riuscito")),
      RESTART_MS,
    );
  });
}

/** Tells the worker there is work: a pending notice, or outbox rows. */
export function wakeWorker(work: "notices" | "mail") {
  worker?.postMessage(work);
}

/** Lets the worker fan out what is pending (two seconds at most) and finish the delivery in progress. */
export async function stopWorker() {
  stopping = true;
  const running = worker;
  worker = null;
  if (!running) return;
  await new Promise<void>((resolve) => {
    running.once("message", (message) => message === "stopped" && resolve());
    running.once("exit", () => resolve());
    running.postMessage("stop");
  });
  await running.terminate();
}
