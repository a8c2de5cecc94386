import type { z } from "zod";
import { typedValues, type FieldErrors } from "./forms";
import { isCatalogueKey } from "./i18n/it";

export type Parsed<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors; values: Record<string, string> };

/**
 * Validates a form against a Zod schema whose messages are catalogue keys. The first problem
 * of each field wins; lengths travel as parameters ({min}, {max}).
 */
export function parseForm<S extends z.ZodTypeAny>(schema: S, form: FormData): Parsed<z.output<S>> {
  const raw: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" && !(name in raw)) raw[name] = value;
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? "_form");
    if (fieldErrors[name]) continue;
    const key = isCatalogueKey(issue.message) ? issue.message : "v.required";
    const params: Record<string, number> = {};
    if (issue.code === "too_big") params.max = Number(issue.maximum);
    if (issue.code === "too_small") params.min = Number(issue.minimum);
    fieldErrors[name] = { key, params };
  }
  return { ok: false, fieldErrors, values: typedValues(form) };
}
