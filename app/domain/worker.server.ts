import v8 from "node:v8";
import { Worker } from "node:worker_threads";
import client from "prom-client";
import { checkpointAfterCommits } from "~/lib/db/client.server";
import { log } from "~/lib/log.server";
import { registry } from "~/lib/metrics.server";

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
  // Its heap is capped: a few hundred KB of mail at a time and SQL for the notices leave about
  // 13 MB live (pionieri_worker_heap_bytes). 48/8 MB let it grow the server by 25 MB while it sent,
  // 24/2 spent its time collecting. V8's flags are the process's, so npm start's
  // --max-semi-space-size (for the server's thread) would size the worker's semi-spaces over its
  // own young limit: the flag is cleared here, once the server's heap is sized, so that the
  // worker's limit holds (its young space 16 -> 4-8 MB, its peak 38 -> 30 MB; decision 0035).
  v8.setFlagsFromString("--max-semi-space-size=0");
  const started = new Worker(new URL("./background-worker.js", import.meta.url), {
    workerData: { mail: options.mail },
    resourceLimits: { maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 8 },
  });
  worker = started;
  // The worker checkpoints the WAL while it runs; the server's connection again when it stops.
  checkpointAfterCommits(false);
  started.on("error", (error) => log.error({ err: error }, "Il thread di lavoro (notifiche, posta) si è fermato"));
  started.on("exit", () => {
    if (worker !== started || stopping) return;
    // Pending notices stay pending; a row it was delivering stays SENDING, marked interrupted at
    // the restart, never resent.
    worker = null;
    checkpointAfterCommits(true);
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
  checkpointAfterCommits(true);
}

/**
 * The worker's own heap, beside the server's (prom-client's `nodejs_heap_*` are the main thread's
 * only): both count in the process's memory, and the worker's is capped above.
 */
new client.Gauge({
  name: "pionieri_worker_heap_bytes",
  help: "Heap V8 del thread di lavoro (notifiche, posta): usato e riservato",
  labelNames: ["kind"] as const,
  registers: [registry],
  async collect() {
    this.reset();
    const heap = await worker?.getHeapStatistics().catch(() => null);
    if (!heap) return;
    this.set({ kind: "used" }, heap.used_heap_size);
    this.set({ kind: "total" }, heap.total_heap_size);
  },
});
