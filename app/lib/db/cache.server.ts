import { reader } from "./fast.server";

const memo = new Map<string, { version: string; value: Promise<unknown> }>();
/** Keys are few (a page's filters at most); past this many, the oldest goes. */
const MAX_KEYS = 300;

/**
 * A value computed from the database, kept until its content changes (the content version, which
 * every committed write to a table that pages show raises, whichever connection makes it): for
 * aggregates that are costly to compute and read far more often than written. `also`: a version
 * of what else it depends on (writes the content version leaves out on purpose, such as
 * citizens' answers). The version is read before computing: a write that lands meanwhile makes
 * the next call compute again.
 */
export function whileUnchanged<T>(key: string, compute: () => Promise<T>, also = ""): Promise<T> {
  const version = `${reader().version()}/${also}`;
  const hit = memo.get(key);
  if (hit && hit.version === version) return hit.value as Promise<T>;
  const value = compute();
  memo.delete(key);
  memo.set(key, { version, value });
  if (memo.size > MAX_KEYS) memo.delete(memo.keys().next().value!);
  value.catch(() => {
    if (memo.get(key)?.value === value) memo.delete(key);
  });
  return value;
}

/** The content version as committed: part of the key of what a page keeps (drawn markup). */
export function contentVersion(): number {
  return reader().version();
}
