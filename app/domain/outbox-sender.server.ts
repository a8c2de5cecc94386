import type { Connection } from "~/lib/db/connection.server";
import { env } from "~/lib/env.server";
import { deliver } from "~/lib/mail.server";

/**
 * Delivery of the outbox's due rows, run by the background worker (app/background-worker.ts) on a connection
 * of its own, so that it keeps pace whatever the pages are doing (decision 0022; the outbox's
 * rules are decision 0018). Each row is claimed (SENDING, committed) before it goes out and
 * marked SENT after: a row left SENDING by a kill is never sent again blindly (the server marks
 * it failed at start). Temporary failures wait 2ⁿ × MAIL_RETRY_MS; a 5xx is final.
 */

const MAX_PAUSE_MS = 60 * 60 * 1000;
/** A mail that could not be delivered for this long is given up. */
const GIVE_UP_MS = 48 * 60 * 60 * 1000;

type Claimed = {
  id: string;
  userId: string | null;
  toAddress: string;
  toName: string;
  subject: string;
  text: string | null;
  html: string | null;
  headers: string;
  calendar: string | null;
  calendarMethod: string | null;
  attempts: number;
  createdAt: string;
};

/** The oldest due row, marked SENDING in the same statement (so no other sender can take it). */
function claim(sql: Connection, now: Date) {
  return sql.get<Claimed>(
    `UPDATE "OutboxMail" SET "status" = 'SENDING', "attempts" = "attempts" + 1
     WHERE "id" = (SELECT "id" FROM "OutboxMail" WHERE "status" = 'QUEUED' AND "nextAttemptAt" <= ?
                   ORDER BY "nextAttemptAt", "id" LIMIT 1)
     RETURNING "id", "userId", "toAddress", "toName", "subject", "text", "html", "headers",
               "calendar", "calendarMethod", "attempts", "createdAt"`,
    now,
  );
}

/**
 * Delivers one due row; what happened: "sent" or "failed" (go on with the next), "wait" (the
 * relay is not answering: the others would fail the same way), "idle" (nothing is due).
 */
export async function sendNext(sql: Connection, now = new Date()): Promise<"sent" | "failed" | "wait" | "idle"> {
  const row = claim(sql, now);
  if (!row) return "idle";
  // A person switched off (or anonymised) since the mail was queued gets nothing.
  const person = row.userId
    ? sql.get<{ active: number }>(`SELECT "active" FROM "User" WHERE "id" = ?`, row.userId)
    : null;
  if (row.userId && person?.active !== 1) {
    sql.run(
      `UPDATE "OutboxMail" SET "status" = 'FAILED', "lastError" = 'Account disattivato: non inviata.' WHERE "id" = ?`,
      row.id,
    );
    return "failed";
  }
  const result = await deliver({
    id: row.id,
    to: { name: row.toName, address: row.toAddress },
    subject: row.subject,
    text: row.text ?? "",
    html: row.html ?? "",
    headers: JSON.parse(row.headers) as Record<string, string>,
    calendar: row.calendar ? { method: row.calendarMethod ?? "REQUEST", content: row.calendar } : null,
  });
  if (result.ok) {
    // The bodies may hold a one-time link: once delivered they are not kept (but in the demo's mailbox).
    sql.run(
      env.mail.mode === "mailbox"
        ? `UPDATE "OutboxMail" SET "status" = 'SENT', "sentAt" = ?, "lastError" = NULL WHERE "id" = ?`
        : `UPDATE "OutboxMail" SET "status" = 'SENT', "sentAt" = ?, "lastError" = NULL, "text" = NULL, "html" = NULL
           WHERE "id" = ?`,
      new Date(),
      row.id,
    );
    return "sent";
  }
  const givenUp = result.permanent || now.getTime() - new Date(row.createdAt).getTime() > GIVE_UP_MS;
  if (givenUp) {
    sql.run(`UPDATE "OutboxMail" SET "status" = 'FAILED', "lastError" = ? WHERE "id" = ?`, result.reason, row.id);
    return "failed";
  }
  const pause = Math.min(env.mail.retryMs * 2 ** (row.attempts - 1), MAX_PAUSE_MS);
  sql.run(
    `UPDATE "OutboxMail" SET "status" = 'QUEUED', "lastError" = ?, "nextAttemptAt" = ? WHERE "id" = ?`,
    result.reason,
    new Date(now.getTime() + pause),
    row.id,
  );
  return "wait";
}
