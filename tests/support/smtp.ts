import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll } from "vitest";

/** A message as the test SMTP server received it: the envelope, the raw text, the parsed mail. */
export type Received = { to: string[]; raw: string; mail: ParsedMail };

/**
 * A real SMTP server on loopback (the smtp-server package, by nodemailer's authors), started by
 * the test file: Pionieri talks SMTP to it as to the municipality's relay. It can refuse a
 * recipient with a given code, stop listening for a while (connections refused), and hold a
 * message's DATA unanswered (a delivery in flight).
 */
export function useSmtp() {
  const received: Received[] = [];
  let refuse: (address: string) => number | null = () => null;
  let held: Promise<void> | null = null;
  let server: SMTPServer | null = null;
  let port = 0;

  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onRcptTo(address, _session, callback) {
        const code = refuse(address.address);
        if (code) {
          const error = new Error(code >= 500 ? "Mailbox unavailable" : "Try again later") as Error & {
            responseCode: number;
          };
          error.responseCode = code;
          return callback(error);
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", async () => {
          await held;
          const raw = Buffer.concat(chunks).toString("utf8");
          void simpleParser(raw).then((mail) => {
            received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, mail });
            callback();
          }, callback);
        });
      },
    });

  async function listen() {
    server = make();
    await new Promise<void>((resolve) => server!.listen(port, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
  }

  const smtp = {
    received,
    get url() {
      return `smtp://127.0.0.1:${port}?starttls=off`;
    },
    /** Answers `code` (4xx: later; 5xx: never) to the recipients `matches` picks; null accepts. */
    refuseRecipients(matches: (address: string) => number | null) {
      refuse = matches;
    },
    /** Leaves each message's DATA unanswered (the sender waits) until the returned function is called. */
    hold() {
      let release!: () => void;
      held = new Promise<void>((resolve) => (release = resolve));
      return () => {
        held = null;
        release();
      };
    },
    /** Stops listening: connections are refused until `resume`. */
    async pause() {
      await new Promise<void>((resolve) => server!.close(() => resolve()));
    },
    resume: listen,
    /** The messages sent to `address` so far. */
    to(address: string) {
      return received.filter((r) => r.to.includes(address));
    },
    /** Waits until a message matching `test` has arrived (the sender polls every few tens of ms). */
    async waitFor(test: (r: Received) => boolean, timeoutMs = 10_000) {
      const started = Date.now();
      for (;;) {
        const found = received.find(test);
        if (found) return found;
        if (Date.now() - started > timeoutMs)
          throw new Error(`no such mail in ${timeoutMs} ms: ${received.length} received`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
  beforeAll(listen);
  afterAll(() => smtp.pause());
  return smtp;
}

/** The environment a server needs to send through the test SMTP server, fast. */
export function mailEnv(smtp: { url: string }, extra: Record<string, string> = {}) {
  return {
    SMTP_URL: smtp.url,
    MAIL_FROM: "Pionieri <pionieri@test.example>",
    MAIL_POLL_MS: "50",
    MAIL_RETRY_MS: "100",
    // No digest unless a test asks for one (DIGEST_HOUR=0: due at once, each day it is not done).
    DIGEST_HOUR: "24",
    ...extra,
  };
}
