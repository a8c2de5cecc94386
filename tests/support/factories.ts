/**
 * Data builders shared by the demo seed (prisma/seed.ts) and the tests. They take the Prisma
 * client to write with, so a test can point them at its own database file.
 */
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../../app/generated/prisma/client";
import { renderMarkdown } from "../../app/lib/markdown.server";
import { hashPassword } from "../../app/lib/password.server";

type Db = Pick<PrismaClient, "user" | "workingGroup" | "membership" | "phase" | "invitation">;

let counter = 0;
const next = () => ++counter;

const hashes = new Map<string, Promise<string>>();
/** argon2id is slow on purpose; the same password is hashed once per process. */
export function cachedHash(password: string) {
  let value = hashes.get(password);
  if (!value) {
    value = hashPassword(password);
    hashes.set(password, value);
  }
  return value;
}

export type UserInput = {
  email?: string;
  displayName?: string;
  office?: string;
  role?: "DIPENDENTE" | "CABINA" | "ADMIN" | "OSSERVATORE";
  active?: boolean;
  locale?: "it" | "en";
  /** null: an invited person who has not set a password yet */
  password?: string | null;
};

export async function buildUser(db: Db, input: UserInput = {}) {
  const n = next();
  const password = input.password === undefined ? "password-di-prova-1" : input.password;
  return db.user.create({
    data: {
      email: (input.email ?? `collega${n}.${Date.now().toString(36)}@cesena.example`).toLowerCase(),
      displayName: input.displayName ?? `Collega ${n}`,
      office: input.office ?? "URP",
      role: input.role ?? "DIPENDENTE",
      active: input.active ?? true,
      locale: input.locale ?? "it",
      passwordHash: password === null ? null : await cachedHash(password),
    },
  });
}

export type GroupInput = { slug: string; name: string; description: string; colour?: string; position?: number };

export function buildGroup(db: Db, input: GroupInput) {
  return db.workingGroup.create({
    data: { colour: "#0066cc", position: 0, ...input },
  });
}

export function addMember(
  db: Db,
  userId: string,
  groupId: string,
  options: { isLeader?: boolean; joinedAt?: Date } = {},
) {
  return db.membership.create({
    data: {
      userId,
      groupId,
      isLeader: options.isLeader ?? false,
      ...(options.joinedAt ? { joinedAt: options.joinedAt } : {}),
    },
  });
}

export function buildPhase(
  db: Db,
  input: { name: string; description?: string; startsOn: Date; endsOn: Date; position?: number },
) {
  return db.phase.create({ data: { description: "", position: 0, ...input } });
}

/** An invitation with a known token (returned), as the admin's page would create it. */
export async function buildInvitation(
  db: Db,
  input: { email: string; role?: UserInput["role"]; expiresAt?: Date; usedAt?: Date | null; userId?: string | null },
) {
  const token = randomBytes(32).toString("base64url");
  await db.invitation.create({
    data: {
      email: input.email.toLowerCase(),
      role: input.role ?? "DIPENDENTE",
      tokenHash: createHash("sha256").update(token).digest("hex"),
      expiresAt: input.expiresAt ?? new Date(Date.now() + 7 * 24 * 3600 * 1000),
      usedAt: input.usedAt ?? null,
      userId: input.userId ?? null,
    },
  });
  return token;
}

type IdeaDb = Pick<PrismaClient, "idea" | "ideaEvent" | "follow" | "support" | "comment" | "tag">;

export function buildTag(db: IdeaDb, input: { kind: "MACRO" | "ASSET" | "CANALE"; name: string; position?: number }) {
  return db.tag.create({ data: { position: 0, ...input } });
}

/** An idea as if written through the app: rendered Markdown, a CREATED event, its author following. */
export async function buildIdea(
  db: IdeaDb,
  input: {
    title: string;
    body?: string;
    groupId: string;
    authorId: string | null;
    tagIds?: string[];
    createdAt?: Date;
    status?: string;
  },
) {
  const body = input.body ?? `Descrizione di «${input.title}».`;
  const createdAt = input.createdAt ?? new Date();
  const idea = await db.idea.create({
    data: {
      title: input.title,
      body,
      bodyHtml: renderMarkdown(body),
      groupId: input.groupId,
      authorId: input.authorId,
      status: input.status ?? "NUOVA",
      createdAt,
      lastActivityAt: createdAt,
      tags: { create: (input.tagIds ?? []).map((tagId) => ({ tagId })) },
    },
  });
  await db.ideaEvent.create({
    data: { ideaId: idea.id, actorId: input.authorId, kind: "CREATED", toStatus: "NUOVA", createdAt },
  });
  if (input.authorId) await db.follow.create({ data: { ideaId: idea.id, userId: input.authorId, createdAt } });
  return idea;
}

/** Records a status step the way the workflow does (event + new status). */
export async function buildStatusChange(
  db: IdeaDb,
  input: { ideaId: number; from: string; to: string; actorId: string; reason?: string; at?: Date },
) {
  const at = input.at ?? new Date();
  await db.idea.update({ where: { id: input.ideaId }, data: { status: input.to, lastActivityAt: at } });
  await db.ideaEvent.create({
    data: {
      ideaId: input.ideaId,
      actorId: input.actorId,
      kind: "STATUS",
      fromStatus: input.from,
      toStatus: input.to,
      reason: input.reason ?? null,
      createdAt: at,
    },
  });
}

export async function addSupports(db: IdeaDb, ideaId: number, userIds: string[], at = new Date()) {
  if (userIds.length === 0) return;
  await db.support.createMany({ data: userIds.map((userId) => ({ ideaId, userId, createdAt: at })) });
  await db.idea.update({
    where: { id: ideaId },
    data: { supportCount: await db.support.count({ where: { ideaId } }) },
  });
}

export async function buildComment(
  db: IdeaDb,
  input: { ideaId: number; authorId: string; body: string; parentId?: number; createdAt?: Date },
) {
  const comment = await db.comment.create({
    data: {
      ideaId: input.ideaId,
      authorId: input.authorId,
      body: input.body,
      bodyHtml: renderMarkdown(input.body),
      parentId: input.parentId ?? null,
      createdAt: input.createdAt ?? new Date(),
    },
  });
  await db.idea.update({
    where: { id: input.ideaId },
    data: {
      commentCount: await db.comment.count({ where: { ideaId: input.ideaId, deletedAt: null, hiddenAt: null } }),
    },
  });
  return comment;
}

type ObjectiveDb = Pick<PrismaClient, "objective" | "progressUpdate" | "objectiveIdea" | "milestone">;

/** A micro-objective as leaders create it (dates are Rome calendar days, YYYY-MM-DD). */
export function buildObjective(
  db: ObjectiveDb,
  input: {
    groupId: string;
    title: string;
    startOn: string;
    dueOn: string;
    description?: string;
    ownerId?: string | null;
    forecastOn?: string | null;
    completedOn?: string | null;
    status?: string;
    progress?: number;
    indicator?: { name: string; unit?: string; baseline?: number; target?: number; current?: number };
    ideaIds?: number[];
    createdAt?: Date;
    lastUpdateAt?: Date | null;
  },
) {
  const description = input.description ?? "";
  return db.objective.create({
    data: {
      groupId: input.groupId,
      title: input.title,
      description,
      descriptionHtml: description ? renderMarkdown(description) : "",
      ownerId: input.ownerId ?? null,
      startOn: input.startOn,
      dueOn: input.dueOn,
      forecastOn: input.forecastOn ?? null,
      completedOn: input.completedOn ?? null,
      status: input.status ?? "PIANIFICATO",
      progress: input.progress ?? 0,
      indicatorName: input.indicator?.name ?? null,
      indicatorUnit: input.indicator?.unit ?? null,
      indicatorBaseline: input.indicator?.baseline ?? null,
      indicatorTarget: input.indicator?.target ?? null,
      indicatorCurrent: input.indicator?.current ?? null,
      createdAt: input.createdAt ?? new Date(),
      lastUpdateAt: input.lastUpdateAt ?? null,
      ideas: { create: (input.ideaIds ?? []).map((ideaId) => ({ ideaId })) },
    },
  });
}

export function buildProgressUpdate(
  db: ObjectiveDb,
  input: {
    objectiveId: number;
    authorId: string;
    date: string;
    progress: number;
    status: string;
    note?: string;
    createdAt?: Date;
  },
) {
  const note = input.note ?? "";
  return db.progressUpdate.create({
    data: {
      ...input,
      note,
      noteHtml: note ? renderMarkdown(note) : "",
      createdAt: input.createdAt ?? new Date(`${input.date}T09:00:00Z`),
    },
  });
}

export function buildMilestone(db: ObjectiveDb, input: { title: string; date: string; groupId?: string | null }) {
  return db.milestone.create({ data: { title: input.title, date: input.date, groupId: input.groupId ?? null } });
}
