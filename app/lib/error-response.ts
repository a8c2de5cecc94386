import { translator, type MessageKey, type MessageParams } from "./i18n";

const DEFAULT_KEYS: Partial<Record<number, MessageKey>> = {
  400: "error.badRequest",
  403: "error.forbidden",
  404: "error.notFound",
  409: "error.badRequest",
  429: "error.tooMany",
  503: "error.busy",
};
// Made on first use, not when the module loads: a call at load time is a side effect that kept
// this module, and the policy that imports it, in the JavaScript of pages that never use them.
let italian: ReturnType<typeof translator> | null = null;

/**
 * A refused request as a Response: `key` lets the error page speak the reader's language;
 * `message` is the same in Italian, for what has no page (a CSV, a calendar feed, a fetch).
 */
export function errorResponse(
  status: number,
  key?: MessageKey,
  params?: MessageParams,
  headers: Record<string, string> = {},
) {
  const messageKey = key ?? DEFAULT_KEYS[status] ?? "error.badRequest";
  return new Response(
    JSON.stringify({ key: messageKey, params, message: (italian ??= translator("it"))(messageKey, params) }),
    {
      status,
      headers: { "Content-Type": "application/json; charset=utf-8", ...headers },
    },
  );
}
