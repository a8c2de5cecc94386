import { json } from "@remix-run/node";
import { errorResponse } from "./error-response";
import type { MessageKey, MessageParams } from "./i18n";

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

/** A record's number in the address (/idee/42): anything that is not one is a page that does not exist. */
export function idParam(param: string | undefined): number {
  if (!param || !/^\d{1,10}$/.test(param)) httpError(404);
  return Number(param);
}

/** A record's key in the address (/sondaggi/cm…, a cuid): anything else is a page that does not exist. */
export function keyParam(param: string | undefined): string {
  if (!param || !/^[a-z0-9]{8,40}$/.test(param)) httpError(404);
  return param;
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
