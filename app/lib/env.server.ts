import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => (value === undefined || value === "" ? undefined : value === "true" || value === "1"));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^file:/, "DATABASE_URL must be a SQLite file URL such as file:./data/pionieri.db")
    .default("file:./data/pionieri.db"),
  APP_ORIGIN: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((origin) => origin.trim().replace(/\/$/, ""))
        .filter(Boolean),
    )
    .refine((origins) => origins.every((origin) => /^https?:\/\/[^/\s?#]+$/.test(origin)), "APP_ORIGIN: bad origin"),
  TRUST_PROXY: flag,
  COOKIE_SECURE: flag,
  PIONIERI_DEMO: flag,
  LOG_REQUESTS: flag,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  PIONIERI_BENCH: flag,
  A11Y_CONTACT: z.string().email().default("accessibilita@cesena.example"),
  SMTP_URL: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined)
    .refine(
      (value) => value === undefined || /^smtps?:\/\/[^/]+/.test(value),
      "SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465",
    ),
  SMTP_CA_FILE: z.string().optional(),
  MAIL_FROM: z.string().default("Pionieri <pionieri@localhost>"),
  // 0-23: the Rome hour the digest goes out; 24: never (a test that wants no digest).
  DIGEST_HOUR: z.coerce.number().int().min(0).max(24).default(8),
  MAIL_POLL_MS: z.coerce.number().int().min(10).max(600_000).default(2000),
  MAIL_RETRY_MS: z.coerce.number().int().min(10).max(3_600_000).default(60_000),
  MAIL_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(50),
  MAILBOX_DIR: z.string().optional(),
  FILES_DIR: z.string().optional(),
  LDAP_URL: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined)
    .refine(
      (value) => value === undefined || /^ldaps?:\/\/[^/]+/.test(value),
      "LDAP_URL must look like ldap://host:389",
    ),
  LDAP_STARTTLS: flag,
  LDAP_CA_FILE: z.string().optional(),
  LDAP_BIND_DN: z.string().optional(),
  LDAP_BIND_PASSWORD: z.string().optional(),
  LDAP_SEARCH_BASE: z.string().optional(),
  LDAP_USER_FILTER: z.string().default("(&(objectClass=person)(|(uid={user})(mail={user})))"),
  LDAP_GROUP_FILTER: z.string().default("(member={dn})"),
  LDAP_ATTR_EMAIL: z.string().default("mail"),
  LDAP_ATTR_GIVEN_NAME: z.string().default("givenName"),
  LDAP_ATTR_SURNAME: z.string().default("sn"),
  LDAP_ATTR_OFFICE: z.string().default("department"),
  LDAP_GROUP_ADMIN: z.string().optional(),
  LDAP_GROUP_CABINA: z.string().optional(),
  LDAP_GROUP_OSSERVATORE: z.string().optional(),
  LDAP_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  METRICS_TOKEN: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined)
    .refine((value) => value === undefined || value.length >= 24, "at least 24 characters"),
  METRICS_ALLOW: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((address) => address.trim())
        .filter(Boolean),
    ),
  WEBHOOK_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  WEBHOOK_RETRY_MS: z.coerce.number().int().min(10).max(3600_000).default(30_000),
  LDAP_CHECK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
});

export type Env = {
  nodeEnv: "development" | "production" | "test";
  port: number;
  host: string;
  databaseUrl: string;
  trustedOrigins: string[];
  trustProxy: boolean;
  cookieSecure: boolean;
  demo: boolean;
  logRequests: boolean;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** Benchmark mode (`npm run bench`): counts SQL statements per request and serves /bench/floor. */
  bench: boolean;
  a11yContact: string;
  mail: MailEnv;
  /** Where attachments' bytes live, beside the database (docs/decisions/0020-attachments.md). */
  filesDir: string;
  /** Webhooks: how often the sender looks, how long it waits for a receiver, the first pause after a failure. */
  webhooks: { pollMs: number; timeoutMs: number; retryMs: number };
  /** The directory, when LDAP_URL is set (docs/decisions/0019-directory-sign-in.md). */
  ldap: LdapEnv | null;
  /** Who may read /metrics (decision 0025): a bearer token, addresses, or nobody when neither is set. */
  metrics: { token: string | null; allow: string[] };
};

type LdapEnv = {
  url: string;
  startTls: boolean;
  caFile: string | null;
  bindDn: string | null;
  bindPassword: string;
  searchBase: string;
  userFilter: string;
  groupFilter: string;
  attributes: { email: string; givenName: string; surname: string; office: string };
  /** The directory groups mapped to roles (DNs); the first that holds a person gives the role. */
  groups: { ADMIN?: string; CABINA?: string; OSSERVATORE?: string };
  timeoutMs: number;
  checkMinutes: number;
};

/**
 * Where e-mail goes: a real SMTP relay, the demo's local mailbox (.eml files), or nowhere.
 * docs/decisions/0018-email-outbox.md
 */
type MailEnv = {
  mode: "smtp" | "mailbox" | "off";
  smtpUrl: string | null;
  caFile: string | null;
  from: string;
  /** The origin links in e-mails start with (APP_ORIGIN's first); without it, the server's own address. */
  origin: string | null;
  mailboxDir: string;
  digestHour: number;
  pollMs: number;
  retryMs: number;
  /** At most this many deliveries a second: a digest morning leaves the pages their share of the CPU. */
  perSecond: number;
};

/** What a wrong value should have been, in the words of whoever sets it (no value is repeated: some are secrets). */
const EXPECTED: Partial<Record<keyof z.input<typeof schema>, string>> = {
  NODE_ENV: "development, production o test",
  PORT: "un numero di porta tra 0 e 65535",
  DATABASE_URL: "un file SQLite come file:./data/pionieri.db",
  SMTP_URL: "un indirizzo come smtp://utente:password@host:587 o smtps://host:465",
  LDAP_URL: "un indirizzo con lo schema, come ldap://host:389 o ldaps://host:636",
  A11Y_CONTACT: "un indirizzo e-mail",
  DIGEST_HOUR: "un'ora tra 0 e 23 (24: mai)",
  MAIL_POLL_MS: "millisecondi tra 10 e 600000",
  MAIL_RETRY_MS: "millisecondi tra 10 e 3600000",
  MAIL_PER_SECOND: "un numero tra 1 e 1000",
  LDAP_TIMEOUT_MS: "millisecondi tra 100 e 60000",
  LDAP_CHECK_MINUTES: "minuti tra 1 e 1440",
  WEBHOOK_POLL_MS: "millisecondi tra 10 e 60000",
  WEBHOOK_TIMEOUT_MS: "millisecondi tra 100 e 60000",
  WEBHOOK_RETRY_MS: "millisecondi tra 10 e 3600000",
  METRICS_TOKEN: "un segreto di almeno 24 caratteri",
  TRUST_PROXY: "true o false",
  COOKIE_SECURE: "true o false",
  PIONIERI_DEMO: "true o false",
  LOG_REQUESTS: "true o false",
  APP_ORIGIN:
    "l'indirizzo pubblico di Pionieri (per esempio https://pionieri.comune.cesena.it), obbligatorio in produzione; " +
    "più indirizzi separati da virgole",
  LOG_LEVEL: "uno fra fatal, error, warn, info, debug, trace, silent",
  PIONIERI_BENCH: "true o false",
  LDAP_STARTTLS: "true o false",
};

/**
 * The configuration's problems, one line each, naming the variable and what it should be (issue
 * 24: a wrong value stops the server at start instead of failing later).
 */
class ConfigurationError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join("\n"));
    this.name = "ConfigurationError";
  }
}

function readEnv(source: NodeJS.ProcessEnv): Env {
  const parsed = schema.safeParse(source);
  const names = parsed.success ? [] : [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))];
  // In production the public address is needed before the first e-mail or cross-origin check:
  // a server that guessed it from its own port would mail links nobody can open.
  if (source.NODE_ENV === "production" && !source.APP_ORIGIN?.trim() && !names.includes("APP_ORIGIN"))
    names.push("APP_ORIGIN");
  if (!parsed.success || names.length > 0) {
    throw new ConfigurationError(
      names.map((name) => {
        const expected = EXPECTED[name as keyof typeof EXPECTED];
        const flagged = parsed.success ? undefined : parsed.error.issues.find((issue) => issue.path[0] === name);
        return `Configurazione non valida: ${name} deve essere ${expected ?? `valido (${flagged?.message})`}.`;
      }),
    );
  }
  const e = parsed.data;
  const demo = e.PIONIERI_DEMO ?? false;
  const mode = e.SMTP_URL ? "smtp" : demo ? "mailbox" : "off";
  const databaseDir = e.DATABASE_URL.replace(/^file:/, "").replace(/[^/]*$/, "") || "./";
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    trustedOrigins: e.APP_ORIGIN,
    trustProxy: e.TRUST_PROXY ?? false,
    cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === "production",
    demo: e.PIONIERI_DEMO ?? false,
    logRequests: e.LOG_REQUESTS ?? e.NODE_ENV !== "test",
    logLevel: e.LOG_LEVEL,
    bench: e.PIONIERI_BENCH ?? false,
    a11yContact: e.A11Y_CONTACT,
    mail: {
      mode,
      smtpUrl: e.SMTP_URL ?? null,
      caFile: e.SMTP_CA_FILE ?? null,
      from: e.MAIL_FROM,
      origin: e.APP_ORIGIN[0] ?? null,
      mailboxDir: e.MAILBOX_DIR ?? `${databaseDir}mailbox`,
      digestHour: e.DIGEST_HOUR,
      pollMs: e.MAIL_POLL_MS,
      retryMs: e.MAIL_RETRY_MS,
      perSecond: e.MAIL_PER_SECOND,
    },
    filesDir: e.FILES_DIR ?? `${databaseDir}files`,
    metrics: { token: e.METRICS_TOKEN ?? null, allow: e.METRICS_ALLOW },
    webhooks: { pollMs: e.WEBHOOK_POLL_MS, timeoutMs: e.WEBHOOK_TIMEOUT_MS, retryMs: e.WEBHOOK_RETRY_MS },
    ldap: e.LDAP_URL
      ? {
          url: e.LDAP_URL,
          // ldaps:// is TLS from the start; on ldap:// STARTTLS unless LDAP_STARTTLS=false.
          startTls: e.LDAP_URL.startsWith("ldap://") && (e.LDAP_STARTTLS ?? true),
          caFile: e.LDAP_CA_FILE ?? null,
          bindDn: e.LDAP_BIND_DN ?? null,
          bindPassword: e.LDAP_BIND_PASSWORD ?? "",
          searchBase: e.LDAP_SEARCH_BASE ?? "",
          userFilter: e.LDAP_USER_FILTER,
          groupFilter: e.LDAP_GROUP_FILTER,
          attributes: {
            email: e.LDAP_ATTR_EMAIL,
            givenName: e.LDAP_ATTR_GIVEN_NAME,
            surname: e.LDAP_ATTR_SURNAME,
            office: e.LDAP_ATTR_OFFICE,
          },
          groups: {
            ADMIN: e.LDAP_GROUP_ADMIN,
            CABINA: e.LDAP_GROUP_CABINA,
            OSSERVATORE: e.LDAP_GROUP_OSSERVATORE,
          },
          timeoutMs: e.LDAP_TIMEOUT_MS,
          checkMinutes: e.LDAP_CHECK_MINUTES,
        }
      : null,
  };
}

/** Checked once, at start: a wrong variable stops the server with one clear line for each. */
export const env: Env = (() => {
  try {
    return readEnv(process.env);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    for (const line of error.lines) console.error(line);
    process.exit(1);
  }
})();
