/** The outbox's states and kinds (outbox.server.ts writes them; the administrator's page shows them). */
export const OUTBOX_STATUSES = ["QUEUED", "SENDING", "SENT", "FAILED"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export type OutboxKind = "INVITATION" | "RESET" | "NOTICE" | "DIGEST";
