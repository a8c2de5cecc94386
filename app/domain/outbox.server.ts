import { randomBytes } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/lib/actor";
import client from "prom-client";
import { db } from "~/lib/db/client.server";
import { registry } from "~/lib/metrics.server";
import { env } from "~/lib/env.server";
import { httpError } from "~/lib/http.server";
import { audit } from "./audit.server";
import type { ComposedMail } from "./mail-messages.server";
import { OUTBOX_STATUSES, type OutboxKind, type OutboxStatus } from "./outbox";
import { assertCan } from "./policy.server";

type Tx = Prisma.TransactionClient;

/** Ids that start with the time: the outbox reads in order of writing, and ids sort the same way. */
function outboxId(at = Date.now()) {
  return `m${at.toString(36).padStart(9, "0")}${randomBytes(8).toString("hex")}`;
}

/** Whether e-mail leaves the app at all (an SMTP relay, or the demo's mailbox). */
export function mailEnabled() {
  return env.mail.mode !== "off";
}

/**
 * Queues an e-mail inside the caller's transaction: if what causes it rolls back, no mail; once
 * it commits, the mail is sent even if the process dies right after. Nothing when e-mail is off.
 */
export async function enqueueMail(
  tx: Tx,
  input: {
    userId: string | null;
    to: { name: string; address: string };
    kind: OutboxKind;
    mail: ComposedMail;
    headers?: Record<string, string>;
    /** A calendar event to send along (a meeting's invitation or cancellation). */
    calendar?: { method: string; content: string } | null;
  },
) {
  if (!mailEnabled()) return null;
  const id = outboxId();
  await tx.outboxMail.create({
    data: {
      id,
      userId: input.userId,
      toAddress: input.to.address,
      toName: input.to.name,
      kind: input.kind,
      subject: input.mail.subject,
      text: input.mail.text,
      html: input.mail.html,
      headers: JSON.stringify(input.headers ?? {}),
      calendar: input.calendar?.content ?? null,
      calendarMethod: input.calendar?.method ?? null,
    },
  });
  return id;
}

const PAGE = 50;

/** The administrator's view of the outbox: counts by status and the latest rows, newest first. */
export async function outboxPage(actor: Actor, filter: { status?: OutboxStatus; page: number }) {
  assertCan(actor, "mail.view");
  const [counts, rows] = await Promise.all([
    db.outboxMail.groupBy({ by: ["status"], _count: { _all: true } }),
    db.outboxMail.findMany({
      where: filter.status ? { status: filter.status } : {},
      orderBy: { id: "desc" },
      skip: (filter.page - 1) * PAGE,
      take: PAGE + 1,
      select: {
        id: true,
        toAddress: true,
        toName: true,
        kind: true,
        subject: true,
        status: true,
        attempts: true,
        lastError: true,
        createdAt: true,
        sentAt: true,
        nextAttemptAt: true,
        // The demo's mailbox shows what was "received"; a real installation never shows bodies.
        text: env.mail.mode === "mailbox",
      },
    }),
  ]);
  return {
    counts: Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, counts.find((c) => c.status === s)?._count._all ?? 0])),
    rows: rows.slice(0, PAGE),
    hasMore: rows.length > PAGE,
  };
}

/** A failed e-mail goes back in the queue, from its first attempt. */
export async function resendMail(actor: Actor, id: string) {
  assertCan(actor, "mail.resend");
  const mail = await db.outboxMail.findUnique({ where: { id }, select: { status: true, text: true } });
  if (!mail) httpError(404);
  if (mail.status !== "FAILED" || mail.text === null) httpError(409, "mail.notResendable");
  await db.$transaction(async (tx) => {
    await tx.outboxMail.update({
      where: { id },
      data: { status: "QUEUED", attempts: 0, nextAttemptAt: new Date(), lastError: null },
    });
    await audit(tx, actor.id, "mail.resend", id, {});
  });
}

/** The outbox as /metrics shows it (decision 0025), read once per collection: both gauges ask. */
let lastLook: Promise<{ waiting: number; oldestAgeSeconds: number }> | null = null;
function waitingMail() {
  lastLook ??= db.outboxMail
    .aggregate({ where: { status: { in: ["QUEUED", "SENDING"] } }, _count: true, _min: { createdAt: true } })
    .then((found) => ({
      waiting: found._count,
      oldestAgeSeconds: found._min.createdAt ? Math.max(0, (Date.now() - found._min.createdAt.getTime()) / 1000) : 0,
    }))
    .finally(() => setTimeout(() => (lastLook = null), 1000).unref());
  return lastLook;
}

new client.Gauge({
  name: "pionieri_outbox_depth",
  help: "E-mail in attesa di invio (in coda o in consegna)",
  registers: [registry],
  async collect() {
    this.set((await waitingMail()).waiting);
  },
});

new client.Gauge({
  name: "pionieri_outbox_oldest_age_seconds",
  help: "Da quanti secondi aspetta l'e-mail più vecchia ancora da inviare (0 se nessuna)",
  registers: [registry],
  async collect() {
    this.set((await waitingMail()).oldestAgeSeconds);
  },
});
