/**
 * The mail worker: a thread of the server (worker_threads) that delivers the outbox, with its own
 * event loop and its own connection to the database, so that e-mail keeps pace while the pages
 * keep the server's loop busy (decision 0022). Built by `npm run build` into build/mail-worker.js
 * and started by app/domain/mailer.server.ts. Messages from the server: "wake" (rows were queued),
 * "stop" (finish the delivery in progress, then end).
 */
import { parentPort } from "node:worker_threads";
import { sendNext } from "./domain/outbox-sender.server";
import { openConnection } from "./lib/db/connection.server";
import { env } from "./lib/env.server";
import { log } from "./lib/log.server";

const sql = openConnection(env.databaseUrl);
let stopping = false;
let wake: (() => void) | null = null;

parentPort!.on("message", (message: "wake" | "stop") => {
  if (message === "stop") stopping = true;
  wake?.();
});

/** Until the next look: the poll interval, or sooner when the server says rows were queued. */
function pause(ms: number) {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      wake = null;
      resolve();
    }
    wake = done;
  });
}

// The first look after one interval, as every later one: the server has just marked what a kill
// interrupted, and a row queued meanwhile waits no longer than MAIL_POLL_MS.
await pause(env.mail.pollMs);
const spacing = 1000 / env.mail.perSecond;
let next = Date.now();
while (!stopping) {
  let outcome: Awaited<ReturnType<typeof sendNext>>;
  try {
    outcome = await sendNext(sql);
  } catch (error) {
    // A database that cannot be written (busy, disk full): look again at the next poll.
    log.error({ err: error }, "Posta: errore del mittente");
    outcome = "wait";
  }
  if (outcome === "idle" || outcome === "wait") {
    await pause(env.mail.pollMs);
    next = Date.now();
  } else {
    // At most MAIL_PER_SECOND deliveries a second, however many are queued.
    next += spacing;
    if (next > Date.now()) await new Promise((resolve) => setTimeout(resolve, next - Date.now()));
    else next = Date.now();
  }
}
sql.close();
// The server ends the thread (the relay's pooled connection would keep it alive).
parentPort!.postMessage("stopped");
