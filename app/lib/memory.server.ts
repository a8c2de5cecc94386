import { PerformanceObserver, constants, type PerformanceEntry } from "node:perf_hooks";
import client from "prom-client";
import { log } from "~/lib/log.server";
import { registry } from "~/lib/metrics.server";

/**
 * Gives glibc's free memory back to the system after V8's full collections (decision 0038).
 *
 * glibc returns only the top of its heap when memory is freed. A burst of uploads fills it with
 * 64 KB socket buffers that die together at the next collection; whatever was allocated among them
 * and lives on (a compiled function's scratch, a statement's cache) then keeps the freed space
 * below it resident for the life of the process, 40-60 MB after sixteen 20 MB files. Only
 * `malloc_trim` gives free pages in the middle of the heap back, and Node does not call it: we
 * call it through koffi, the maintained FFI for Node, at most every ten seconds, a second after a
 * full collection (the buffers' memory is freed just after it, off the main thread).
 *
 * Elsewhere than on glibc (no `malloc_trim` in the C library) nothing is started.
 */

/** How long after a full collection: V8 frees dead ArrayBuffers' memory on a helper thread. */
const AFTER_GC_MS = 1000;
/** At most this often: a trim holds glibc's lock for a few milliseconds (4-10 ms measured). */
const EVERY_MS = 10_000;

const trims = new client.Histogram({
  name: "pionieri_malloc_trim_duration_seconds",
  help: "Durata delle restituzioni al sistema della memoria libera di glibc (malloc_trim), dopo le raccolte complete",
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1],
  registers: [registry],
});

let trim: ((pad: number) => number) | null | undefined;

/** `malloc_trim` from the C library, or null where there is none (musl, macOS, Windows). */
async function loadTrim() {
  if (trim !== undefined) return trim;
  try {
    const { default: koffi } = await import("koffi");
    trim = koffi.load("libc.so.6").func("int malloc_trim(size_t pad)") as (pad: number) => number;
  } catch (error) {
    log.info({ err: error }, "malloc_trim non disponibile: la memoria libera resta al processo");
    trim = null;
  }
  return trim;
}

/**
 * Gives the free pages of glibc's heap back now; true when some were. False where there is no
 * `malloc_trim`.
 */
export async function trimMallocHeap() {
  const call = await loadTrim();
  if (!call) return false;
  const end = trims.startTimer();
  const released = call(0) === 1;
  end();
  return released;
}

let observer: PerformanceObserver | null = null;

/** Trims after full collections from now on (the server, at listen). */
export async function startMemoryTrim() {
  if (observer || !(await loadTrim())) return;
  let timer: NodeJS.Timeout | null = null;
  let last = 0;
  const run = () => {
    timer = null;
    last = Date.now();
    void trimMallocHeap();
  };
  observer = new PerformanceObserver((list) => {
    if (timer || !list.getEntries().some(isFullCollection)) return;
    timer = setTimeout(run, Math.max(AFTER_GC_MS, last + EVERY_MS - Date.now()));
    timer.unref();
  });
  observer.observe({ entryTypes: ["gc"] });
}

/** A "gc" entry's detail says which collection it was. */
function isFullCollection(entry: PerformanceEntry & { detail?: { kind?: number } }) {
  return entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR;
}
