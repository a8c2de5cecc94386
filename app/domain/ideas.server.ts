import type { Actor } from "~/lib/actor";
import { db } from "~/lib/db/client.server";
import type { FieldErrors } from "~/lib/forms";
import { httpError, tooMany } from "~/lib/http.server";
import { actionLimits, consume } from "~/lib/rate-limit.server";
import { audit } from "./audit.server";
import { findGroup } from "./groups.server";
import { IDEA_STATUSES, transition, type IdeaStatus } from "./ideas";
import { newlyMentioned, renderWithMentions } from "./mentions.server";
import { notify, notifyGroup, notifyWatchers } from "./notifications.server";
import { attachEvidence, type CitedFigure } from "./evidence.server";
import { assertCan, can } from "./policy.server";
import { moveSupportsAndFollows } from "./supports.server";
import { ideaCreated, ideaStatusChanged } from "./webhooks.server";

/**
 * An idea's life: proposing and editing it, following it, and the workflow the leaders and the
 * board move it through (decision 0007). Lists and search are in idea-list.server.ts, the page in
 * idea-page.server.ts, supports in supports.server.ts.
 */

async function validTagIds(tagIds: string[]) {
  if (tagIds.length === 0) return [];
  const tags = await db.tag.findMany({ where: { id: { in: tagIds.slice(0, 20) } }, select: { id: true } });
  return tags.map((tag) => tag.id);
}

export type IdeaInput = {
  title: string;
  body: string;
  groupId: string;
  tagIds: string[];
  /** The open challenge the idea answers (checked by the caller with challengeForIdea). */
  challengeId?: string | null;
};

/** A new idea: the author follows it; mentioned colleagues are told. */
type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/**
 * A new idea. `recordFiles` writes the files sent in the same form (checked and stored
 * beforehand by attachments' `withNewFiles`) inside the idea's transaction (issue 23).
 */
export async function createIdea(
  actor: Actor,
  input: IdeaInput,
  evidence?: CitedFigure | null,
  recordFiles?: ((tx: Tx, ideaId: number) => Promise<void>) | null,
) {
  assertCan(actor, "idea.create");
  const group = await findGroup({ id: input.groupId });
  if (!group) httpError(400, "ideas.groupInvalid");
  if (recordFiles) assertCan(actor, "attachment.add", { kind: "idea", groupId: group.id, authorId: actor.id });
  const wait = consume(actionLimits.idea, actor.id);
  if (wait) tooMany(wait);
  const [{ html, mentioned }, tagIds] = await Promise.all([renderWithMentions(input.body), validTagIds(input.tagIds)]);
  return db.$transaction(async (tx) => {
    const idea = await tx.idea.create({
      data: {
        title: input.title,
        body: input.body,
        bodyHtml: html,
        groupId: input.groupId,
        authorId: actor.id,
        challengeId: input.challengeId ?? null,
        tags: { create: tagIds.map((tagId) => ({ tagId })) },
      },
      select: { id: true, title: true },
    });
    await tx.ideaEvent.create({ data: { ideaId: idea.id, actorId: actor.id, kind: "CREATED", toStatus: "NUOVA" } });
    await ideaCreated(tx, idea, group);
    await tx.follow.create({ data: { ideaId: idea.id, userId: actor.id } });
    // An idea started from a campaign's or survey's figure keeps it, with its numbers of today.
    if (evidence) await attachEvidence(tx, idea.id, evidence);
    if (recordFiles) await recordFiles(tx, idea.id);
    const told = await notify(tx, {
      kind: "MENTION",
      recipients: mentioned,
      actorId: actor.id,
      ideaId: idea.id,
      data: { ideaTitle: idea.title },
    });
    // The group's members (its leaders among them) hear of a new idea in their group.
    await notifyGroup(tx, {
      kind: "NEW_IDEA",
      groupId: input.groupId,
      leadersOnly: false,
      actorId: actor.id,
      ideaId: idea.id,
      data: { ideaTitle: idea.title, groupName: group.name },
      except: told,
    });
    return idea;
  });
}

/** What the policy and the writes need of an idea. */
async function loadIdeaRef(id: number) {
  const idea = await db.idea.findUnique({
    where: { id },
    select: { id: true, title: true, body: true, groupId: true, authorId: true, status: true },
  });
  if (!idea) httpError(404);
  return idea;
}

/** The author edits title, text and tags while the idea is open to discussion; the old text is kept. */
export async function updateIdea(actor: Actor, id: number, input: Omit<IdeaInput, "groupId">) {
  const idea = await loadIdeaRef(id);
  assertCan(actor, "idea.edit", idea);
  const [{ html, mentioned }, tagIds] = await Promise.all([renderWithMentions(input.body), validTagIds(input.tagIds)]);
  // Only people newly mentioned by this edit are told.
  const fresh = await newlyMentioned(idea.body, mentioned);
  await db.$transaction(async (tx) => {
    await tx.ideaRevision.create({ data: { ideaId: id, title: idea.title, body: idea.body, editorId: actor.id } });
    const now = new Date();
    await tx.idea.update({
      where: { id },
      data: { title: input.title, body: input.body, bodyHtml: html, editedAt: now, lastActivityAt: now },
    });
    await tx.ideaTag.deleteMany({ where: { ideaId: id } });
    if (tagIds.length > 0) await tx.ideaTag.createMany({ data: tagIds.map((tagId) => ({ ideaId: id, tagId })) });
    await tx.ideaEvent.create({ data: { ideaId: id, actorId: actor.id, kind: "EDITED" } });
    await notify(tx, {
      kind: "MENTION",
      recipients: fresh,
      actorId: actor.id,
      ideaId: id,
      data: { ideaTitle: input.title },
    });
  });
}

export async function setFollow(actor: Actor, ideaId: number, on: boolean) {
  const idea = await loadIdeaRef(ideaId);
  assertCan(actor, "idea.follow", idea);
  const key = { ideaId_userId: { ideaId, userId: actor.id } };
  if (on) await db.follow.upsert({ where: key, create: { ideaId, userId: actor.id }, update: {} });
  else await db.follow.deleteMany({ where: { ideaId, userId: actor.id } });
}

type WorkflowResult = { ok: true } | { ok: false; fieldErrors: FieldErrors };

/**
 * Moves an idea along the workflow. The step must exist from the current status (409
 * otherwise), the actor must be one who may take it (403), and decisions need a public reason.
 * A private note goes to the board's notes, only from the board. Author and followers are told,
 * with the reason.
 */
export async function changeStatus(
  actor: Actor,
  ideaId: number,
  to: IdeaStatus,
  reason: string,
  privateNote = "",
): Promise<WorkflowResult> {
  const idea = await loadIdeaRef(ideaId);
  const step = transition(idea.status, to);
  if (!step) httpError(409, "ideas.transitionInvalid");
  assertCan(actor, "idea.changeStatus", { ...idea, to });
  if (privateNote) assertCan(actor, "board.privateNotes");
  if (step.reasonRequired && !reason) return { ok: false, fieldErrors: { reason: { key: "ideas.reasonRequired" } } };
  await db.$transaction(async (tx) => {
    await applyStatus(tx, actor, { ...idea, id: ideaId }, to, reason);
    if (privateNote)
      await tx.boardNote.create({ data: { ideaId, authorId: actor.id, note: privateNote, createdAt: new Date() } });
  });
  return { ok: true };
}

/**
 * The status change itself, inside the caller's transaction, once the step and the actor were
 * checked: the idea, its story, the audit, the webhooks and the watchers' notice together. A
 * meeting's decision (meetings.server.ts) takes the same path, its story entry linking the meeting.
 */
export async function applyStatus(
  tx: Tx,
  actor: Actor,
  idea: { id: number; title: string; status: string; groupId: string; authorId: string | null },
  to: IdeaStatus,
  reason: string,
  meetingId: string | null = null,
) {
  const now = new Date();
  // Of two simultaneous changes from the same status, only the first applies.
  const moved = await tx.idea.updateMany({
    where: { id: idea.id, status: idea.status },
    data: { status: to, lastActivityAt: now },
  });
  if (moved.count !== 1) httpError(409, "ideas.transitionInvalid");
  await tx.ideaEvent.create({
    data: {
      ideaId: idea.id,
      actorId: actor.id,
      kind: "STATUS",
      fromStatus: idea.status,
      toStatus: to,
      reason: reason || null,
      meetingId,
      createdAt: now,
    },
  });
  await audit(tx, actor.id, "idea.status", String(idea.id), { from: idea.status, to, reason });
  await ideaStatusChanged(tx, idea, { from: idea.status, to, reason: reason || null });
  await notifyWatchers(tx, {
    kind: "STATUS",
    ideaId: idea.id,
    authorId: idea.authorId,
    actorId: actor.id,
    data: { ideaTitle: idea.title, fromStatus: idea.status, toStatus: to, ...(reason ? { reason } : {}) },
  });
}

/**
 * Marks an idea as a duplicate of another: its supports and followers move to the original,
 * each person once, and both ideas' stories say so.
 */
export async function markDuplicate(
  actor: Actor,
  ideaId: number,
  originalId: number,
  reason: string,
): Promise<WorkflowResult> {
  const idea = await loadIdeaRef(ideaId);
  assertCan(actor, "idea.markDuplicate", idea);
  if (originalId === ideaId) return { ok: false, fieldErrors: { originalId: { key: "ideas.duplicateSelf" } } };
  const original = await db.idea.findUnique({
    where: { id: originalId },
    select: { id: true, title: true, status: true },
  });
  if (!original || original.status === "DUPLICATA") {
    return { ok: false, fieldErrors: { originalId: { key: "ideas.duplicateUnknown" } } };
  }
  await db.$transaction(async (tx) => {
    const now = new Date();
    const moved = await tx.idea.updateMany({
      where: { id: ideaId, status: idea.status },
      data: { status: "DUPLICATA", duplicateOfId: originalId, lastActivityAt: now },
    });
    if (moved.count !== 1) httpError(409, "ideas.transitionInvalid");
    await moveSupportsAndFollows(tx, ideaId, originalId);
    await tx.ideaEvent.createMany({
      data: [
        {
          ideaId,
          actorId: actor.id,
          kind: "MERGED_INTO",
          fromStatus: idea.status,
          toStatus: "DUPLICATA",
          reason: reason || null,
          relatedIdeaId: originalId,
          createdAt: now,
        },
        { ideaId: originalId, actorId: actor.id, kind: "MERGED_FROM", relatedIdeaId: ideaId, createdAt: now },
      ],
    });
    await audit(tx, actor.id, "idea.duplicate", String(ideaId), { originalId, reason });
    await ideaStatusChanged(tx, idea, {
      from: idea.status,
      to: "DUPLICATA",
      reason: reason || null,
      duplicateOf: originalId,
    });
    // The duplicate's followers were copied, not moved: they are still its watchers here.
    await notifyWatchers(tx, {
      kind: "MERGE",
      ideaId,
      authorId: idea.authorId,
      actorId: actor.id,
      data: { ideaTitle: idea.title, originalId, originalTitle: original.title, ...(reason ? { reason } : {}) },
    });
  });
  return { ok: true };
}

/** Which status changes this actor could make on this idea now (for the page's controls). */
export function possibleTransitions(actor: Actor, idea: { groupId: string; authorId: string | null; status: string }) {
  return IDEA_STATUSES.filter((to) => can(actor, "idea.changeStatus", { ...idea, to }));
}

/** The idea as its author edits it; anyone else (or a closed discussion) gets 403. */
export async function getIdeaForEdit(actor: Actor, id: number) {
  const idea = await db.idea.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      body: true,
      groupId: true,
      authorId: true,
      status: true,
      tags: { select: { tagId: true } },
    },
  });
  if (!idea) httpError(404);
  assertCan(actor, "idea.edit", idea);
  const { tags, ...rest } = idea;
  return { ...rest, tagIds: tags.map((tag) => tag.tagId) };
}
