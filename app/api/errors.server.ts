import { translator, type Locale, type MessageKey, type MessageParams } from "~/lib/i18n";

/**
 * The API's errors: JSON `{ "error": { "code", "message", "fields"? } }`. The code is stable (a
 * client branches on it), the message is for a person, in Italian or English.
 */
export const API_ERROR_CODES = [
  "bad_request",
  "malformed_json",
  "unsupported_media_type",
  "unauthenticated",
  "insufficient_scope",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "conflict",
  "payload_too_large",
  "validation_failed",
  "rate_limited",
  "unavailable",
  "internal_error",
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

const MESSAGES: Record<ApiErrorCode, MessageKey> = {
  bad_request: "api.badRequest",
  malformed_json: "api.malformedJson",
  unsupported_media_type: "api.unsupportedMediaType",
  unauthenticated: "api.unauthenticated",
  insufficient_scope: "api.insufficientScope",
  forbidden: "error.forbidden",
  not_found: "api.notFound",
  method_not_allowed: "api.methodNotAllowed",
  conflict: "api.conflict",
  payload_too_large: "api.payloadTooLarge",
  validation_failed: "api.validation",
  rate_limited: "error.tooMany",
  unavailable: "error.busy",
  internal_error: "api.internal",
};

const STATUS: Record<ApiErrorCode, number> = {
  bad_request: 400,
  malformed_json: 400,
  unsupported_media_type: 415,
  unauthenticated: 401,
  insufficient_scope: 403,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  validation_failed: 422,
  rate_limited: 429,
  unavailable: 503,
  internal_error: 500,
};

/** What the pages' errors (a Response with a message key) mean to the API, by status. */
const BY_STATUS: Record<number, ApiErrorCode> = {
  400: "bad_request",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
  429: "rate_limited",
  503: "unavailable",
};

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly options: {
      key?: MessageKey;
      params?: MessageParams;
      fields?: Record<string, { key: MessageKey; params?: MessageParams }>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(code);
  }
}

export const JSON_TYPE = "application/json; charset=utf-8";

export function errorJson(error: ApiError, locale: Locale, headers: Record<string, string> = {}) {
  const t = translator(locale);
  const { key, params, fields } = error.options;
  const body = {
    error: {
      code: error.code,
      message: t(key ?? MESSAGES[error.code], params),
      ...(fields
        ? { fields: Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, t(f.key, f.params)])) }
        : {}),
    },
  };
  return new Response(JSON.stringify(body), {
    status: STATUS[error.code],
    headers: { "Content-Type": JSON_TYPE, "Cache-Control": "no-store", ...headers, ...error.options.headers },
  });
}

/**
 * A Response thrown by a domain function or the policy (httpError, assertCan, tooMany) as the
 * API's error: same status, its message key in the reader's language.
 */
export async function fromThrownResponse(response: Response): Promise<ApiError> {
  let key: MessageKey | undefined;
  let params: MessageParams | undefined;
  try {
    const body = (await response.json()) as { key?: MessageKey; params?: MessageParams };
    key = body.key;
    params = body.params;
  } catch {
    // Not one of ours with a key: the status's own message.
  }
  const retryAfter = response.headers.get("Retry-After");
  const code = BY_STATUS[response.status] ?? "bad_request";
  return new ApiError(code, {
    key: code === "forbidden" || code === "not_found" ? undefined : key,
    params,
    headers: retryAfter ? { "Retry-After": retryAfter } : undefined,
  });
}
