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
