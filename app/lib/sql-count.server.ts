import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Benchmark mode only (PIONIERI_BENCH=1): how many SQL statements a request ran. app/server.ts
 * opens a tally per request and reports it in the `X-Sql-Statements` header; db.server.ts counts
 * every statement the driver prepares (BEGIN and COMMIT included).
 */
const tallies = new AsyncLocalStorage<{ statements: number }>();

export function withTally<T>(run: () => T): T {
  return tallies.run({ statements: 0 }, run);
}

export function countStatement() {
  const tally = tallies.getStore();
  if (tally) tally.statements += 1;
}

export function statementsSoFar() {
  return tallies.getStore()?.statements ?? 0;
}
