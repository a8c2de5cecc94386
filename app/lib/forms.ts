import type { Message } from "./i18n";

export type FieldErrors = Record<string, Message>;

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
