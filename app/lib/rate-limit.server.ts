import { createHash } from "node:crypto";
import { db } from "./db/client.server";
import { log } from "./log.server";

/**
 * Fixed-window counters. Pionieri runs as one process on one SQLite file, so the table in
 * memory answers every question; a KeptRateLimiter also writes each window to SQLite
 * (RateLimitWindow) and reads them back at start, so that a restart does not reopen a window an
 * attacker had filled (issue 24: sign-in, password reset, citizens' answers). Keys are stored as
 * hashes: an e-mail or an address is never kept in clear. The limits on staff's own writes
 * (comments, ideas, invitations) stay in memory: a restart only ever helps a colleague there, and
 * a comment does not pay for a second write (decision 0026).
 */
type Window = { count: number; resetAt: number };

export class RateLimiter {
  protected windows = new Map<string, Window>();
  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Seconds until `key` may try again, or 0 when it is under the limit. */
  retryAfter(key: string, now = Date.now()): number {
    const window = this.windows.get(this.keyOf(key));
    if (!window || window.resetAt <= now) return 0;
    return window.count >= this.limit ? Math.ceil((window.resetAt - now) / 1000) : 0;
  }

  hit(key: string, now = Date.now()): unknown {
    const k = this.keyOf(key);
    let window = this.windows.get(k);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + this.windowMs };
      this.windows.set(k, window);
    }
    window.count += 1;
    if (this.windows.size > 50_000) this.#sweep(now);
    return window;
  }

  reset(key: string): unknown {
    return this.windows.delete(this.keyOf(key));
  }

  protected keyOf(key: string) {
    return key;
  }

  #sweep(now: number) {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

const kept = new Map<string, KeptRateLimiter>();

/** A limit whose windows are also written to SQLite and read back at start. */
export class KeptRateLimiter extends RateLimiter {
  constructor(
    limit: number,
    windowMs: number,
    readonly bucket: string,
  ) {
    super(limit, windowMs);
    if (kept.has(bucket)) throw new Error(`Limite già definito: ${bucket}`);
    kept.set(bucket, this);
  }

  /** Counts one attempt; resolves once its window is written. */
  override async hit(key: string, now = Date.now()): Promise<void> {
    const { count, resetAt } = super.hit(key, now) as Window;
    const keyHash = this.keyOf(key);
    const values = { count, resetAt: new Date(resetAt) };
    // One INSERT … ON CONFLICT DO UPDATE (Prisma's native upsert on a unique key).
    await keep(() =>
      db.rateLimitWindow.upsert({
        where: { bucket_keyHash: { bucket: this.bucket, keyHash } },
        create: { bucket: this.bucket, keyHash, ...values },
        update: values,
        select: { count: true },
      }),
    );
  }

  override async reset(key: string): Promise<void> {
    if (!super.reset(key)) return;
    const keyHash = this.keyOf(key);
    await keep(() => db.rateLimitWindow.deleteMany({ where: { bucket: this.bucket, keyHash } }));
  }

  /** A window read back at start. */
  restore(keyHash: string, window: Window) {
    this.windows.set(keyHash, window);
  }

  /** Known by a hash only, also in memory: an e-mail or an address is never kept in clear. */
  protected override keyOf(key: string) {
    return createHash("sha256").update(key).digest("base64url").slice(0, 22);
  }
}

/**
 * A window that could not be written (the database busy past its timeout, the disk full) is still
 * counted in memory: the limit holds until the next restart, and the request goes on.
 */
async function keep(write: () => Promise<unknown>) {
  try {
    await write();
  } catch (error) {
    log.warn({ err: error }, "Limite: finestra non salvata");
  }
}

/** At start: the windows still open go back to their limits, the closed ones are deleted. */
export async function restoreRateLimits(now = new Date()) {
  await db.rateLimitWindow.deleteMany({ where: { resetAt: { lte: now } } });
  const rows = await db.rateLimitWindow.findMany();
  for (const row of rows)
    kept.get(row.bucket)?.restore(row.keyHash, { count: row.count, resetAt: row.resetAt.getTime() });
  return rows.length;
}

/** Limits on writing actions per person, so that a script or a stuck key cannot flood the intranet. */
export const actionLimits = {
  comment: new RateLimiter(30, 10 * 60 * 1000),
  idea: new RateLimiter(10, 60 * 60 * 1000),
  invitation: new RateLimiter(50, 60 * 60 * 1000),
};

/** Counts one action of `key`; returns the seconds to wait when over the limit (nothing counted then). */
export function consume(limiter: RateLimiter, key: string): number {
  const wait = limiter.retryAfter(key);
  if (wait > 0) return wait;
  limiter.hit(key);
  return 0;
}

/**
 * Citizens' answers (issue 15, pages without login): per address (a phone on the poster's QR
 * code), per kiosk (a tablet answers for many people, one after another), and all together, so
 * that a flood of answers stays a trickle of small writes and never slows the staff's pages.
 */
export const surveyLimits = {
  perAddress: new KeptRateLimiter(10, 60 * 60 * 1000, "survey:address"),
  perKiosk: new KeptRateLimiter(120, 60 * 60 * 1000, "survey:kiosk"),
  all: new KeptRateLimiter(600, 60 * 1000, "survey:all"),
};
