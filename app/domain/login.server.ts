import { verifyPassword } from "~/lib/password.server";
import { db } from "~/lib/db/client.server";
import { KeptRateLimiter } from "~/lib/rate-limit.server";
import { directoryEnabled, DirectoryUnavailable, signInWithDirectory } from "./directory.server";
import { countSignInFailure } from "~/lib/metrics.server";
import { log } from "~/lib/log.server";

const WINDOW_MS = 15 * 60 * 1000;
/**
 * Three counters of failures, so an attacker slows down without locking the real person out:
 * one account from one address (tight), one address over all accounts (password spraying),
 * one account over all addresses (a distributed attack; loose, so the owner still gets in
 * once the attack pauses).
 */
const perAccountAndIp = new KeptRateLimiter(5, WINDOW_MS, "signIn:accountAndAddress");
const perIp = new KeptRateLimiter(30, WINDOW_MS, "signIn:address");
const perAccount = new KeptRateLimiter(50, WINDOW_MS, "signIn:account");

export type LoginResult =
  | { kind: "ok"; userId: string }
  | { kind: "failed" }
  | { kind: "throttled"; retryAfterSeconds: number }
  /** The directory did not answer in time: local accounts still sign in. */
  | { kind: "directoryDown" }
  /** A directory sign-in with the e-mail of an account that has its own password here. */
  | { kind: "local" };

export async function attemptLogin(input: { email: string; password: string; ip: string }): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const keys = { pair: `${email}|${input.ip}`, ip: input.ip, account: email };

  const wait = Math.max(
    perAccountAndIp.retryAfter(keys.pair),
    perIp.retryAfter(keys.ip),
    perAccount.retryAfter(keys.account),
  );
  if (wait > 0) {
    countSignInFailure("throttled");
    return { kind: "throttled", retryAfterSeconds: wait };
  }

  const user = email
    ? await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, active: true } })
    : null;
  const failed = async (): Promise<LoginResult> => {
    await Promise.all([perAccountAndIp.hit(keys.pair), perIp.hit(keys.ip), perAccount.hit(keys.account)]);
    countSignInFailure("credentials");
    return { kind: "failed" };
  };
  // An account with a password here signs in here (the administrator's way in when the directory
  // is down); any other name goes to the directory, when there is one.
  if (user?.passwordHash || !directoryEnabled()) {
    // Always one argon2 verification, also for unknown or inactive accounts: same timing.
    const valid = await verifyPassword(user?.passwordHash, input.password);
    if (user && valid && user.active) {
      await perAccountAndIp.reset(keys.pair);
      return { kind: "ok", userId: user.id };
    }
    return failed();
  }
  try {
    const result = await signInWithDirectory(email, input.password);
    if (result.kind === "ok") {
      await perAccountAndIp.reset(keys.pair);
      return result;
    }
    if (result.kind === "local") return result;
    return failed();
  } catch (error) {
    if (error instanceof DirectoryUnavailable) {
      log.warn({ err: error }, "Directory non raggiungibile all'accesso");
      return { kind: "directoryDown" };
    }
    throw error;
  }
}
