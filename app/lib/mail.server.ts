import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "./env.server";

/**
 * The way out for e-mail: nodemailer over SMTP to the municipality's relay, or, in the demo
 * without a relay, a local mailbox of .eml files. What to send and when is the outbox's business
 * (domain/mailer.server.ts); this module only delivers one message and says how it went.
 */

export type OutgoingMail = {
  /** The outbox row's id: the Message-ID is made from it, so a message is recognisable as itself. */
  id: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  /** A calendar event sent along (text/calendar, also as invito.ics): a meeting's invitation. */
  calendar?: { method: string; content: string } | null;
};

/** How a delivery went: sent, worth trying again later (no connection, 4xx), or refused for good (5xx). */
export type Delivery = { ok: true } | { ok: false; permanent: boolean; reason: string };

let transport: Transporter | null = null;
let origin = env.mail.origin ?? "http://localhost";

/** The origin of the links in e-mails: APP_ORIGIN, or the server's own address once it listens. */
export function setMailOrigin(value: string) {
  origin = value.replace(/\/$/, "");
}

export function mailOrigin() {
  return origin;
}

function smtpOptions(url: string) {
  const parsed = new URL(url);
  const secure = parsed.protocol === "smtps:";
  const starttls = parsed.searchParams.get("starttls");
  return {
    host: parsed.hostname,
    port: Number(parsed.port) || (secure ? 465 : 587),
    secure,
    auth: parsed.username
      ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) }
      : undefined,
    // STARTTLS is used whenever the relay offers it; `?starttls=required` refuses a relay that
    // does not, `?starttls=off` is for a plain relay on the municipality's own network.
    requireTLS: starttls === "required",
    ignoreTLS: starttls === "off",
    tls: { servername: parsed.hostname, ...(env.mail.caFile ? { ca: readFileSync(env.mail.caFile) } : {}) },
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    // One connection kept open and reused: a digest morning is thousands of messages in a row.
    pool: true,
    maxConnections: 1,
    maxMessages: 500,
  };
}

function currentTransport(): Transporter {
  if (transport) return transport;
  transport =
    env.mail.mode === "smtp"
      ? nodemailer.createTransport(smtpOptions(env.mail.smtpUrl!))
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return transport;
}

/** The domain of MAIL_FROM, for Message-IDs. */
function senderDomain() {
  return /@([^>\s]+)/.exec(env.mail.from)?.[1] ?? "localhost";
}

/** A display name can never carry a header: line breaks and other controls become spaces. */
function headerSafe(text: string) {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  return text.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g, " ").trim();
}

function messageIdOf(id: string) {
  return `<${id}@${senderDomain()}>`;
}

export async function deliver(mail: OutgoingMail): Promise<Delivery> {
  if (env.mail.mode === "off") return { ok: false, permanent: false, reason: "e-mail off" };
  try {
    const info = await currentTransport().sendMail({
      from: env.mail.from,
      to: { name: headerSafe(mail.to.name), address: mail.to.address },
      subject: headerSafe(mail.subject),
      text: mail.text,
      html: mail.html,
      messageId: messageIdOf(mail.id),
      headers: Object.fromEntries(Object.entries(mail.headers).map(([name, value]) => [name, headerSafe(value)])),
      ...(mail.calendar
        ? {
            icalEvent: {
              method: mail.calendar.method,
              filename: mail.calendar.method === "CANCEL" ? "annullamento.ics" : "invito.ics",
              content: mail.calendar.content,
            },
          }
        : {}),
    });
    if (env.mail.mode === "mailbox") {
      mkdirSync(env.mail.mailboxDir, { recursive: true });
      writeFileSync(path.join(env.mail.mailboxDir, `${mail.id}.eml`), info.message as Buffer);
    }
    return { ok: true };
  } catch (error) {
    return classify(error);
  }
}

/**
 * A 5xx answer is final (the relay refuses this message); anything else (no connection, a
 * timeout, a 4xx, a failed login that an administrator will fix) is worth another try.
 */
function classify(error: unknown): Delivery {
  const e = error as { responseCode?: number; code?: string; response?: string; message?: string };
  const reason = (e.response ?? e.message ?? String(error)).slice(0, 500);
  const permanent = typeof e.responseCode === "number" && e.responseCode >= 500 && e.code !== "EAUTH";
  return { ok: false, permanent, reason: e.code ? `${e.code}: ${reason}` : reason };
}
