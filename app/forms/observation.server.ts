import { z } from "zod";
import { CHANNELS, clockSeconds, OBSERVE_LIMITS, OUTCOMES } from "~/domain/observation";
import { isDay } from "~/lib/days";
import { typedValues } from "~/lib/forms";
import { parseForm } from "~/lib/forms.server";

/** The forms of observation campaigns and surveys (issue 15). */

const text = (max: number) =>
  z
    .string({ required_error: "v.required" })
    .transform((value) => value.trim().replace(/\s+/g, " "))
    .pipe(z.string().min(1, "v.required").max(max, "v.tooLong"));
const optionalText = (max: number) =>
  z
    .string()
    .default("")
    .transform((value) => value.trim())
    .pipe(z.string().max(max, "v.tooLong"));
const day = z.string({ required_error: "v.required" }).refine(isDay, "v.dateInvalid");
const id = z.string().regex(/^[a-z0-9]{8,40}$/, "obs.unknownPlace");

export const placeSchema = z.object({
  kind: z.enum(["place", "service"], { errorMap: () => ({ message: "v.required" }) }),
  name: text(OBSERVE_LIMITS.placeName),
});

/** A campaign's fields; the places and services come as repeated checkboxes (read apart). */
export const campaignSchema = z.object({
  title: text(OBSERVE_LIMITS.title),
  purpose: optionalText(OBSERVE_LIMITS.purpose),
  groupId: z.string().default(""),
  startsOn: day,
  endsOn: day,
});

export function idList(form: FormData, name: string): string[] | null {
  const values = form.getAll(name).filter((value): value is string => typeof value === "string" && value !== "");
  if (values.length > 200 || values.some((value) => !id.safeParse(value).success)) return null;
  return [...new Set(values)];
}

const clock = (message: string) =>
  z
    .string()
    .default("")
    .transform((value) => value.trim())
    .refine((value) => value === "" || clockSeconds(value) !== null, message)
    .transform((value) => (value === "" ? null : clockSeconds(value)));

/** A visit as the recording page sends it (with or without JavaScript: the same fields). */
const visitSchema = z.object({
  visitId: z.string().regex(/^[A-Za-z0-9_-]{16,40}$/, "obs.visitIdInvalid"),
  day,
  arrival: clock("obs.timeInvalid").refine((value) => value !== null, "v.required"),
  start: clock("obs.timeInvalid"),
  end: clock("obs.timeInvalid"),
  serviceId: z.string().default(""),
  outcome: z.enum(OUTCOMES, { errorMap: () => ({ message: "obs.outcomeRequired" }) }),
  channel: z.enum(CHANNELS, { errorMap: () => ({ message: "obs.channelRequired" }) }),
  note: optionalText(OBSERVE_LIMITS.note),
});

export const surveySchema = z.object({ title: text(OBSERVE_LIMITS.title) });

export const questionSchema = z.object({
  textIt: text(OBSERVE_LIMITS.question),
  textEn: text(OBSERVE_LIMITS.question),
});

export const moderationSchema = z.object({
  responseId: z.string().regex(/^[a-z0-9]{8,40}$/, "v.unknownIntent"),
  decision: z.enum(["publish", "discard"], { errorMap: () => ({ message: "v.unknownIntent" }) }),
  text: optionalText(OBSERVE_LIMITS.freeText),
});

/** A visit's fields, the same from the page's form and from the phone's queue. */
export function readVisit(form: FormData) {
  const parsed = parseForm(visitSchema, form);
  if (!parsed.ok) return parsed;
  const stops: string[] = [];
  for (let index = 0; index < OBSERVE_LIMITS.stops; index += 1) {
    const value = form.get(`stop${index}`);
    if (typeof value !== "string" || value === "") continue;
    if (!id.safeParse(value).success)
      return {
        ok: false as const,
        fieldErrors: { [`stop${index}`]: { key: "obs.unknownPlace" as const } },
        values: typedValues(form),
      };
    stops.push(value);
  }
  if (stops.length === 0)
    return {
      ok: false as const,
      fieldErrors: { stop0: { key: "obs.placeRequired" as const } },
      values: typedValues(form),
    };
  const { visitId, arrival, ...rest } = parsed.data;
  return {
    ok: true as const,
    data: { ...rest, id: visitId, arrival: arrival!, stops, serviceId: rest.serviceId || null },
  };
}
