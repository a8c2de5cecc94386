import { json } from "@remix-run/node";
import { errorResponse } from "./error-response";
import type { FieldErrors } from "./forms";
import type { Message, MessageKey, MessageParams } from "./i18n";

export type FormFailure = { ok: false; fieldErrors: FieldErrors; formError?: Message; values: Record<string, string> };

/** A form the user can fix: 400 (or `status`), the errors by field, and what was typed (never passwords). */
export function invalid(
  fieldErrors: FieldErrors,
  values: Record<string, string> = {},
  options: { status?: number; formError?: Message; headers?: HeadersInit } = {},
) {
  const body: FormFailure = {
    ok: false,
    fieldErrors,
    values,
    ...(options.formError ? { formError: options.formError } : {}),
  };
  return json(body, { status: options.status ?? 400, headers: options.headers });
}

/** Throws a Response that the nearest error boundary shows inside the layout. */
export function httpError(
  status: 400 | 403 | 404 | 409 | 413 | 429,
  message?: MessageKey,
  params?: MessageParams,
): never {
  throw errorResponse(status, message, params);
}

export function notFoundUnless<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) httpError(404);
  return value;
}

/**
 * Too many of an action in a short time: 429 with Retry-After and a message in the page.
 * The root route's `headers` passes Retry-After on to the document response.
 */
export function tooMany(retryAfterSeconds: number): never {
  throw json(
    { key: "error.tooManyWait", params: { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) } },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } },
  );
}
