import type { MessageKey, Translate } from "./index";

/**
 * The words for the codes stored in the database (statuses, roles): one table each, in the core
 * catalogue, read here alone. A code with no word (data from a newer version) shows as itself.
 */
function label(t: Translate, table: string, code: string | null) {
  if (code === null) return "";
  const key = `${table}.${code}`;
  return t.has(key) ? t(key as MessageKey) : code;
}

export const ideaStatusLabel = (t: Translate, status: string | null) => label(t, "status", status);

export const objectiveStatusLabel = (t: Translate, status: string | null) => label(t, "objective.status", status);

export const roleLabel = (t: Translate, role: string | null) => label(t, "role", role);
