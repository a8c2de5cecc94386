import { z } from "zod";
import { POLL_LIMITS, POLL_RESULTS } from "~/domain/polls";
import type { PollInput } from "~/domain/polls.server";
import { addDays, isDay, today, type Day } from "~/lib/days";
import type { FieldErrors } from "~/lib/forms";
import { parseForm } from "~/lib/forms.server";
import { cleanText } from "~/lib/text";

/**
 * The new-poll form: its fields by schema, its options as the repeated field `option` (ten
 * boxes, the empty ones ignored), read apart so that all of them come back to a form to correct.
 */
const pollSchema = z.object({
  question: z
    .string({ required_error: "v.required" })
    .transform((value) => value.trim().replace(/\s+/g, " "))
    .pipe(z.string().min(1, "v.required").max(POLL_LIMITS.question, "v.tooLong")),
  description: z
    .string()
    .default("")
    .transform((value) => value.replace(/\r\n/g, "\n").trim())
    .pipe(z.string().max(POLL_LIMITS.description, "v.tooLong")),
  multiple: z.enum(["0", "1"], { errorMap: () => ({ message: "v.required" }) }),
  showResults: z.enum(POLL_RESULTS, { errorMap: () => ({ message: "v.required" }) }),
  endsOn: z
    .string({ required_error: "v.required" })
    .trim()
    .min(1, "v.required")
    .regex(/^\d{4}-\d{2}-\d{2}$/, "v.dateFormat")
    .refine(isDay, "v.dateInvalid"),
  audience: z.string({ required_error: "polls.audienceInvalid" }).min(1, "polls.audienceInvalid"),
});

/** The form as typed, to show again: its fields and its option boxes. */
export type PollFormValues = { fields: Record<string, string>; options: string[] };

export function readPollForm(
  form: FormData,
  now = new Date(),
): { ok: true; data: PollInput } | { ok: false; fieldErrors: FieldErrors; values: PollFormValues } {
  const raw = form.getAll("option").map((value) => (typeof value === "string" ? cleanText(value) : ""));
  const options = raw.map((label) => label.trim().replace(/\s+/g, " ")).filter((label) => label !== "");
  const parsed = parseForm(pollSchema, form);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.fieldErrors };
  if (options.length < POLL_LIMITS.minOptions)
    errors.option = { key: "polls.tooFewOptions", params: { min: POLL_LIMITS.minOptions } };
  else if (options.length > POLL_LIMITS.maxOptions)
    errors.option = { key: "polls.tooManyOptions", params: { max: POLL_LIMITS.maxOptions } };
  else if (options.some((label) => label.length > POLL_LIMITS.option))
    errors.option = { key: "polls.optionTooLong", params: { max: POLL_LIMITS.option } };
  else if (new Set(options.map((label) => label.toLocaleLowerCase("it"))).size < options.length)
    errors.option = { key: "polls.optionRepeated" };
  if (parsed.ok) {
    const first: Day = today(now);
    if (parsed.data.endsOn < first) errors.endsOn = { key: "polls.endInPast" };
    else if (parsed.data.endsOn > addDays(first, POLL_LIMITS.maxDays))
      errors.endsOn = { key: "polls.endTooFar", params: { days: POLL_LIMITS.maxDays } };
  }
  if (!parsed.ok || Object.keys(errors).length > 0) {
    const fields: Record<string, string> = {};
    for (const [name, value] of form.entries())
      if (typeof value === "string" && name !== "option") fields[name] ??= value;
    return { ok: false, fieldErrors: errors, values: { fields, options: raw.slice(0, POLL_LIMITS.maxOptions + 5) } };
  }
  const { data } = parsed;
  return {
    ok: true,
    data: {
      question: data.question,
      description: data.description,
      options,
      multiple: data.multiple === "1",
      showResults: data.showResults,
      endsOn: data.endsOn,
      groupId: data.audience === "tutti" ? null : data.audience,
    },
  };
}
