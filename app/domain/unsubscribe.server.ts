import { createHmac, timingSafeEqual } from "node:crypto";
import { db } from "~/lib/db/client.server";
import { isMailKind, mailPreferences, type MailKind } from "./mail-preferences";
import { serverSecret } from "./secrets.server";

/**
 * One-click unsubscribe (RFC 8058) without logging in: every notice and digest carries a link
 * signed for its person and kind (an HMAC with a secret the server makes once and keeps in
 * `Setting`), so it stops that kind of mail only, and cannot be made for anyone else.
 */
export type UnsubscribeKind = MailKind | "DIGEST";

const mailSecret = (options: { create: boolean }) => serverSecret("mail-secret", options);

function sign(key: Buffer, userId: string, kind: UnsubscribeKind) {
  return createHmac("sha256", key).update(`unsubscribe:${userId}:${kind}`).digest("base64url").slice(0, 32);
}

export async function unsubscribeUrl(origin: string, userId: string, kind: UnsubscribeKind) {
  const token = sign((await mailSecret({ create: true }))!, userId, kind);
  return `${origin}/disiscrizione?u=${encodeURIComponent(userId)}&k=${kind}&t=${token}`;
}

function isUnsubscribeKind(value: string): value is UnsubscribeKind {
  return value === "DIGEST" || isMailKind(value);
}

/** The link's person and kind when its signature holds (and the account still exists), else null. */
export async function verifyUnsubscribe(params: URLSearchParams) {
  const userId = params.get("u") ?? "";
  const kind = params.get("k") ?? "";
  const token = params.get("t") ?? "";
  if (!userId || !isUnsubscribeKind(kind) || !/^[A-Za-z0-9_-]{32}$/.test(token)) return null;
  // No secret yet: no link was ever signed, so none is valid (and a forged one writes nothing).
  const key = await mailSecret({ create: false });
  if (!key) return null;
  const expected = Buffer.from(sign(key, userId, kind));
  if (!timingSafeEqual(expected, Buffer.from(token))) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, locale: true, mailPrefs: true, digest: true },
  });
  return user ? { user, kind } : null;
}

/** Stops the kind of mail; says whether anything changed (a second click changes nothing). */
export async function applyUnsubscribe(target: NonNullable<Awaited<ReturnType<typeof verifyUnsubscribe>>>) {
  const { user, kind } = target;
  if (kind === "DIGEST") {
    if (user.digest === "NEVER") return false;
    await db.user.update({ where: { id: user.id }, data: { digest: "NEVER" } });
    return true;
  }
  const prefs = mailPreferences(user.mailPrefs);
  if (prefs[kind] === "NEVER") return false;
  await db.user.update({ where: { id: user.id }, data: { mailPrefs: JSON.stringify({ ...prefs, [kind]: "NEVER" }) } });
  return true;
}
