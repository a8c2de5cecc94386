import { createHash, randomBytes } from "node:crypto";
import { isRole, type Actor } from "~/lib/actor";
import { db } from "~/lib/db/client.server";
import { isLocale, type Locale } from "~/lib/i18n";
import { audit } from "./audit.server";
import { assertCan } from "./policy.server";

/**
 * Personal access tokens for the JSON API (issue 24, decision 0027). A token is 32 random bytes
 * after the prefix `pio_` (so that a secret scanner recognises one pasted where it should not
 * be), shown once when made and kept only as its SHA-256. It acts as its person: every API
 * request builds the same Actor a session would and goes through the same policy; its scope only
 * narrows it (READ: reading; WRITE: also supports and comments). A deactivated person's tokens
 * stop at once, because the person is read with the token at every request.
 */
type TokenScope = "READ" | "WRITE";
/** At most this many live tokens per person: enough for a few tools, not a leak to manage. */
const MAX_TOKENS = 10;

const PREFIX = "pio_";

function hashOf(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

type TokenInput = { name: string; scope: TokenScope; days: 30 | 90 | 365 };

/** Makes a token: its secret is returned here and never again. */
export async function createAccessToken(actor: Actor, input: TokenInput, now = new Date()) {
  assertCan(actor, "token.manage", { id: actor.id });
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  const live = await db.accessToken.count({
    where: { userId: actor.id, revokedAt: null, expiresAt: { gt: now } },
  });
  if (live >= MAX_TOKENS) return { ok: false as const, fieldErrors: { name: { key: "token.tooMany" as const } } };
  const created = await db.$transaction(async (tx) => {
    const row = await tx.accessToken.create({
      data: {
        userId: actor.id,
        name: input.name,
        scope: input.scope,
        tokenHash: hashOf(token),
        expiresAt: new Date(now.getTime() + input.days * 86400_000),
      },
      select: { id: true, name: true, scope: true, expiresAt: true },
    });
    await audit(tx, actor.id, "token.issue", actor.id, { name: input.name, scope: input.scope, days: input.days });
    return row;
  });
  return { ok: true as const, token, created };
}

/** One's own tokens, newest first, with their state, without their secrets (which are not kept). */
export async function listAccessTokens(actor: Actor, now = new Date()) {
  assertCan(actor, "token.manage", { id: actor.id });
  const tokens = await db.accessToken.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, scope: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true },
  });
  return tokens.map((token) => ({
    ...token,
    state: token.revokedAt ? ("revoked" as const) : token.expiresAt <= now ? ("expired" as const) : ("active" as const),
  }));
}

/** Revokes one of one's own tokens; someone else's is answered as if it did not exist. */
export async function revokeAccessToken(actor: Actor, id: string, now = new Date()) {
  const token = await db.accessToken.findUnique({
    where: { id },
    select: { userId: true, revokedAt: true, name: true },
  });
  if (!token || token.userId !== actor.id) return false;
  assertCan(actor, "token.manage", { id: token.userId });
  if (token.revokedAt) return true;
  await db.$transaction(async (tx) => {
    await tx.accessToken.update({ where: { id }, data: { revokedAt: now } });
    await audit(tx, actor.id, "token.withdraw", actor.id, { name: token.name });
  });
  return true;
}

export type TokenAuth = { tokenId: string; scope: TokenScope; actor: Actor; locale: Locale };

/** When a token was last used is written at most once a minute per token: not a write per request. */
const USE_EVERY_MS = 60_000;

/**
 * The person and scope behind `Authorization: Bearer pio_…`, or null (no such token, revoked,
 * expired, or its person deactivated). One statement; a second, at most once a minute, notes use.
 */
export async function authenticateToken(header: string | null, now = new Date()): Promise<TokenAuth | null> {
  const match = header ? /^Bearer (pio_[A-Za-z0-9_-]{43})$/.exec(header) : null;
  if (!match) return null;
  const found = await db.accessToken.findUnique({
    where: { tokenHash: hashOf(match[1]!) },
    select: {
      id: true,
      scope: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      user: {
        select: {
          id: true,
          role: true,
          active: true,
          locale: true,
          memberships: { select: { groupId: true, isLeader: true } },
        },
      },
    },
  });
  if (!found || found.revokedAt || found.expiresAt <= now || !found.user.active) return null;
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() >= USE_EVERY_MS)
    await db.accessToken.update({ where: { id: found.id }, data: { lastUsedAt: now }, select: { id: true } });
  const { user } = found;
  return {
    tokenId: found.id,
    scope: found.scope === "WRITE" ? "WRITE" : "READ",
    locale: isLocale(user.locale) ? user.locale : "it",
    actor: {
      id: user.id,
      role: isRole(user.role) ? user.role : "OSSERVATORE",
      active: user.active,
      memberOf: user.memberships.map((m) => m.groupId),
      leaderOf: user.memberships.filter((m) => m.isLeader).map((m) => m.groupId),
    },
  };
}
