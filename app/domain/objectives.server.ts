import type { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/lib/actor";
import { db } from "~/lib/db/client.server";
import type { FieldErrors } from "~/lib/forms";
import { httpError } from "~/lib/http.server";
import { audit } from "./audit.server";
import { findGroup } from "./groups.server";
import { newlyMentioned, renderWithMentions } from "./mentions.server";
import { notify, notifyWatchers } from "./notifications.server";
import { CARRIABLE_IDEA_STATUSES, isLate, needsUpdate, type ObjectiveStatus } from "./objectives";
import { handleOf } from "./people";
import { assertCan, can } from "./policy.server";
import { ideaStatusChanged, objectiveProgress } from "./webhooks.server";

/**
 * Micro-objectives (decision 0008): created and edited by their group's leaders and the board,
 * with a history of every changed field, progress updates, and the ideas they carry. What the
 * crono-programma draws of them is read in timeline.server.ts.
 */

type Tx = Prisma.TransactionClient;

export type ObjectiveInput = {
  groupId: string;
  title: string;
  description: string;
  ownerId: string;
  startOn: string;
  dueOn: string;
  forecastOn: string | null;
  status: ObjectiveStatus;
  progress: number;
  indicatorName: string | null;
  indicatorUnit: string | null;
  indicatorBaseline: number | null;
  indicatorTarget: number | null;
  indicatorCurrent: number | null;
  ideaIds: number[];
};

/** The fields whose changes are kept in the objective's change history. */
const TRACKED = [
  "title",
  "description",
  "ownerId",
  "startOn",
  "dueOn",
  "forecastOn",
  "status",
  "progress",
  "indicatorName",
  "indicatorUnit",
  "indicatorBaseline",
  "indicatorTarget",
  "indicatorCurrent",
] as const;

/** Ideas that can be carried: accepted or being realised. Unknown ids are dropped. */
async function carriableIdeas(ids: number[]) {
  if (ids.length === 0) return [];
  return db.idea.findMany({
    where: { id: { in: ids.slice(0, 50) }, status: { in: [...CARRIABLE_IDEA_STATUSES] } },
    select: { id: true, title: true, status: true, authorId: true },
  });
}

/** The owner must belong to the objective's group (or be left empty). */
async function ownerProblem(ownerId: string, groupId: string): Promise<FieldErrors | null> {
  if (!ownerId) return null;
  const member = await db.membership.findUnique({
    where: { userId_groupId: { userId: ownerId, groupId } },
    select: { userId: true },
  });
  return member ? null : { ownerId: { key: "objectives.ownerNotMember" } };
}

/**
 * An accepted idea taken up by an objective starts being realised: its status moves, its story
 * says by which objective, and its author and followers are told.
 */
async function carryIdeas(
  tx: Tx,
  actor: Actor,
  objective: { id: number; title: string },
  ideas: { id: number; title: string; status: string; authorId: string | null }[],
) {
  const now = new Date();
  for (const idea of ideas) {
    if (idea.status !== "ACCOLTA") continue;
    const moved = await tx.idea.updateMany({
      where: { id: idea.id, status: "ACCOLTA" },
      data: { status: "IN_REALIZZAZIONE", lastActivityAt: now },
    });
    if (moved.count !== 1) continue;
    const reason = `Portata avanti dal micro-obiettivo «${objective.title}» (#${objective.id}).`;
    await tx.ideaEvent.create({
      data: {
        ideaId: idea.id,
        actorId: actor.id,
        kind: "STATUS",
        fromStatus: "ACCOLTA",
        toStatus: "IN_REALIZZAZIONE",
        reason,
        createdAt: now,
      },
    });
    await ideaStatusChanged(tx, idea, { from: "ACCOLTA", to: "IN_REALIZZAZIONE", reason });
    await notifyWatchers(tx, {
      kind: "STATUS",
      ideaId: idea.id,
      authorId: idea.authorId,
      actorId: actor.id,
      data: { ideaTitle: idea.title, fromStatus: "ACCOLTA", toStatus: "IN_REALIZZAZIONE", reason },
    });
  }
}

/**
 * Who hears of an objective's change, one notice each, the most specific: the colleagues its text
 * newly mentions, a new owner, then the authors of the ideas it carries when its progress or
 * status moved.
 */
async function tellAboutObjective(
  tx: Tx,
  actor: Actor,
  objective: { id: number; title: string },
  change: { mentioned: string[]; newOwnerId: string | null; moved: { progress: number; status: string } | null },
) {
  const data = { ideaTitle: objective.title };
  const told = await notify(tx, {
    kind: "MENTION",
    recipients: change.mentioned,
    actorId: actor.id,
    objectiveId: objective.id,
    data,
  });
  const owner = await notify(tx, {
    kind: "OWNER",
    recipients: change.newOwnerId ? [change.newOwnerId] : [],
    actorId: actor.id,
    objectiveId: objective.id,
    data,
    except: told,
  });
  if (!change.moved) return;
  const carried = await tx.objectiveIdea.findMany({
    where: { objectiveId: objective.id, idea: { author: { active: true } } },
    select: { idea: { select: { authorId: true, title: true } } },
  });
  for (const { idea } of carried) {
    await notify(tx, {
      kind: "OBJECTIVE",
      recipients: idea.authorId ? [idea.authorId] : [],
      actorId: actor.id,
      objectiveId: objective.id,
      data: {
        ...data,
        progress: change.moved.progress,
        objectiveStatus: change.moved.status,
        carriedTitle: idea.title,
      },
      except: [...told, ...owner],
    });
  }
}

export async function createObjective(
  actor: Actor,
  input: ObjectiveInput,
): Promise<{ ok: true; id: number } | { ok: false; fieldErrors: FieldErrors }> {
  const group = await findGroup({ id: input.groupId });
  if (!group) httpError(403);
  assertCan(actor, "objective.create", group);
  const problem = await ownerProblem(input.ownerId, input.groupId);
  if (problem) return { ok: false, fieldErrors: problem };
  const [{ html, mentioned }, ideas] = await Promise.all([
    renderWithMentions(input.description),
    carriableIdeas(input.ideaIds),
  ]);
  const { ideaIds: _ideaIds, ownerId, ...data } = input;
  const objective = await db.$transaction(async (tx) => {
    const created = await tx.objective.create({
      data: {
        ...data,
        ownerId: ownerId || null,
        descriptionHtml: html,
        completedOn: input.status === "COMPLETATO" ? input.dueOn : null,
        ideas: { create: ideas.map((idea) => ({ ideaId: idea.id })) },
      },
      select: { id: true, title: true },
    });
    await carryIdeas(tx, actor, created, ideas);
    await audit(tx, actor.id, "objective.create", String(created.id), { groupId: input.groupId, title: input.title });
    await tellAboutObjective(tx, actor, created, { mentioned, newOwnerId: ownerId || null, moved: null });
    return created;
  });
  return { ok: true, id: objective.id };
}

type UpdateResult = { ok: true } | { ok: false; fieldErrors: FieldErrors } | { ok: false; stale: true };

/**
 * Edits an objective. The form carries the version it was opened at: if someone saved in
 * between, nothing is written and the person is told (their typed values stay in the form).
 * Each changed field is recorded: who, from what, to what.
 */
export async function updateObjective(
  actor: Actor,
  id: number,
  version: number,
  input: Omit<ObjectiveInput, "groupId">,
): Promise<UpdateResult> {
  const current = await db.objective.findUnique({ where: { id }, include: { ideas: { select: { ideaId: true } } } });
  if (!current) httpError(404);
  assertCan(actor, "objective.update", current);
  const problem = await ownerProblem(input.ownerId, current.groupId);
  if (problem) return { ok: false, fieldErrors: problem };
  const [{ html, mentioned }, ideas] = await Promise.all([
    renderWithMentions(input.description),
    carriableIdeas(input.ideaIds),
  ]);
  const fresh = await newlyMentioned(current.description, mentioned);
  // An indicator bound to a campaign's or survey's figure is measured, never typed (issue 15).
  const next = {
    ...input,
    ownerId: input.ownerId || null,
    ...(current.indicatorFigure ? { indicatorCurrent: current.indicatorCurrent } : {}),
  };
  const changed = TRACKED.filter((field) => (current[field] ?? null) !== (next[field] ?? null));
  const before = new Set(current.ideas.map((link) => link.ideaId));
  const after = new Set(ideas.map((idea) => idea.id));
  const ideasChanged = before.size !== after.size || [...after].some((ideaId) => !before.has(ideaId));

  return db.$transaction(async (tx): Promise<UpdateResult> => {
    const { ideaIds: _ideaIds, ...fields } = next;
    const saved = await tx.objective.updateMany({
      where: { id, version },
      data: {
        ...fields,
        descriptionHtml: html,
        version: { increment: 1 },
        completedOn: input.status === "COMPLETATO" ? (current.completedOn ?? input.forecastOn ?? input.dueOn) : null,
      },
    });
    if (saved.count !== 1) return { ok: false, stale: true };
    const now = new Date();
    await tx.objectiveChange.createMany({
      data: [
        ...changed.map((field) => ({
          objectiveId: id,
          actorId: actor.id,
          field,
          fromValue: current[field] === null ? null : String(current[field]),
          toValue: next[field] === null ? null : String(next[field]),
          createdAt: now,
        })),
        ...(ideasChanged
          ? [
              {
                objectiveId: id,
                actorId: actor.id,
                field: "ideas",
                fromValue: [...before].sort().join(", "),
                toValue: [...after].sort().join(", "),
                createdAt: now,
              },
            ]
          : []),
      ],
    });
    if (ideasChanged) {
      await tx.objectiveIdea.deleteMany({ where: { objectiveId: id } });
      await tx.objectiveIdea.createMany({ data: ideas.map((idea) => ({ objectiveId: id, ideaId: idea.id })) });
      await carryIdeas(
        tx,
        actor,
        { id, title: input.title },
        ideas.filter((idea) => !before.has(idea.id)),
      );
    }
    await audit(tx, actor.id, "objective.update", String(id), { fields: changed });
    await tellAboutObjective(
      tx,
      actor,
      { id, title: input.title },
      {
        mentioned: fresh,
        newOwnerId: changed.includes("ownerId") ? next.ownerId : null,
        moved:
          changed.includes("progress") || changed.includes("status")
            ? { progress: input.progress, status: input.status }
            : null,
      },
    );
    return { ok: true };
  });
}

/** A progress report: the objective takes its progress and status; the history keeps it. */
export async function postProgressUpdate(
  actor: Actor,
  id: number,
  input: { date: string; progress: number; status: ObjectiveStatus; note: string },
) {
  const objective = await db.objective.findUnique({
    where: { id },
    select: { id: true, title: true, groupId: true, completedOn: true },
  });
  if (!objective) httpError(404);
  assertCan(actor, "objective.update", objective);
  const { html, mentioned } = await renderWithMentions(input.note);
  await db.$transaction(async (tx) => {
    const now = new Date();
    await tx.progressUpdate.create({
      data: { objectiveId: id, authorId: actor.id, ...input, noteHtml: html, createdAt: now },
    });
    await tx.objective.update({
      where: { id },
      data: {
        progress: input.progress,
        status: input.status,
        lastUpdateAt: now,
        version: { increment: 1 },
        completedOn: input.status === "COMPLETATO" ? (objective.completedOn ?? input.date) : null,
      },
    });
    await objectiveProgress(tx, objective, { date: input.date, progress: input.progress, status: input.status });
    await tellAboutObjective(tx, actor, objective, {
      mentioned,
      newOwnerId: null,
      moved: { progress: input.progress, status: input.status },
    });
  });
}

export async function getObjectivePage(actor: Actor, id: number) {
  const objective = await db.objective.findUnique({
    where: { id },
    include: {
      group: { select: { id: true, slug: true, name: true, colour: true } },
      owner: { select: { displayName: true, email: true } },
      ideas: { select: { idea: { select: { id: true, title: true, status: true } } } },
      updates: { orderBy: [{ createdAt: "desc" }], include: { author: { select: { displayName: true } } } },
      changes: { orderBy: [{ createdAt: "desc" }], include: { actor: { select: { displayName: true } } } },
    },
  });
  if (!objective) return null;
  const { owner, ideas, changes, ...rest } = objective;
  // Owner changes are stored as ids; the page shows names.
  const ownerIds = changes
    .filter((c) => c.field === "ownerId")
    .flatMap((c) => [c.fromValue, c.toValue])
    .filter((v): v is string => Boolean(v));
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: ownerIds } }, select: { id: true, displayName: true } })).map((u) => [
      u.id,
      u.displayName,
    ]),
  );
  const shown = (field: string, value: string | null) =>
    field === "ownerId" && value ? (names.get(value) ?? value) : value;
  return {
    ...rest,
    changes: changes.map((c) => ({ ...c, fromValue: shown(c.field, c.fromValue), toValue: shown(c.field, c.toValue) })),
    owner: owner ? { displayName: owner.displayName, handle: handleOf(owner.email) } : null,
    ideas: ideas.map((link) => link.idea),
    late: isLate(objective),
    needsUpdate: needsUpdate(objective),
    canEdit: can(actor, "objective.update", objective),
  };
}

/** The form's choices: the group's members as owners, and the ideas that can be carried. */
export async function objectiveFormOptions(groupId: string) {
  const [members, ideas] = await Promise.all([
    db.membership.findMany({
      where: { groupId, user: { active: true } },
      orderBy: { user: { displayName: "asc" } },
      select: { user: { select: { id: true, displayName: true } } },
    }),
    db.idea.findMany({
      where: { status: { in: [...CARRIABLE_IDEA_STATUSES] } },
      orderBy: [{ id: "asc" }],
      select: { id: true, title: true, status: true, groupId: true, group: { select: { name: true } } },
    }),
  ]);
  // The group's own ideas first: those are the ones its objectives usually carry.
  const listed = ideas.map(({ group, groupId: ideaGroup, ...idea }) => ({
    ...idea,
    groupName: group.name,
    own: ideaGroup === groupId,
  }));
  return {
    members: members.map((m) => m.user),
    ideas: [...listed.filter((idea) => idea.own), ...listed.filter((idea) => !idea.own)],
  };
}

export async function getObjectiveForEdit(actor: Actor, id: number) {
  const objective = await db.objective.findUnique({
    where: { id },
    include: { ideas: { select: { ideaId: true } }, group: { select: { id: true, name: true, slug: true } } },
  });
  if (!objective) httpError(404);
  assertCan(actor, "objective.update", objective);
  const { ideas, ...rest } = objective;
  return { ...rest, ideaIds: ideas.map((link) => link.ideaId) };
}
