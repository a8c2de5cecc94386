import type { Message } from "./i18n";

export type FieldErrors = Record<string, Message>;

/**
 * The one shape of a form that came back with something to fix (lib/forms.server.ts `invalid`):
 * the errors by field, what was typed (never a password), a message for the whole form, and which
 * form of the page it was when a page has several.
 */
export type FormFailure = {
  ok: false;
  form?: string;
  fieldErrors: FieldErrors;
  formError?: Message;
  values: Record<string, string>;
};

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

/** Reads one text field: a string, or "" for a missing field or a file. */
export function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/**
 * The failure of one form of the page, from an action's answer: `form` names it where a page has
 * several (undefined: the page's only form). Anything else (a success, another form) is undefined.
 */
export function failureOf<T>(actionData: T, form?: string): Extract<NonNullable<T>, { ok: false }> | undefined {
  if (!actionData || typeof actionData !== "object") return undefined;
  const data = actionData as Partial<FormFailure>;
  if (data.ok !== false || !data.fieldErrors) return undefined;
  return form === undefined || data.form === form ? (data as Extract<NonNullable<T>, { ok: false }>) : undefined;
}
