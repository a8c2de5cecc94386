/**
 * A fixed-window counter in memory. Pionieri runs as one process on one SQLite file, so an
 * in-process table is the whole truth; a restart forgets it, which only ever helps users.
 */
type Window = { count: number; resetAt: number };

export class RateLimiter {
  #windows = new Map<string, Window>();
  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Seconds until `key` may try again, or 0 when it is under the limit. */
  retryAfter(key: string, now = Date.now()): number {
    const window = this.#windows.get(key);
    if (!window || window.resetAt <= now) return 0;
    return window.count >= this.limit ? Math.ceil((window.resetAt - now) / 1000) : 0;
  }

  hit(key: string, now = Date.now()) {
    let window = this.#windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + this.windowMs };
      this.#windows.set(key, window);
    }
    window.count += 1;
    if (this.#windows.size > 50_000) this.#sweep(now);
  }

  reset(key: string) {
    this.#windows.delete(key);
  }

  #sweep(now: number) {
    for (const [key, window] of this.#windows) if (window.resetAt <= now) this.#windows.delete(key);
  }
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
  perAddress: new RateLimiter(10, 60 * 60 * 1000),
  perKiosk: new RateLimiter(120, 60 * 60 * 1000),
  all: new RateLimiter(600, 60 * 1000),
};
