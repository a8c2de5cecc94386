import { z } from "zod";
import { CHALLENGE_LIMITS } from "~/domain/challenges";
import { addDays, daysBetween, isDay, today, type Day } from "~/lib/days";
import type { FieldErrors } from "~/lib/forms";
import { parseForm } from "~/lib/forms.server";

/** The new-challenge form: the question, its description, the audience, the days, the figure. */
const day = z
  .string({ required_error: "v.required" })
  .trim()
  .min(1, "v.required")
  .regex(/^\d{4}-\d{2}-\d{2}$/, "v.dateFormat")
  .refine(isDay, "v.dateInvalid");

const challengeSchema = z.object({
  title: z
    .string({ required_error: "v.required" })
    .transform((value) => value.trim().replace(/\s+/g, " "))
    .pipe(z.string().min(1, "v.required").max(CHALLENGE_LIMITS.title, "v.tooLong")),
  description: z
    .string({ required_error: "v.required" })
    .transform((value) => value.replace(/\r\n/g, "\n").trim())
    .pipe(z.string().min(1, "v.required").max(CHALLENGE_LIMITS.description, "v.tooLong")),
  audience: z.string({ required_error: "challenges.audienceInvalid" }).min(1, "challenges.audienceInvalid"),
  opensOn: day,
  closesOn: day,
  evidenza: z.string().default(""),
});

export type ChallengeFormData = {
  title: string;
  description: string;
  groupId: string | null;
  opensOn: Day;
  closesOn: Day;
  evidenceKey: string;
};

export function readChallengeForm(
  form: FormData,
  now = new Date(),
): { ok: true; data: ChallengeFormData } | { ok: false; fieldErrors: FieldErrors; values: Record<string, string> } {
  const parsed = parseForm(challengeSchema, form);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.fieldErrors };
  if (parsed.ok) {
    const first = today(now);
    const { opensOn, closesOn } = parsed.data;
    if (opensOn < first) errors.opensOn = { key: "challenges.opensInPast" };
    else if (opensOn > addDays(first, CHALLENGE_LIMITS.maxAhead))
      errors.opensOn = { key: "challenges.opensTooFar", params: { days: CHALLENGE_LIMITS.maxAhead } };
    if (closesOn < first) errors.closesOn = { key: "challenges.closesInPast" };
    else if (closesOn < opensOn) errors.closesOn = { key: "challenges.closesBeforeOpen" };
    else if (daysBetween(opensOn, closesOn) > CHALLENGE_LIMITS.maxDays)
      errors.closesOn = { key: "challenges.tooLong", params: { days: CHALLENGE_LIMITS.maxDays } };
  }
  if (!parsed.ok || Object.keys(errors).length > 0) {
    const values: Record<string, string> = {};
    for (const [name, value] of form.entries()) if (typeof value === "string") values[name] ??= value;
    return { ok: false, fieldErrors: errors, values };
  }
  const { data } = parsed;
  return {
    ok: true,
    data: {
      title: data.title,
      description: data.description,
      groupId: data.audience === "tutti" ? null : data.audience,
      opensOn: data.opensOn,
      closesOn: data.closesOn,
      evidenceKey: data.evidenza,
    },
  };
}
