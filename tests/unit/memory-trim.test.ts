import { readFileSync } from "node:fs";
import v8 from "node:v8";
import vm from "node:vm";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { startMemoryTrim, trimMallocHeap } from "~/lib/memory.server";
import { registry } from "~/lib/metrics.server";

// Decision 0038: glibc's free memory goes back to the system after V8's full collections. These
// run in this test's own process, against the C library's real malloc_trim and V8's real
// collector.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const residentMb = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))![1]) / 1024;

async function trims() {
  const text = await registry.getSingleMetricAsString("pionieri_malloc_trim_duration_seconds");
  return Number(/pionieri_malloc_trim_duration_seconds_count (\d+)/.exec(text)![1]);
}

describe("memory given back to the system", () => {
  it("gives back freed memory that glibc keeps among live allocations", async () => {
    // 48 MB of socket-sized buffers (as an upload burst leaves them), with small allocations that
    // live on among them, so that glibc cannot give the space back by trimming its top alone.
    const kept: Buffer[] = [];
    const burst: Buffer[] = [];
    for (let i = 0; i < 800; i++) {
      burst.push(Buffer.allocUnsafeSlow(60_000).fill(i));
      kept.push(Buffer.allocUnsafeSlow(2_000).fill(i));
    }
    burst.length = 0;
    gc();
    await sleep(300);
    const before = residentMb();
    expect(await trimMallocHeap()).toBe(true);
    const after = residentMb();
    expect(before - after).toBeGreaterThan(30);
    // What lives on is untouched.
    expect(kept.every((buffer, i) => buffer[0] === i % 256 && buffer[1_999] === i % 256)).toBe(true);
  });

  it("trims a second after a full collection, then at most every ten seconds", async () => {
    await startMemoryTrim();
    const start = await trims();
    gc();
    await sleep(1_500);
    expect(await trims()).toBe(start + 1);
    // Another collection right after: the next trim waits for the ten seconds to pass.
    gc();
    await sleep(1_500);
    expect(await trims()).toBe(start + 1);
    await sleep(8_000);
    expect(await trims()).toBe(start + 2);
    // Nothing without a full collection.
    await sleep(1_500);
    expect(await trims()).toBe(start + 2);
  });
});
