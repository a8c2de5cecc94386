import { json } from "@remix-run/node";
import type { z } from "zod";
import { typedValues, type FieldErrors, type FormFailure } from "./forms";
import { httpError } from "./http.server";
import type { Message } from "./i18n";
import { cleanText } from "./text";
import { isCatalogueKey } from "./i18n/it";

export type Parsed<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors; values: Record<string, string> };

/** Fields whose value is taken exactly as typed (a password is checked, never shown or stored). */
const VERBATIM = /password/i;

/**
 * Validates a form against a Zod schema whose messages are catalogue keys. The first problem
 * of each field wins; lengths travel as parameters ({min}, {max}). Every text is cleaned first
 * (lib/text.ts): what a person writes is stored without bidi controls or control characters.
 */
export function parseForm<S extends z.ZodTypeAny>(schema: S, form: FormData): Parsed<z.output<S>> {
  const raw: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" && !(name in raw)) raw[name] = VERBATIM.test(name) ? value : cleanText(value);
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

/**
 * The one answer to a form the user can fix: 400 (or `status`), the errors by field, what was
 * typed (never passwords), and `form` when the page has several forms (lib/forms.ts `failureOf`).
 * `extra` carries what the form shows besides its fields (the similar ideas, say).
 */
export function invalid<Extra extends object = object>(
  fieldErrors: FieldErrors,
  values: Record<string, string>,
  options: { form?: string; status?: number; formError?: Message; headers?: HeadersInit; extra?: Extra } = {},
) {
  const body: FormFailure & Extra = {
    ...(options.extra as Extra),
    ok: false,
    fieldErrors,
    values,
    ...(options.form ? { form: options.form } : {}),
    ...(options.formError ? { formError: options.formError } : {}),
  };
  return json(body, { status: options.status ?? 400, headers: options.headers });
}

/** A record's number in a form field (a comment's id, say): anything else is a 400, not a guess. */
export function idField(form: FormData, name: string): number {
  const value = form.get(name);
  if (typeof value !== "string" || !/^\d{1,10}$/.test(value)) httpError(400, "v.unknownIntent");
  return Number(value);
}
