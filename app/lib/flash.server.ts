import { createCookie } from "@remix-run/node";
import { env } from "./env.server";
import type { Message, MessageKey, MessageParams } from "./i18n";
import { isCatalogueKey } from "./i18n/it";
import type { FlashTone } from "./root-data";

/**
 * The one flash mechanism: a short-lived cookie holding a catalogue key and its parameters,
 * set by an action's redirect and read (and cleared) by the root loader. Only known keys are
 * shown, so a forged cookie can at most show another of our own messages.
 */
const cookie = createCookie("pionieri_flash", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  secure: env.cookieSecure,
  maxAge: 60,
});

type Flash = Message & { tone: FlashTone };

async function flashCookie(key: MessageKey, params?: MessageParams, tone: Flash["tone"] = "success") {
  const value: Flash = { key, tone, ...(params ? { params } : {}) };
  return cookie.serialize(value);
}

export async function readFlash(request: Request): Promise<{ flash: Flash | null; clear?: string }> {
  const header = request.headers.get("Cookie");
  if (!header?.includes("pionieri_flash=")) return { flash: null };
  const value: unknown = await cookie.parse(header).catch(() => null);
  const clear = await cookie.serialize("", { maxAge: 0 });
  if (!value || typeof value !== "object") return { flash: null, clear };
  const { key, params, tone } = value as Record<string, unknown>;
  if (!isCatalogueKey(key)) return { flash: null, clear };
  const safeParams: MessageParams = {};
  if (params && typeof params === "object") {
    for (const [name, param] of Object.entries(params)) {
      if (typeof param === "string" || typeof param === "number") safeParams[name] = String(param).slice(0, 500);
    }
  }
  const safeTone = tone === "info" || tone === "warning" ? tone : "success";
  return { flash: { key, params: safeParams, tone: safeTone }, clear };
}

/** post/redirect/get with a message for the next page. */
export async function redirectWithFlash(
  to: string,
  key: MessageKey,
  params?: MessageParams,
  init: { headers?: [string, string][]; tone?: Flash["tone"] } = {},
) {
  const headers = new Headers(init.headers);
  headers.set("Location", to);
  headers.append("Set-Cookie", await flashCookie(key, params, init.tone));
  return new Response(null, { status: 302, headers });
}
