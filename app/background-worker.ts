/**
 * The background worker: a thread of the server (worker_threads) with its own event loop and its
 * own connection to the database, for the work that must keep pace while the pages keep the
 * server's loop busy, and must not hold that loop while it is done:
 *   - the fan-out of pending notices (app/domain/notice-fan-out.server.ts, decision 0032): a
 *     comment on an idea with six hundred followers is six hundred rows;
 *   - the delivery of the outbox (decision 0022), when e-mail is on (`workerData.mail`);
 *   - the WAL's checkpoints, which the server's connection leaves to it while it runs (0040).
 * Built by `npm run build` into build/background-worker.js and started by
 * app/domain/worker.server.ts. Messages from the server: "notices" (a notice is pending), "mail"
 * (outbox rows were queued), "stop" (fan out what is pending, finish the delivery in progress,
 * then end).
 */
import { parentPort, workerData } from "node:worker_threads";
import { fanOutPending } from "./domain/notice-fan-out.server";
import { sendNext } from "./domain/outbox-sender.server";
import { openConnection } from "./lib/db/connection.server";
import { env } from "./lib/env.server";
import { log } from "./lib/log.server";

const sql = openConnection(env.databaseUrl);
const { mail } = workerData as { mail: boolean };
let stopping = false;
let wakeMail: (() => void) | null = null;

parentPort!.on("message", (message: "notices" | "mail" | "stop") => {
  if (message === "stop") stopping = true;
  if (message === "notices") fanOutSoon();
  else wakeMail?.();
});

// --- the notices' fan-out -------------------------------------------------------------------
/**
 * When: FIRST_MS after the first notice of a quiet moment (its transaction commits meanwhile),
 * then at most once every EVERY_MS, each time all that came meanwhile, so that the work per
 * comment shrinks as comments come faster; a long fan-out in turns of FAN_OUT_ROWS rows, PAUSE_MS
 * apart, or YIELD_MS while the server is writing: its requests wait for the lock with their thread
 * blocked (SQLite's busy wait), so a comment waits for at most one short turn, and a burst of
 * comments is fanned out behind them. A notice whose "notices" message came before its commit is
 * found by the look every LOOK_MS.
 */
const FIRST_MS = 10;
const EVERY_MS = 250;
const PAUSE_MS = 2;
const YIELD_MS = 20;
const LOOK_MS = 1000;
const RETRY_MS = 5000;
const STOP_WAIT_MS = 2000;
let fanOutTimer: NodeJS.Timeout | null = null;
let seenVersion = -1;

/** Whether another connection (the server) committed since the last look: PRAGMA data_version. */
function serverWrote() {
  const version = sql.get<{ data_version: number }>("PRAGMA data_version")!.data_version;
  const wrote = version !== seenVersion;
  seenVersion = version;
  return wrote;
}
let lastFanOut = 0;
/** Whether the last turn left notices to write. */
let fanningOut = false;

function fanOutSoon(wait = Math.max(FIRST_MS, lastFanOut + EVERY_MS - Date.now())) {
  if (fanOutTimer || stopping) return;
  fanOutTimer = setTimeout(() => {
    fanOutTimer = null;
    lastFanOut = Date.now();
    try {
      // The server's own writes go first: when it wrote since the last turn, the next waits longer.
      if (fanOutPending(sql)) {
        fanningOut = true;
        fanOutSoon(serverWrote() ? YIELD_MS : PAUSE_MS);
      } else if (fanningOut) {
        // A fan-out read the followers' and notices' indexes into this connection's cache: done,
        // it gives them back rather than keep up to 16 MB for the next one (decision 0042).
        fanningOut = false;
        sql.releaseCache();
      }
    } catch (error) {
      // A database that cannot be written now (busy, disk full): the notices wait, none is lost.
      log.warn(`Notifiche: invio ai destinatari rimandato di ${RETRY_MS / 1000} s (${String(error)}).`);
      fanOutSoon(RETRY_MS);
    }
  }, wait);
}
// What a stop or a kill left pending, at once; then a look now and then.
fanOutSoon(0);
const look = setInterval(() => fanOutSoon(), LOOK_MS);

// --- the WAL's checkpoints ---------------------------------------------------------------------
/**
 * Every CHECKPOINT_MS, what the WAL holds is copied back into the database file, here and not on
 * the server's connection (checkpointAfterCommits in client.server.ts). The copy is passive: it
 * waits for no lock and holds none of the server's writes. Past RESTART_PAST pages, the WAL is
 * started again from its beginning: that holds the server's writes for the copy of the last few
 * pages, once every 64 MB of writes. This connection also checkpoints after its own commits past
 * SQLite's 1,000 pages, as every connection does by default.
 */
const CHECKPOINT_MS = 250;
/** Past this many pages (64 MB), the WAL is started again from its beginning. */
const RESTART_PAST = 16000;
const checkpoints = setInterval(() => {
  try {
    sql.checkpoint(RESTART_PAST);
  } catch (error) {
    log.warn(`Database: checkpoint del WAL non riuscito (${String(error)}).`);
  }
}, CHECKPOINT_MS);

// --- the outbox's delivery ------------------------------------------------------------------
/** Until the next look: the poll interval, or sooner when the server says rows were queued. */
function pause(ms: number) {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      wakeMail = null;
      resolve();
    }
    wakeMail = done;
  });
}

async function deliverMail() {
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
}

if (mail) await deliverMail();
else await new Promise<void>((resolve) => (wakeMail = () => stopping && resolve()));

// --- the stop ---------------------------------------------------------------------------------
clearInterval(look);
clearInterval(checkpoints);
if (fanOutTimer) clearTimeout(fanOutTimer);
// The notices of the last moments reach their people, for STOP_WAIT_MS at most: what is not
// committed by then stays pending, whole, for the next start.
const until = Date.now() + STOP_WAIT_MS;
try {
  while (Date.now() < until && fanOutPending(sql));
} catch (error) {
  log.error({ err: error }, "Notifiche: restano in attesa fino al prossimo avvio");
}
sql.close();
// The server ends the thread (the relay's pooled connection would keep it alive).
parentPort!.postMessage("stopped");
