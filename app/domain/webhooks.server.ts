import { createHmac, randomBytes, randomUUID } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/lib/actor";
import { db } from "~/lib/db/client.server";
import { env } from "~/lib/env.server";
import { log } from "~/lib/log.server";
import { mailOrigin } from "~/lib/mail.server";
import { audit } from "./audit.server";
import { statusSlug, type IdeaStatus } from "./ideas";
import { assertCan } from "./policy.server";
import { outsideRequest } from "~/lib/request-context.server";

/**
 * Webhooks (issue 24, decision 0028): the administrator names an address and the events it wants;
 * each event is written as one WebhookDelivery row per webhook in the transaction of what it
 * reports (so it exists if and only if that happened), and the server posts it moments later,
 * signed, on its own: a receiver that hangs or fails delays neither the request that caused the
 * event nor the other deliveries. Failed attempts are tried again with growing pauses, up to
 * MAX_ATTEMPTS; the delivery's id travels with every attempt so a receiver keeps each event once.
 */
export const WEBHOOK_EVENTS = ["idea.created", "idea.status_changed", "objective.progress_updated"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

type Tx = Prisma.TransactionClient;
type Hook = { id: string; events: string[] };

const MAX_ATTEMPTS = 8;
const MAX_PAUSE_MS = 6 * 3600_000;
const CONCURRENCY = 8;

/**
 * The active webhooks, kept in memory: most writes happen with none configured, and then an
 * event costs no statement. Changed only through this module (one process), which forgets it.
 */
let hooks: Promise<Hook[]> | null = null;
function activeHooks(tx: Tx) {
  // Read on the caller's transaction: its connection is the one in use.
  hooks ??= tx.webhook
    .findMany({ where: { active: true }, select: { id: true, events: true } })
    .then((rows) => rows.map((row) => ({ id: row.id, events: JSON.parse(row.events) as string[] })))
    .catch((error: unknown) => {
      hooks = null;
      throw error;
    });
  return hooks;
}
function forgetHooks() {
  hooks = null;
}

/** Records `event` for every webhook that asked for it, inside the caller's transaction. */
async function emitWebhookEvent(tx: Tx, event: WebhookEvent, data: Record<string, unknown>) {
  const listening = (await activeHooks(tx)).filter((hook) => hook.events.includes(event));
  if (listening.length === 0) return;
  const createdAt = new Date();
  await tx.webhookDelivery.createMany({
    data: listening.map((hook) => {
      const id = randomUUID();
      return {
        id,
        webhookId: hook.id,
        event,
        payload: JSON.stringify({ id, event, createdAt: createdAt.toISOString(), data }),
        createdAt,
        nextAttemptAt: createdAt,
      };
    }),
  });
  // After the transaction commits: a look a moment later finds the rows.
  wakeSoon();
}

/** An absolute link to a page, for the receiver's people. */
const pageUrl = (path: string) => `${mailOrigin()}${path}`;

const ideaRef = (idea: { id: number; title: string }) => ({
  id: idea.id,
  title: idea.title,
  url: pageUrl(`/idee/${idea.id}`),
});

/** A new idea, as the API shows its status (a slug). */
export function ideaCreated(tx: Tx, idea: { id: number; title: string }, group: { slug: string }) {
  return emitWebhookEvent(tx, "idea.created", { idea: { ...ideaRef(idea), status: "nuova", group: group.slug } });
}

/** An idea moved from one status to another (a decision, a duplicate, an objective taking it up). */
export function ideaStatusChanged(
  tx: Tx,
  idea: { id: number; title: string },
  change: { from: string; to: string; reason: string | null; duplicateOf?: number },
) {
  return emitWebhookEvent(tx, "idea.status_changed", {
    idea: ideaRef(idea),
    from: statusSlug(change.from as IdeaStatus),
    to: statusSlug(change.to as IdeaStatus),
    reason: change.reason,
    ...(change.duplicateOf ? { duplicateOf: change.duplicateOf } : {}),
  });
}

/** A progress update on a micro-objective. */
export function objectiveProgress(
  tx: Tx,
  objective: { id: number; title: string },
  update: { date: string; progress: number; status: string },
) {
  return emitWebhookEvent(tx, "objective.progress_updated", {
    objective: { id: objective.id, title: objective.title, url: pageUrl(`/obiettivi/${objective.id}`) },
    ...update,
  });
}

/** The signature a receiver checks: HMAC-SHA256 of "<timestamp>.<body>" with the webhook's secret. */
function signature(secret: string, timestamp: number, body: string) {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

// --- the administrator's page -------------------------------------------------------------------

export type WebhookInput = { url: string; description: string; events: WebhookEvent[] };

export async function createWebhook(actor: Actor, input: WebhookInput) {
  assertCan(actor, "webhook.manage");
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  const webhook = await db.$transaction(async (tx) => {
    const created = await tx.webhook.create({
      data: { url: input.url, description: input.description, events: JSON.stringify(input.events), secret },
      select: { id: true },
    });
    await audit(tx, actor.id, "webhook.add", created.id, { url: input.url, events: input.events });
    return created;
  });
  forgetHooks();
  return { id: webhook.id, secret };
}

export async function setWebhookActive(actor: Actor, id: string, active: boolean) {
  assertCan(actor, "webhook.manage");
  const done = await db.$transaction(async (tx) => {
    const { count } = await tx.webhook.updateMany({ where: { id }, data: { active } });
    if (count === 1 && active) await audit(tx, actor.id, "webhook.resume", id, {});
    if (count === 1 && !active) await audit(tx, actor.id, "webhook.pause", id, {});
    return count === 1;
  });
  forgetHooks();
  return done;
}

export async function deleteWebhook(actor: Actor, id: string) {
  assertCan(actor, "webhook.manage");
  const done = await db.$transaction(async (tx) => {
    const found = await tx.webhook.findUnique({ where: { id }, select: { url: true } });
    if (!found) return false;
    await tx.webhook.delete({ where: { id } });
    await audit(tx, actor.id, "webhook.remove", id, { url: found.url });
    return true;
  });
  forgetHooks();
  return done;
}

/** «Invia di nuovo»: the same delivery (same id, same body) goes out again at once. */
export async function resendDelivery(actor: Actor, id: string) {
  assertCan(actor, "webhook.manage");
  const { count } = await db.webhookDelivery.updateMany({
    where: { id, status: { in: ["DELIVERED", "FAILED"] } },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), lastError: null },
  });
  if (count === 1) wakeSoon();
  return count === 1;
}

const LOG_PAGE = 50;

export async function webhooksPage(actor: Actor, filter: { webhookId?: string; status?: string }) {
  assertCan(actor, "webhook.manage");
  const [webhooks, deliveries] = await Promise.all([
    db.webhook.findMany({
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        url: true,
        description: true,
        events: true,
        active: true,
        createdAt: true,
        _count: { select: { deliveries: { where: { status: "FAILED" } } } },
      },
    }),
    db.webhookDelivery.findMany({
      where: {
        ...(filter.webhookId ? { webhookId: filter.webhookId } : {}),
        ...(filter.status ? { status: filter.status } : {}),
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: LOG_PAGE,
      select: {
        id: true,
        event: true,
        status: true,
        attempts: true,
        lastStatus: true,
        lastError: true,
        nextAttemptAt: true,
        deliveredAt: true,
        createdAt: true,
        webhook: { select: { url: true } },
      },
    }),
  ]);
  return {
    webhooks: webhooks.map(({ _count, events, ...webhook }) => ({
      ...webhook,
      events: JSON.parse(events) as string[],
      failed: _count.deliveries,
    })),
    deliveries,
  };
}

// --- the sender ---------------------------------------------------------------------------------

let timer: NodeJS.Timeout | null = null;
let stopping = false;
const inFlight = new Map<string, Promise<void>>();

function wakeSoon() {
  if (stopping) return;
  if (timer) clearTimeout(timer);
  timer = outsideRequest(() => setTimeout(() => void look(), 20));
}

/** Starts sending: an attempt a stop or a kill interrupted is made again (same id). */
export async function startWebhookSender() {
  stopping = false;
  await db.webhookDelivery.updateMany({ where: { status: "SENDING" }, data: { status: "PENDING" } });
  void look();
}

/** Stops taking new deliveries and lets the ones under way end (each has its own timeout). */
export async function stopWebhookSender() {
  stopping = true;
  if (timer) clearTimeout(timer);
  await Promise.allSettled(inFlight.values());
}

async function look() {
  timer = null;
  if (stopping) return;
  try {
    const free = CONCURRENCY - inFlight.size;
    if (free > 0) {
      const due = await db.webhookDelivery.findMany({
        where: { status: "PENDING", nextAttemptAt: { lte: new Date() }, id: { notIn: [...inFlight.keys()] } },
        orderBy: { nextAttemptAt: "asc" },
        take: free,
        select: { id: true },
      });
      for (const { id } of due) {
        const sending = send(id).finally(() => {
          inFlight.delete(id);
          wakeSoon();
        });
        inFlight.set(id, sending);
      }
    }
  } catch (error) {
    log.warn({ err: error }, "Webhook: consegne rimandate");
  }
  if (!stopping && !timer) timer = outsideRequest(() => setTimeout(() => void look(), env.webhooks.pollMs));
}

async function send(id: string) {
  // Claimed: a second look does not take it while it is on its way.
  const { count } = await db.webhookDelivery.updateMany({
    where: { id, status: "PENDING" },
    data: { status: "SENDING" },
  });
  if (count !== 1) return;
  const delivery = await db.webhookDelivery.findUniqueOrThrow({
    where: { id },
    select: { event: true, payload: true, attempts: true, webhook: { select: { url: true, secret: true } } },
  });
  const timestamp = Math.floor(Date.now() / 1000);
  let status: number | null = null;
  let error: string | null = null;
  try {
    const response = await fetch(delivery.webhook.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(env.webhooks.timeoutMs),
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Pionieri-Webhook/1",
        "Pionieri-Event": delivery.event,
        "Pionieri-Delivery": id,
        "Pionieri-Signature": `t=${timestamp},v1=${signature(delivery.webhook.secret, timestamp, delivery.payload)}`,
      },
      body: delivery.payload,
    });
    status = response.status;
    // Only the status matters; the body is not kept.
    await response.body?.cancel();
    if (status < 200 || status >= 300) error = `HTTP ${status}`;
  } catch (failure) {
    error =
      failure instanceof Error && failure.name === "TimeoutError" ? "timeout" : String((failure as Error).message);
  }
  const attempts = delivery.attempts + 1;
  if (!error) {
    await db.webhookDelivery.update({
      where: { id },
      data: { status: "DELIVERED", attempts, lastStatus: status, lastError: null, deliveredAt: new Date() },
    });
    return;
  }
  const givenUp = attempts >= MAX_ATTEMPTS;
  const pause = Math.min(env.webhooks.retryMs * 2 ** (attempts - 1), MAX_PAUSE_MS);
  await db.webhookDelivery.update({
    where: { id },
    data: {
      status: givenUp ? "FAILED" : "PENDING",
      attempts,
      lastStatus: status,
      lastError: error.slice(0, 300),
      nextAttemptAt: new Date(Date.now() + pause),
    },
  });
  log.warn(
    { deliveryId: id, event: delivery.event, attempts, status, error: error.slice(0, 300) },
    givenUp ? "Webhook: consegna abbandonata" : "Webhook: consegna non riuscita, si riprova",
  );
}
