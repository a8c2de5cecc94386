import { z } from "zod";
import { IDEA_LIMITS, TAG_KINDS } from "~/domain/ideas";
import { LIMITS } from "~/domain/limits";
import { DIGEST_FREQUENCIES, MAIL_CHOICES, MAIL_KINDS } from "~/domain/mail-preferences";
import { OBJECTIVE_STATUSES } from "~/domain/objectives";
import { PASSWORD_MAX } from "~/domain/passwords";
import { ROLES } from "~/lib/actor";
import { isDay } from "~/lib/days";
import { LOCALES } from "~/lib/i18n";

/**
 * The actions' form schemas. Server only (zod stays out of the pages' JavaScript); the limits the
 * forms show as maxlength live in the domain (limits.ts, ideas.ts).
 */

const text = (max: number) =>
  z
    .string({ required_error: "v.required" })
    .transform((value) => value.trim().replace(/\s+/g, " "))
    .pipe(z.string().min(1, "v.required").max(max, "v.tooLong"));

const email = z
  .string({ required_error: "v.required" })
  .trim()
  .min(1, "v.required")
  .max(LIMITS.email, "v.tooLong")
  .email("v.emailInvalid")
  .transform((value) => value.toLowerCase());

export const loginSchema = z.object({
  email: z.string().trim().max(LIMITS.email, "v.tooLong").default(""),
  password: z
    .string()
    .max(PASSWORD_MAX * 4, "v.passwordTooLong")
    .default(""),
  redirectTo: z.string().optional(),
});

/** "Password dimenticata?": the account's address. */
export const forgotPasswordSchema = z.object({ email });

/** The e-mail preferences: a choice per kind of notice and the digest's rhythm. */
export const mailPreferencesSchema = z.object({
  digest: z.enum(DIGEST_FREQUENCIES, { errorMap: () => ({ message: "v.required" }) }),
  ...Object.fromEntries(
    MAIL_KINDS.map((kind) => [`mail_${kind}`, z.enum(MAIL_CHOICES, { errorMap: () => ({ message: "v.required" }) })]),
  ),
});

export const inviteSchema = z.object({
  email,
  role: z.enum(ROLES, { errorMap: () => ({ message: "v.roleInvalid" }) }),
});

export const profileSchema = z.object({
  displayName: text(LIMITS.displayName),
  office: z
    .string()
    .default("")
    .transform((value) => value.trim().replace(/\s+/g, " "))
    .pipe(z.string().max(LIMITS.office, "v.tooLong")),
  locale: z.enum(LOCALES, { errorMap: () => ({ message: "v.languageInvalid" }) }),
});

/** Setting a password (invitation, reset, change): the rules themselves live in passwords.ts. */
export const newPasswordSchema = z
  .object({
    password: z.string({ required_error: "v.required" }).min(1, "v.required"),
    passwordConfirm: z.string().default(""),
  })
  .refine((value) => value.password === value.passwordConfirm, {
    message: "v.passwordMismatch",
    path: ["passwordConfirm"],
  });

export const acceptInvitationSchema = z.object({
  displayName: text(LIMITS.displayName),
  office: profileSchema.shape.office,
});

export const groupSchema = z.object({
  groupId: z.string().min(1),
  name: text(LIMITS.groupName),
  description: z
    .string({ required_error: "v.required" })
    .transform((value) => value.trim())
    .pipe(z.string().min(1, "v.required").max(LIMITS.groupDescription, "v.tooLong")),
  colour: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "v.colourInvalid")
    .transform((value) => value.toLowerCase()),
  position: z.coerce
    .number({ invalid_type_error: "v.positionInvalid" })
    .int("v.positionInvalid")
    .min(0, "v.positionInvalid")
    .max(999, "v.positionInvalid"),
});

const markdown = (max: number) =>
  z
    .string({ required_error: "v.required" })
    .transform((value) => value.replace(/\r\n/g, "\n").trim())
    .pipe(z.string().min(1, "v.required").max(max, "v.tooLong"));

export const ideaSchema = z.object({
  title: text(IDEA_LIMITS.title),
  body: markdown(IDEA_LIMITS.body),
  groupId: z.string({ required_error: "ideas.groupRequired" }).min(1, "ideas.groupRequired"),
});

export const ideaEditSchema = ideaSchema.omit({ groupId: true });

export const commentSchema = z.object({
  body: markdown(IDEA_LIMITS.comment),
  parentId: z
    .string()
    .optional()
    .transform((value) => (value && /^\d{1,10}$/.test(value) ? Number(value) : undefined)),
});

/** A public reason (status change, hiding a comment, report): optional unless the action requires it. */
export const reasonSchema = z.object({
  reason: z
    .string()
    .default("")
    .transform((value) => value.trim())
    .pipe(z.string().max(IDEA_LIMITS.reason, "v.tooLong")),
});

export const tagSchema = z.object({
  kind: z.enum(TAG_KINDS, { errorMap: () => ({ message: "v.required" }) }),
  name: text(60),
});

const day = z
  .string({ required_error: "v.required" })
  .trim()
  .min(1, "v.required")
  .regex(/^\d{4}-\d{2}-\d{2}$/, "v.dateFormat")
  .refine(isDay, "v.dateInvalid");

const optionalDay = z
  .string()
  .trim()
  .default("")
  .refine((value) => value === "" || (/^\d{4}-\d{2}-\d{2}$/.test(value) && isDay(value)), "v.dateInvalid")
  .transform((value) => value || null);

const progress = z
  .string({ required_error: "v.required" })
  .trim()
  .regex(/^\d{1,3}$/, "v.progressInvalid")
  .transform(Number)
  .refine((value) => value <= 100, "v.progressInvalid");

/** A decimal number as Italians type it ("1.234,5" or "1234.5"), or empty. */
const optionalNumber = z
  .string()
  .trim()
  .default("")
  .transform((value) =>
    value === "" ? null : value.includes(",") ? value.replace(/\./g, "").replace(",", ".") : value,
  )
  .refine((value) => value === null || /^-?\d{1,12}(\.\d{1,4})?$/.test(value), "v.numberInvalid")
  .transform((value) => (value === null ? null : Number(value)));

/** An optional one-line text: spaces, tabs and line breaks become one space. */
const optionalText = (max: number) =>
  z
    .string()
    .default("")
    .transform((value) => value.trim().replace(/\s+/g, " "))
    .pipe(z.string().max(max, "v.tooLong"))
    .transform((value) => value || null);

export const objectiveSchema = z
  .object({
    groupId: z.string().min(1, "v.required"),
    title: text(140),
    description: z
      .string()
      .default("")
      .transform((value) => value.replace(/\r\n/g, "\n").trim())
      .pipe(z.string().max(10_000, "v.tooLong")),
    ownerId: z.string().default(""),
    startOn: day,
    dueOn: day,
    forecastOn: optionalDay,
    status: z.enum(OBJECTIVE_STATUSES, { errorMap: () => ({ message: "v.required" }) }),
    progress,
    indicatorName: optionalText(80),
    indicatorUnit: optionalText(20),
    indicatorBaseline: optionalNumber,
    indicatorTarget: optionalNumber,
    indicatorCurrent: optionalNumber,
  })
  .superRefine((value, ctx) => {
    if (value.dueOn < value.startOn) ctx.addIssue({ code: "custom", path: ["dueOn"], message: "v.dueBeforeStart" });
    if (value.forecastOn && value.forecastOn < value.startOn)
      ctx.addIssue({ code: "custom", path: ["forecastOn"], message: "v.forecastBeforeStart" });
    const indicator = [value.indicatorBaseline, value.indicatorTarget, value.indicatorCurrent].some((n) => n !== null);
    if (indicator && !value.indicatorName)
      ctx.addIssue({ code: "custom", path: ["indicatorName"], message: "v.indicatorName" });
  });

export const progressUpdateSchema = z.object({
  date: day,
  progress,
  status: z.enum(OBJECTIVE_STATUSES, { errorMap: () => ({ message: "v.required" }) }),
  note: z
    .string()
    .default("")
    .transform((value) => value.replace(/\r\n/g, "\n").trim())
    .pipe(z.string().max(5_000, "v.tooLong")),
});

export const phaseSchema = z
  .object({
    name: text(80),
    description: z
      .string()
      .default("")
      .transform((value) => value.trim())
      .pipe(z.string().max(1000, "v.tooLong")),
    startOn: day,
    endOn: day,
    position: z.coerce
      .number({ invalid_type_error: "v.positionInvalid" })
      .int("v.positionInvalid")
      .min(0, "v.positionInvalid")
      .max(999, "v.positionInvalid"),
  })
  .superRefine((value, ctx) => {
    if (value.endOn < value.startOn) ctx.addIssue({ code: "custom", path: ["endOn"], message: "v.dueBeforeStart" });
  });

export const milestoneSchema = z.object({
  title: text(120),
  date: day,
  groupId: z.string().default(""),
});

/** The privacy notice's text (empty: back to the default). */
export const privacySchema = z.object({
  markdown: z
    .string()
    .default("")
    .transform((value) => value.replace(/\r\n/g, "\n").trim())
    .pipe(z.string().max(40_000, "v.tooLong")),
});

/** Freezing the state for a board meeting. */
export const freezeSchema = z.object({
  meetingDate: day,
  notes: z
    .string()
    .default("")
    .transform((value) => value.replace(/\r\n/g, "\n").trim())
    .pipe(z.string().max(5_000, "v.tooLong")),
});

/** Marking an idea as a duplicate: the original's number (as typed, "#12" too) and a reason. */
export const duplicateSchema = reasonSchema.extend({
  originalId: z
    .string()
    .default("")
    .transform((value) => value.replace(/^#/, "").trim())
    .pipe(z.string().regex(/^\d{1,10}$/, "ideas.duplicateUnknown"))
    .transform(Number),
});

/** A step of an idea's workflow: a public reason, and for the board a private note. */
export const statusChangeSchema = reasonSchema.extend({
  privateNote: z
    .string()
    .default("")
    .transform((value) => value.trim())
    .pipe(z.string().max(2_000, "v.tooLong")),
});

/** The board's decision on a waiting idea, from its dashboard. */
export const decisionSchema = statusChangeSchema.extend({
  to: z.enum(["ACCOLTA", "NON_ACCOLTA"], { errorMap: () => ({ message: "board.chooseDecision" }) }),
});
