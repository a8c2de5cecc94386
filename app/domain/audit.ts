/** What the audit log page shows of an entry (audit.server.ts resolves it; the page writes the sentence). */
export type AuditRef = {
  type: "idea" | "user" | "objective" | "group" | "phase" | "milestone" | "snapshot" | "tag";
  id: string;
  label: string;
  /** A person's e-mail, shown beside the name where two people share it. */
  email?: string;
  /** A person's page or a group's address. */
  slug?: string;
};

export type AuditEntry = {
  id: string;
  kind: string;
  at: Date;
  actor: { id: string; name: string; email: string } | null;
  subject: AuditRef | null;
  /** A second thing the entry concerns: the original of a duplicate, the group of a leadership. */
  related: AuditRef | null;
  /** The entry's values as stored (statuses and roles as codes, names as written). */
  values: Record<string, string>;
};

/** The kinds of entry, grouped for the log's filter (a prefix of the kind). */
export const AUDIT_AREAS = [
  "idea",
  "comment",
  "objective",
  "phase",
  "milestone",
  "snapshot",
  "user",
  "invitation",
  "group",
  "tag",
  "setting",
  "mail",
  "token",
  "webhook",
] as const;
