import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/**
 * What belongs to one request wherever its work goes: its id (in every log line written on its
 * behalf, in the `X-Request-Id` header and in the audit entries it writes) and, in benchmark
 * mode, how many SQL statements it ran. app/server.ts opens one per request.
 */
type RequestContext = { id: string; statements: number };

const contexts = new AsyncLocalStorage<RequestContext>();

/** An id a proxy in front of us set is kept when it looks like one; otherwise a new one. */
const GIVEN_ID = /^[A-Za-z0-9._:-]{8,64}$/;

export function inRequest<T>(givenId: string | undefined, run: (id: string) => T): T {
  const id = givenId && GIVEN_ID.test(givenId) ? givenId : randomUUID();
  return contexts.run({ id, statements: 0 }, () => run(id));
}

export function requestId(): string | null {
  return contexts.getStore()?.id ?? null;
}

/** Benchmark mode: counts a statement against the request that ran it (db client, fast path). */
export function countStatement() {
  const context = contexts.getStore();
  if (context) context.statements += 1;
}

export function statementsSoFar() {
  return contexts.getStore()?.statements ?? 0;
}

/**
 * Runs `start` outside any request: for the server's own loops (the notices' fan-out, the mailer,
 * the webhooks' sender, the directory check), whose timers would otherwise belong to the request
 * that woke them, their statements counted in its tally and their log lines carrying its id.
 */
export function outsideRequest<T>(start: () => T): T {
  return contexts.exit(start);
}
