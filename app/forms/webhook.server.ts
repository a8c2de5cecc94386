import { WEBHOOK_EVENTS, type WebhookInput } from "~/domain/webhooks.server";
import type { FieldErrors } from "~/lib/forms";

/** The administrator's form for a new webhook: an http(s) address, a note, at least one event. */
export function readWebhookForm(
  form: FormData,
): { ok: true; data: WebhookInput } | { ok: false; fieldErrors: FieldErrors } {
  const fieldErrors: FieldErrors = {};
  const url = String(form.get("url") ?? "").trim();
  const parsed = url.length <= 500 && URL.canParse(url) ? new URL(url) : null;
  if (!url) fieldErrors.url = { key: "v.required" };
  else if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.username || parsed.password)
    fieldErrors.url = { key: "webhook.badUrl" };
  const description = String(form.get("description") ?? "").trim();
  if (description.length > 200) fieldErrors.description = { key: "v.tooLong", params: { max: 200 } };
  const chosen = form.getAll("events").map(String);
  const events = WEBHOOK_EVENTS.filter((event) => chosen.includes(event));
  if (events.length === 0 || events.length !== new Set(chosen).size) fieldErrors.events = { key: "webhook.badEvents" };
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, data: { url: parsed!.toString(), description, events } };
}
