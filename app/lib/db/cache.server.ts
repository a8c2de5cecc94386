import { contentVersion } from "./client.server";

const memo = new Map<string, { version: string; value: Promise<unknown> }>();

/**
 * A value computed from the database, kept until its content changes (any write of ours but a
 * session's, any commit by another process): for aggregates that are costly to compute and
 * read far more often than written. `also`: a version of what else it depends on (writes the
 * content version leaves out on purpose, such as citizens' answers).
 */
export function whileUnchanged<T>(key: string, compute: () => Promise<T>, also = ""): Promise<T> {
  const version = `${contentVersion()}/${also}`;
  const hit = memo.get(key);
  if (hit && hit.version === version) return hit.value as Promise<T>;
  const value = compute();
  memo.set(key, { version, value });
  value.catch(() => memo.delete(key));
  return value;
}
