import { z } from "zod";
import { MEETING_LIMITS, parseAgendaRef } from "~/domain/meetings";
import type { MeetingInput, MinutesInput } from "~/domain/meetings.server";
import { romeInstant } from "~/lib/clock";
import { addDays, isDay, today } from "~/lib/days";
import type { FieldErrors } from "~/lib/forms";
import { parseForm } from "~/lib/forms.server";
import { cleanText } from "~/lib/text";

/**
 * The meeting's form: title, day, start and end (Rome's clock), place and/or video link, and its
 * agenda as the repeated fields `item` (a title) and `itemRef` (what it is about), box by box,
 * the empty boxes ignored; read apart so that every box comes back to a form to correct.
 */
const oneLine = (max: number) =>
  z
    .string()
    .default("")
    .transform((value) => cleanText(value).trim().replace(/\s+/g, " "))
    .pipe(z.string().max(max, "v.tooLong"));

const clock = z
  .string({ required_error: "v.required" })
  .trim()
  .min(1, "v.required")
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "gmeetings.timeFormat");

const meetingSchema = z.object({
  title: oneLine(MEETING_LIMITS.title).pipe(z.string().min(1, "v.required")),
  day: z
    .string({ required_error: "v.required" })
    .trim()
    .min(1, "v.required")
    .regex(/^\d{4}-\d{2}-\d{2}$/, "v.dateFormat")
    .refine(isDay, "v.dateInvalid"),
  start: clock,
  end: clock,
  place: oneLine(MEETING_LIMITS.place),
  videoUrl: oneLine(MEETING_LIMITS.videoUrl).refine(
    (value) => value === "" || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value),
    "gmeetings.videoUrlInvalid",
  ),
});

export type MeetingFormValues = { fields: Record<string, string>; items: { title: string; ref: string }[] };

export function readMeetingForm(
  form: FormData,
  now = new Date(),
):
  | { ok: true; data: MeetingInput; values: MeetingFormValues }
  | { ok: false; fieldErrors: FieldErrors; values: MeetingFormValues } {
  const titles = form.getAll("item").map((value) => (typeof value === "string" ? cleanText(value) : ""));
  const refs = form.getAll("itemRef").map((value) => (typeof value === "string" ? value : ""));
  const boxes = Array.from({ length: Math.max(titles.length, refs.length) }, (_, i) => ({
    title: (titles[i] ?? "").trim().replace(/\s+/g, " "),
    ref: refs[i] ?? "",
  }));
  const parsed = parseForm(meetingSchema, form);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.fieldErrors };
  const items: MeetingInput["items"] = [];
  for (const box of boxes) {
    const ref = parseAgendaRef(box.ref);
    if (!ref) errors.item = { key: "gmeetings.refInvalid" };
    else if (box.title === "" && (ref.ideaId !== null || ref.objectiveId !== null))
      errors.item = { key: "gmeetings.itemTitleMissing" };
    else if (box.title.length > MEETING_LIMITS.item)
      errors.item = { key: "gmeetings.itemTooLong", params: { max: MEETING_LIMITS.item } };
    else if (box.title !== "") items.push({ title: box.title, ref });
  }
  if (items.length > MEETING_LIMITS.maxItems)
    errors.item = { key: "gmeetings.tooManyItems", params: { max: MEETING_LIMITS.maxItems } };
  let startsAt: Date | null = null;
  let endsAt: Date | null = null;
  if (parsed.ok) {
    const { day, start, end, place, videoUrl } = parsed.data;
    startsAt = romeInstant(day, start);
    endsAt = romeInstant(day, end);
    if (startsAt <= now) errors.start = { key: "gmeetings.inPast" };
    else if (day > addDays(today(now), MEETING_LIMITS.maxDays))
      errors.day = { key: "gmeetings.tooFar", params: { days: MEETING_LIMITS.maxDays } };
    if (endsAt <= startsAt) errors.end = { key: "gmeetings.endBeforeStart" };
    else if (endsAt.getTime() - startsAt.getTime() > MEETING_LIMITS.maxMinutes * 60_000)
      errors.end = { key: "gmeetings.tooLong", params: { hours: MEETING_LIMITS.maxMinutes / 60 } };
    if (place === "" && videoUrl === "") errors.place = { key: "gmeetings.placeMissing" };
  }
  // The form as typed, to show again when something is to correct (here or in the domain).
  const fields: Record<string, string> = {};
  for (const [name, value] of form.entries())
    if (typeof value === "string" && name !== "item" && name !== "itemRef") fields[name] ??= value;
  const values = { fields, items: boxes.slice(0, MEETING_LIMITS.maxItems + 5) };
  if (!parsed.ok || Object.keys(errors).length > 0 || !startsAt || !endsAt)
    return { ok: false, fieldErrors: errors, values };
  const { title, place, videoUrl } = parsed.data;
  return { ok: true, data: { title, startsAt, endsAt, place, videoUrl, items }, values };
}

/** The minutes' form: the Markdown, and for each item `decision-<id>` and `status-<id>`. */
export function readMinutesForm(
  form: FormData,
  itemIds: string[],
): { ok: true; data: MinutesInput } | { ok: false; fieldErrors: FieldErrors; values: Record<string, string> } {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? cleanText(value).replace(/\r\n/g, "\n").trim() : "";
  };
  const errors: FieldErrors = {};
  const minutes = text("minutes");
  if (minutes.length > MEETING_LIMITS.minutes)
    errors.minutes = { key: "v.tooLong", params: { max: MEETING_LIMITS.minutes } };
  const decisions = itemIds.map((itemId) => {
    const decision = text(`decision-${itemId}`);
    if (decision.length > MEETING_LIMITS.decision)
      errors[`decision-${itemId}`] = { key: "v.tooLong", params: { max: MEETING_LIMITS.decision } };
    return { itemId, decision, status: text(`status-${itemId}`) };
  });
  if (Object.keys(errors).length > 0) {
    const values: Record<string, string> = {};
    for (const [name, value] of form.entries()) if (typeof value === "string") values[name] = value;
    return { ok: false, fieldErrors: errors, values };
  }
  return { ok: true, data: { minutes, decisions } };
}
