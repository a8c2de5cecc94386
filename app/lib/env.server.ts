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
    ),
  TRUST_PROXY: flag,
  COOKIE_SECURE: flag,
  PIONIERI_DEMO: flag,
  LOG_REQUESTS: flag,
  PIONIERI_BENCH: flag,
  A11Y_CONTACT: z.string().email().default("accessibilita@cesena.example"),
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
  /** Benchmark mode (`npm run bench`): counts SQL statements per request and serves /bench/floor. */
  bench: boolean;
  a11yContact: string;
};

function readEnv(source: NodeJS.ProcessEnv): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  const e = parsed.data;
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
    bench: e.PIONIERI_BENCH ?? false,
    a11yContact: e.A11Y_CONTACT,
  };
}

/** Checked once, at start: a wrong variable stops the server with a clear message. */
export const env: Env = readEnv(process.env);
