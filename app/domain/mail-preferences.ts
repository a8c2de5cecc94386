/**
 * What each person receives by e-mail, by kind of notice: at once, in the digest, or never.
 * The defaults follow what a colleague would expect: what is addressed to them (a reply, a
 * mention, a decision on their idea) at once; what they follow, in the digest.
 */
export const MAIL_KINDS = [
  "STATUS",
  "MERGE",
  "REPLY",
  "MENTION",
  "HIDDEN",
  "OWNER",
  "COMMENT",
  "OBJECTIVE",
  "NEW_IDEA",
  "REPORT",
  "MEETING",
  "CHALLENGE",
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const MAIL_CHOICES = ["IMMEDIATE", "DIGEST", "NEVER"] as const;
export type MailChoice = (typeof MAIL_CHOICES)[number];

export const DIGEST_FREQUENCIES = ["DAILY", "WEEKLY", "NEVER"] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

export const MAIL_DEFAULTS: Record<MailKind, MailChoice> = {
  STATUS: "IMMEDIATE",
  MERGE: "IMMEDIATE",
  REPLY: "IMMEDIATE",
  MENTION: "IMMEDIATE",
  HIDDEN: "IMMEDIATE",
  OWNER: "IMMEDIATE",
  COMMENT: "DIGEST",
  OBJECTIVE: "DIGEST",
  NEW_IDEA: "DIGEST",
  REPORT: "DIGEST",
  // An invitation carries its calendar event: it is only useful at once.
  MEETING: "IMMEDIATE",
  CHALLENGE: "IMMEDIATE",
};

export function isMailKind(value: unknown): value is MailKind {
  return typeof value === "string" && (MAIL_KINDS as readonly string[]).includes(value);
}

function isMailChoice(value: unknown): value is MailChoice {
  return typeof value === "string" && (MAIL_CHOICES as readonly string[]).includes(value);
}

export function isDigestFrequency(value: unknown): value is DigestFrequency {
  return typeof value === "string" && (DIGEST_FREQUENCIES as readonly string[]).includes(value);
}

/** A person's choices as stored (JSON), each kind filled in with its default; bad JSON counts as none. */
export function mailPreferences(stored: string): Record<MailKind, MailChoice> {
  let parsed: Record<string, unknown> = {};
  try {
    const value: unknown = JSON.parse(stored);
    if (value && typeof value === "object") parsed = value as Record<string, unknown>;
  } catch {
    // a broken value is the defaults
  }
  return Object.fromEntries(
    MAIL_KINDS.map((kind) => [kind, isMailChoice(parsed[kind]) ? parsed[kind] : MAIL_DEFAULTS[kind]]),
  ) as Record<MailKind, MailChoice>;
}
