/**
 * Authentication: Lucia 3 lives here and nowhere else (docs/decisions/0004-sessions-and-login.md), so it
 * can be swapped without touching routes. Passwords are hashed with argon2id.
 */
import { redirect } from "@remix-run/node";
import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import { Prisma } from "~/generated/prisma/client";
import { isRole, type Actor, type Role } from "./actor";
import { db } from "./db/client.server";
import { reader } from "./db/fast.server";
import { env } from "./env.server";
import { isLocale, type Locale } from "./i18n";
import { UNREAD_SHOWN } from "./root-data";

const IDLE_TIMEOUT_MS = 8 * 60 * 60 * 1000;
const ABSOLUTE_TIMEOUT_MS = 30 * 24 * 60 * 60 * 1000;
/** A session's idle deadline is pushed forward at most once a minute, not on every request. */
const EXTEND_EVERY_MS = 60 * 1000;

type UserAttributes = {
  email: string;
  displayName: string;
  office: string;
  role: string;
  active: boolean;
  locale: string;
  memberships: { groupId: string; isLeader: boolean }[];
  unreadNotices: number;
};
type SessionAttributes = { createdAt: Date };
type SessionRow = {
  id: string;
  userId: string;
  expiresAt: Date;
  createdAt: Date;
  email: string;
  displayName: string;
  office: string;
  role: string;
  active: boolean;
  locale: string;
  memberships: string;
  unreadNotices: number;
};

/** Lucia's adapter over our Prisma models (the official one does not accept Prisma 6). */
const adapter: Adapter = {
  async getSessionAndUser(sessionId): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    // Every request asks this: one prepared statement on the read connection (decision 0013).
    const row = reader().get<SessionRow>(
      Prisma.sql`
      SELECT s."id", s."userId", s."expiresAt", s."createdAt",
             u."email", u."displayName", u."office", u."role", u."active", u."locale",
             (SELECT json_group_array(json_object('groupId', m."groupId", 'isLeader', m."isLeader"))
                FROM "Membership" m WHERE m."userId" = u."id") AS "memberships",
             -- The bell in every page's header, read with the session instead of by a statement of its own.
             -- Counted up to one past what it shows ("99+"): a colleague who follows busy ideas and
             -- never opens the notices would otherwise cost every page a count of thousands.
             (SELECT COUNT(*) FROM (SELECT 1 FROM "Notification" n WHERE n."userId" = u."id" AND n."readAt" IS NULL
                LIMIT ${UNREAD_SHOWN + 1})) AS "unreadNotices"
      FROM "Session" s JOIN "User" u ON u."id" = s."userId"
      WHERE s."id" = ${sessionId}`,
      { expiresAt: "date", createdAt: "date", active: "boolean" },
    );
    if (!row) return [null, null];
    const memberships = (JSON.parse(row.memberships) as { groupId: string; isLeader: number }[]).map((m) => ({
      groupId: m.groupId,
      isLeader: m.isLeader === 1,
    }));
    const attributes: UserAttributes = {
      email: row.email,
      displayName: row.displayName,
      office: row.office,
      role: row.role,
      active: row.active,
      locale: row.locale,
      memberships,
      unreadNotices: row.unreadNotices,
    };
    return [
      {
        id: row.id,
        userId: row.userId,
        expiresAt: row.expiresAt,
        attributes: { createdAt: row.createdAt },
      },
      { id: row.userId, attributes },
    ];
  },
  async getUserSessions(userId) {
    const rows = await db.session.findMany({ where: { userId } });
    return rows.map((row) => ({
      id: row.id,
      userId: row.userId,
      expiresAt: row.expiresAt,
      attributes: { createdAt: row.createdAt },
    }));
  },
  async setSession(session) {
    await db.session.create({ data: { id: session.id, userId: session.userId, expiresAt: session.expiresAt } });
  },
  async updateSessionExpiration(sessionId, expiresAt) {
    await db.session.updateMany({ where: { id: sessionId }, data: { expiresAt } });
  },
  async deleteSession(sessionId) {
    await db.session.deleteMany({ where: { id: sessionId } });
  },
  async deleteUserSessions(userId) {
    await db.session.deleteMany({ where: { userId } });
  },
  async deleteExpiredSessions() {
    await db.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  },
};

const lucia = new Lucia(adapter, {
  sessionExpiresIn: new TimeSpan(IDLE_TIMEOUT_MS / 1000, "s"),
  sessionCookie: {
    name: "pionieri_session",
    // A browser-session cookie: the server decides expiry, so it need not be re-sent.
    expires: false,
    attributes: { secure: env.cookieSecure, sameSite: "lax", path: "/" },
  },
  getUserAttributes: (attributes) => attributes,
  getSessionAttributes: (attributes) => attributes,
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: UserAttributes;
    DatabaseSessionAttributes: SessionAttributes;
  }
}

export type SessionUser = {
  id: string;
  email: string;
  displayName: string;
  office: string;
  role: Role;
  locale: Locale;
  /** Notices not yet read, as the request began (the header's bell). */
  unreadNotices: number;
  actor: Actor;
};

export type Auth = { user: SessionUser; sessionId: string } | { user: null; sessionId: null };

const anonymous: Auth = { user: null, sessionId: null };

/** A fresh session for a user who just proved who they are: always a new id. */
export async function createSession(userId: string): Promise<string> {
  const session = await lucia.createSession(userId, { createdAt: new Date() });
  return lucia.createSessionCookie(session.id).serialize();
}

export function clearSessionCookie(): string {
  return lucia.createBlankSessionCookie().serialize();
}

export async function endSession(sessionId: string) {
  await lucia.invalidateSession(sessionId);
}

/**
 * Ends every session of a user, or all but one (the one in use). The one way a session ends
 * besides logging out: pass the caller's transaction so that it ends with what caused it
 * (deactivation, a new password).
 */
export async function endUserSessions(
  userId: string,
  options: { except?: string; tx?: Prisma.TransactionClient } = {},
) {
  await (options.tx ?? db).session.deleteMany({
    where: { userId, ...(options.except ? { id: { not: options.except } } : {}) },
  });
}

/**
 * Reads the session cookie once per request (app/server.ts puts the result in the load
 * context). Expired, capped, or deactivated: the session is deleted and the cookie cleared.
 */
export async function resolveSession(cookieHeader: string | undefined): Promise<{ auth: Auth; setCookie?: string }> {
  const sessionId = lucia.readSessionCookie(cookieHeader ?? "");
  if (!sessionId) return { auth: anonymous };

  const [session, user] = await adapter.getSessionAndUser(sessionId);
  const now = Date.now();
  if (
    !session ||
    !user ||
    session.expiresAt.getTime() <= now ||
    session.attributes.createdAt.getTime() + ABSOLUTE_TIMEOUT_MS <= now ||
    !user.attributes.active
  ) {
    if (session) await adapter.deleteSession(session.id);
    return { auth: anonymous, setCookie: clearSessionCookie() };
  }

  const cap = session.attributes.createdAt.getTime() + ABSOLUTE_TIMEOUT_MS;
  const idleDeadline = Math.min(now + IDLE_TIMEOUT_MS, cap);
  if (idleDeadline - session.expiresAt.getTime() >= EXTEND_EVERY_MS) {
    await adapter.updateSessionExpiration(session.id, new Date(idleDeadline));
  }

  const a = user.attributes;
  const role: Role = isRole(a.role) ? a.role : "OSSERVATORE";
  return {
    auth: {
      sessionId: session.id,
      user: {
        id: user.id,
        email: a.email,
        displayName: a.displayName,
        office: a.office,
        role,
        locale: isLocale(a.locale) ? a.locale : "it",
        unreadNotices: a.unreadNotices,
        actor: {
          id: user.id,
          role,
          active: a.active,
          memberOf: a.memberships.map((m) => m.groupId),
          leaderOf: a.memberships.filter((m) => m.isLeader).map((m) => m.groupId),
        },
      },
    },
  };
}

/** Only same-site paths: `/x` but not `//evil.example` or `/\evil.example`. */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string") return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f]/.test(value)) return fallback;
  return value;
}

type Context = { auth: Auth };

/**
 * The signed-in user, or a redirect to the login page that comes back here afterwards.
 * Called by every private loader and action (a parent layout's check protects nothing).
 */
export function requireUser(context: Context, request: Request): SessionUser {
  const user = context.auth.user;
  if (!user) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    const to = back === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(back)}`;
    throw redirect(to);
  }
  return user;
}

export function requireSessionId(context: Context): string {
  if (!context.auth.sessionId) throw new Response("Unauthorized", { status: 401 });
  return context.auth.sessionId;
}
