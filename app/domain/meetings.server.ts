import { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/lib/actor";
import { db } from "~/lib/db/client.server";
import { reader } from "~/lib/db/fast.server";
import { httpError } from "~/lib/http.server";
import type { FieldErrors } from "~/lib/forms";
import { renderMarkdown } from "~/lib/markdown.server";
import { isIdeaStatus, transition, type IdeaStatus } from "./ideas";
import { applyStatus, possibleTransitions } from "./ideas.server";
import type { AgendaRef, MeetingAnswer } from "./meetings";
import { notify, type MeetingNotice } from "./notifications.server";
import { assertCan, can } from "./policy.server";

/**
 * Group meetings (issue 23, docs/decisions/0031-meetings-and-challenges.md). A group's leaders
 * (or the Cabina) call a meeting with its agenda; every member is told through the notices, and
 * those who want it by e-mail receive an iCalendar invitation (REQUEST, then a higher SEQUENCE at
 * each change, CANCEL at the end). Members say whether they come; names are shown only to those
 * who run the meeting. Afterwards a leader writes the minutes and a decision per agenda item; a
 * decision on an idea moves it through its own workflow, in the same transaction.
 */

type Tx = Prisma.TransactionClient;

export type MeetingInput = {
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  videoUrl: string;
  items: { title: string; ref: AgendaRef }[];
};

export type MeetingFailure = { ok: false; fieldErrors: FieldErrors; status: 400 | 409 };

/** The group's ideas and objectives an agenda item may point to (open ideas, live objectives). */
export async function agendaChoices(groupId: string) {
  const [ideas, objectives] = await Promise.all([
    db.idea.findMany({
      where: { groupId, status: { notIn: ["REALIZZATA", "NON_ACCOLTA", "DUPLICATA"] } },
      orderBy: { createdAt: "desc" },
      take: 200,
      select: { id: true, title: true },
    }),
    db.objective.findMany({
      where: { groupId, status: { notIn: ["COMPLETATO", "ANNULLATO"] } },
      orderBy: { dueOn: "asc" },
      take: 200,
      select: { id: true, title: true },
    }),
  ]);
  return { ideas, objectives };
}

/** Every agenda item's idea or objective belongs to the group, or the form is sent back. */
async function checkRefs(groupId: string, items: MeetingInput["items"]): Promise<FieldErrors | null> {
  const ideaIds = items.flatMap((item) => (item.ref.ideaId !== null ? [item.ref.ideaId] : []));
  const objectiveIds = items.flatMap((item) => (item.ref.objectiveId !== null ? [item.ref.objectiveId] : []));
  const [ideas, objectives] = await Promise.all([
    ideaIds.length ? db.idea.count({ where: { id: { in: ideaIds }, groupId } }) : 0,
    objectiveIds.length ? db.objective.count({ where: { id: { in: objectiveIds }, groupId } }) : 0,
  ]);
  if (ideas !== new Set(ideaIds).size || objectives !== new Set(objectiveIds).size)
    return { item: { key: "gmeetings.refInvalid" } };
  return null;
}

const noticeOf = (
  meeting: { startsAt: Date; endsAt: Date; place: string; videoUrl: string; sequence: number },
  agenda: string[],
  change: MeetingNotice["change"],
): MeetingNotice => ({
  change,
  sequence: meeting.sequence,
  startsAt: meeting.startsAt.toISOString(),
  endsAt: meeting.endsAt.toISOString(),
  place: meeting.place,
  videoUrl: meeting.videoUrl,
  agenda,
});

/** The group's people (active), told of a meeting: the invitation, a change, the cancellation. */
async function tellMembers(
  tx: Tx,
  actor: Actor,
  meeting: { id: string; title: string; groupId: string; groupName: string },
  notice: MeetingNotice,
) {
  const members = await tx.membership.findMany({
    where: { groupId: meeting.groupId, user: { active: true } },
    select: { userId: true },
  });
  await notify(tx, {
    kind: "MEETING",
    recipients: members.map((m) => m.userId),
    actorId: actor.id,
    meetingId: meeting.id,
    data: { ideaTitle: meeting.title, groupName: meeting.groupName, meeting: notice },
  });
}

export async function scheduleMeeting(
  actor: Actor,
  group: { id: string; name: string },
  input: MeetingInput,
): Promise<{ ok: true; id: string } | MeetingFailure> {
  assertCan(actor, "meeting.manage", group);
  const problem = await checkRefs(group.id, input.items);
  if (problem) return { ok: false, fieldErrors: problem, status: 400 };
  const id = await db.$transaction(async (tx) => {
    const meeting = await tx.meeting.create({
      data: {
        groupId: group.id,
        title: input.title,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        place: input.place,
        videoUrl: input.videoUrl,
        createdById: actor.id,
        items: {
          create: input.items.map((item, position) => ({
            position,
            title: item.title,
            ideaId: item.ref.ideaId,
            objectiveId: item.ref.objectiveId,
          })),
        },
      },
    });
    await tellMembers(
      tx,
      actor,
      { id: meeting.id, title: meeting.title, groupId: group.id, groupName: group.name },
      noticeOf(
        meeting,
        input.items.map((item) => item.title),
        "NEW",
      ),
    );
    return meeting.id;
  });
  return { ok: true, id };
}

/** A meeting changes (or is cancelled) only while it is to come: 409 once cancelled or started. */
function assertToCome(meeting: { status: string; startsAt: Date }, now: Date) {
  if (meeting.status === "ANNULLATA") httpError(409, "gmeetings.cancelledAlready");
  if (meeting.startsAt <= now) httpError(409, "gmeetings.startedAlready");
}

/** What the meeting's page and its form both read. */
const meetingFields = {
  id: true,
  title: true,
  groupId: true,
  startsAt: true,
  endsAt: true,
  place: true,
  videoUrl: true,
  status: true,
} as const;

async function loadMeeting(id: string) {
  const meeting = await db.meeting.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      groupId: true,
      startsAt: true,
      endsAt: true,
      status: true,
      sequence: true,
      group: { select: { name: true, slug: true } },
    },
  });
  if (!meeting) httpError(404);
  return meeting;
}

/** Changed before it starts: the invitation again, with SEQUENCE raised. */
export async function updateMeeting(
  actor: Actor,
  id: string,
  input: MeetingInput,
  now = new Date(),
): Promise<{ ok: true } | MeetingFailure> {
  const meeting = await loadMeeting(id);
  assertCan(actor, "meeting.manage", { id: meeting.groupId });
  assertToCome(meeting, now);
  const problem = await checkRefs(meeting.groupId, input.items);
  if (problem) return { ok: false, fieldErrors: problem, status: 400 };
  await db.$transaction(async (tx) => {
    // Of two edits sent at once from the same version, the second finds the sequence moved on.
    const moved = await tx.meeting.updateMany({
      where: { id, sequence: meeting.sequence, status: "PROGRAMMATA" },
      data: {
        title: input.title,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        place: input.place,
        videoUrl: input.videoUrl,
        sequence: { increment: 1 },
      },
    });
    if (moved.count !== 1) httpError(409, "gmeetings.changedMeanwhile");
    await tx.meetingItem.deleteMany({ where: { meetingId: id } });
    await tx.meetingItem.createMany({
      data: input.items.map((item, position) => ({
        meetingId: id,
        position,
        title: item.title,
        ideaId: item.ref.ideaId,
        objectiveId: item.ref.objectiveId,
      })),
    });
    await tellMembers(
      tx,
      actor,
      { id, title: input.title, groupId: meeting.groupId, groupName: meeting.group.name },
      noticeOf(
        { ...input, sequence: meeting.sequence + 1 },
        input.items.map((item) => item.title),
        "CHANGED",
      ),
    );
  });
  return { ok: true };
}

/** Cancelled before it starts: kept (its UID must reach the calendars as CANCEL), never deleted. */
export async function cancelMeeting(actor: Actor, id: string, now = new Date()) {
  const meeting = await loadMeeting(id);
  assertCan(actor, "meeting.manage", { id: meeting.groupId });
  assertToCome(meeting, now);
  await db.$transaction(async (tx) => {
    const moved = await tx.meeting.updateMany({
      where: { id, status: "PROGRAMMATA" },
      data: { status: "ANNULLATA", sequence: { increment: 1 } },
    });
    if (moved.count !== 1) httpError(409, "gmeetings.cancelledAlready");
    const full = await tx.meeting.findUniqueOrThrow({
      where: { id },
      select: {
        place: true,
        videoUrl: true,
        sequence: true,
        startsAt: true,
        endsAt: true,
        items: { select: { title: true } },
      },
    });
    await tellMembers(
      tx,
      actor,
      { id, title: meeting.title, groupId: meeting.groupId, groupName: meeting.group.name },
      noticeOf(
        full,
        full.items.map((item) => item.title),
        "CANCELLED",
      ),
    );
  });
  return meeting;
}

/** A member says whether they come (again, as often as they like, until it starts). */
export async function respond(actor: Actor, id: string, answer: MeetingAnswer, now = new Date()) {
  const meeting = await loadMeeting(id);
  const ref = { groupId: meeting.groupId, upcoming: meeting.startsAt > now, cancelled: meeting.status === "ANNULLATA" };
  if (!can(actor, "meeting.respond", ref)) {
    // Not for this person at all (403), or no longer (409: it started or was cancelled).
    assertCan(actor, "meeting.respond", { ...ref, upcoming: true, cancelled: false });
    httpError(409, meeting.status === "ANNULLATA" ? "gmeetings.cancelledAlready" : "gmeetings.startedAlready");
  }
  await db.meetingResponse.upsert({
    where: { meetingId_userId: { meetingId: id, userId: actor.id } },
    create: { meetingId: id, userId: actor.id, answer },
    update: { answer },
  });
  return meeting;
}

/**
 * A group's meetings for its page: the next ones and the latest past ones, in one statement on
 * the fast path (decision 0013: two Prisma queries cost the group page a fifth of its throughput).
 */
export function groupMeetings(groupId: string, now = new Date(), take = 5) {
  type Row = {
    id: string;
    title: string;
    startsAt: Date;
    endsAt: Date;
    place: string;
    status: string;
    minutesAt: Date | null;
    upcoming: number;
  };
  const rows = reader().all<Row>(
    Prisma.sql`
    SELECT * FROM (
      SELECT "id", "title", "startsAt", "endsAt", "place", "status", "minutesAt", 1 AS "upcoming"
      FROM "Meeting" WHERE "groupId" = ${groupId} AND "endsAt" > ${now} ORDER BY "startsAt" ASC LIMIT ${take})
    UNION ALL
    SELECT * FROM (
      SELECT "id", "title", "startsAt", "endsAt", "place", "status", "minutesAt", 0
      FROM "Meeting" WHERE "groupId" = ${groupId} AND "endsAt" <= ${now} ORDER BY "startsAt" DESC LIMIT ${take})`,
    { startsAt: "date", endsAt: "date", minutesAt: "date" },
  );
  const list = (upcoming: number) =>
    rows.filter((row) => row.upcoming === upcoming).map(({ upcoming: _, ...row }) => row);
  return { upcoming: list(1), past: list(0) };
}

type MeetingRow = {
  id: string;
  title: string;
  groupId: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  videoUrl: string;
  status: string;
  sequence: number;
  minutes: string | null;
  minutesHtml: string | null;
  minutesAt: Date | null;
  creatorName: string | null;
  groupName: string;
  groupSlug: string;
  groupColour: string;
};

type ItemRow = {
  id: string;
  title: string;
  decision: string | null;
  ideaStatus: string | null;
  ideaId: number | null;
  ideaTitle: string | null;
  ideaCurrent: string | null;
  ideaGroupId: string | null;
  ideaAuthorId: string | null;
  objectiveId: number | null;
  objectiveTitle: string | null;
};

/**
 * Everything the meeting's page shows to this person, on the fast path (decision 0013: through
 * Prisma, its seven queries and Prisma's own work were over half the page's time). The meeting,
 * its agenda, the answers' counts with this person's own, and the names for those who run it.
 */
export function meetingPage(actor: Actor, id: string, now = new Date()) {
  const read = reader();
  const row = read.get<MeetingRow>(
    Prisma.sql`
      SELECT m."id", m."title", m."groupId", m."startsAt", m."endsAt", m."place", m."videoUrl", m."status",
             m."sequence", m."minutes", m."minutesHtml", m."minutesAt", u."displayName" AS "creatorName",
             g."name" AS "groupName", g."slug" AS "groupSlug", g."colour" AS "groupColour"
      FROM "Meeting" m JOIN "WorkingGroup" g ON g."id" = m."groupId"
      LEFT JOIN "User" u ON u."id" = m."createdById"
      WHERE m."id" = ${id}`,
    { startsAt: "date", endsAt: "date", minutesAt: "date" },
  );
  if (!row) return null;
  const { creatorName, groupName, groupSlug, groupColour, ...meeting } = row;
  const items = read.all<ItemRow>(
    Prisma.sql`
      SELECT i."id", i."title", i."decision", i."ideaStatus",
             d."id" AS "ideaId", d."title" AS "ideaTitle", d."status" AS "ideaCurrent",
             d."groupId" AS "ideaGroupId", d."authorId" AS "ideaAuthorId",
             o."id" AS "objectiveId", o."title" AS "objectiveTitle"
      FROM "MeetingItem" i
      LEFT JOIN "Idea" d ON d."id" = i."ideaId"
      LEFT JOIN "Objective" o ON o."id" = i."objectiveId"
      WHERE i."meetingId" = ${id}
      ORDER BY i."position"`,
  );
  const manage = can(actor, "meeting.manage", { id: meeting.groupId });
  const names = can(actor, "meeting.attendees", { id: meeting.groupId });
  const answers = read.all<{ answer: MeetingAnswer; count: number; mine: number }>(
    Prisma.sql`
      SELECT "answer", COUNT(*) AS "count", SUM("userId" = ${actor.id}) AS "mine"
      FROM "MeetingResponse" WHERE "meetingId" = ${id} GROUP BY "answer"`,
  );
  const attendees = names
    ? read.all<{ answer: MeetingAnswer; name: string }>(
        Prisma.sql`
          SELECT r."answer", u."displayName" AS "name"
          FROM "MeetingResponse" r JOIN "User" u ON u."id" = r."userId"
          WHERE r."meetingId" = ${id}
          ORDER BY u."displayName"`,
      )
    : undefined;
  const cancelled = meeting.status === "ANNULLATA";
  const upcoming = meeting.startsAt > now;
  return {
    meeting: {
      ...meeting,
      createdBy: creatorName === null ? null : { displayName: creatorName },
      group: { name: groupName, slug: groupSlug, colour: groupColour },
    },
    items: items.map((item) => {
      const idea =
        item.ideaId === null
          ? null
          : {
              id: item.ideaId,
              title: item.ideaTitle!,
              status: item.ideaCurrent!,
              groupId: item.ideaGroupId!,
              authorId: item.ideaAuthorId,
            };
      return {
        id: item.id,
        title: item.title,
        decision: item.decision,
        ideaStatus: item.ideaStatus,
        idea: idea ? { id: idea.id, title: idea.title, status: idea.status } : null,
        objective: item.objectiveId === null ? null : { id: item.objectiveId, title: item.objectiveTitle! },
        // The steps a decision may take on this idea now (for the minutes' form).
        transitions: idea && manage && !upcoming && !cancelled ? possibleTransitions(actor, idea) : [],
      };
    }),
    counts: Object.fromEntries(answers.map((answer) => [answer.answer, answer.count])) as Partial<
      Record<MeetingAnswer, number>
    >,
    myAnswer: answers.find((answer) => answer.mine > 0)?.answer ?? null,
    attendees,
    upcoming,
    cancelled,
    may: {
      manage: manage && upcoming && !cancelled,
      minutes: manage && !upcoming && !cancelled,
      respond: can(actor, "meeting.respond", { groupId: meeting.groupId, upcoming, cancelled }),
    },
  };
}

/** The form of an existing meeting, for its leaders, while it is still to come. */
export async function meetingForEdit(actor: Actor, id: string, now = new Date()) {
  const meeting = await db.meeting.findUnique({
    where: { id },
    select: {
      ...meetingFields,
      group: { select: { id: true, name: true, slug: true } },
      items: { orderBy: { position: "asc" }, select: { title: true, ideaId: true, objectiveId: true } },
    },
  });
  if (!meeting) httpError(404);
  assertCan(actor, "meeting.manage", { id: meeting.groupId });
  assertToCome(meeting, now);
  return meeting;
}

export type MinutesInput = {
  minutes: string;
  decisions: { itemId: string; decision: string; status: string }[];
};

/**
 * The minutes and the decisions, after the meeting started. Every decision on an idea is checked
 * first (the step exists from the idea's status, this person may take it, the reason is there
 * when the step asks for one); then the minutes, the items and the ideas' changes are written in
 * one transaction, so a refused decision leaves everything as it was.
 */
export async function recordMinutes(
  actor: Actor,
  id: string,
  input: MinutesInput,
  now = new Date(),
): Promise<{ ok: true } | MeetingFailure> {
  const meeting = await db.meeting.findUnique({
    where: { id },
    select: {
      id: true,
      groupId: true,
      startsAt: true,
      status: true,
      items: {
        select: {
          id: true,
          ideaStatus: true,
          idea: { select: { id: true, title: true, status: true, groupId: true, authorId: true } },
        },
      },
    },
  });
  if (!meeting) httpError(404);
  assertCan(actor, "meeting.manage", { id: meeting.groupId });
  if (meeting.status === "ANNULLATA") httpError(409, "gmeetings.cancelledAlready");
  if (meeting.startsAt > now) httpError(409, "gmeetings.notYet");
  const byId = new Map(meeting.items.map((item) => [item.id, item]));
  const errors: FieldErrors = {};
  const changes: {
    itemId: string;
    idea: NonNullable<(typeof meeting.items)[number]["idea"]>;
    to: IdeaStatus;
    reason: string;
  }[] = [];
  for (const decision of input.decisions) {
    const item = byId.get(decision.itemId);
    if (!item) httpError(400, "gmeetings.itemUnknown");
    if (decision.status === "") continue;
    const field = `status-${item.id}`;
    const idea = item.idea;
    if (!idea || !isIdeaStatus(decision.status)) {
      errors[field] = { key: "gmeetings.statusInvalid" };
      continue;
    }
    if (decision.status === idea.status) continue;
    const step = transition(idea.status, decision.status);
    if (!step || !can(actor, "idea.changeStatus", { ...idea, to: decision.status })) {
      errors[field] = { key: "gmeetings.statusInvalid" };
      continue;
    }
    if (changes.some((change) => change.idea.id === idea.id)) {
      // One idea on two items: one decision moves it.
      errors[field] = { key: "gmeetings.statusTwice" };
      continue;
    }
    if (step.reasonRequired && !decision.decision) {
      errors[`decision-${item.id}`] = { key: "gmeetings.decisionRequired" };
      continue;
    }
    changes.push({ itemId: item.id, idea, to: decision.status, reason: decision.decision });
  }
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors, status: 400 };
  await db.$transaction(async (tx) => {
    await tx.meeting.update({
      where: { id },
      data: {
        minutes: input.minutes || null,
        minutesHtml: input.minutes ? renderMarkdown(input.minutes) : null,
        minutesAt: input.minutes ? now : null,
      },
    });
    for (const decision of input.decisions) {
      const change = changes.find((c) => c.itemId === decision.itemId);
      await tx.meetingItem.update({
        where: { id: decision.itemId },
        data: {
          decision: decision.decision || null,
          ...(change ? { ideaStatus: change.to } : {}),
        },
      });
    }
    for (const change of changes) await applyStatus(tx, actor, change.idea, change.to, change.reason, id);
  });
  return { ok: true };
}
