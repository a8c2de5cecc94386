import type { z } from "zod";
import { isMessageKey, type Message } from "./i18n";

export type FieldErrors = Record<string, Message>;

export type Parsed<T> =
  | { ok: true; data: T }
  | { ok: false; fieldErrors: FieldErrors; values: Record<string, string> };

/** Fields whose typed value is never sent back to the page. */
const SECRET = /password/i;

/** Text fields of a form, as typed (secrets left out): what a failed form shows again. */
export function typedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" && !SECRET.test(name)) values[name] = value.slice(0, 20_000);
  }
  return values;
}

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
    const key = isMessageKey(issue.message) ? issue.message : "v.required";
    const params: Record<string, number> = {};
    if (issue.code === "too_big") params.max = Number(issue.maximum);
    if (issue.code === "too_small") params.min = Number(issue.minimum);
    fieldErrors[name] = { key, params };
  }
  return { ok: false, fieldErrors, values: typedValues(form) };
}

/** Reads one text field: a string, or "" for a missing field or a file. */
export function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
