import type { Actor } from "~/lib/actor";
import { db } from "~/lib/db/client.server";
import { today, type Day } from "~/lib/days";
import { httpError } from "~/lib/http.server";
import type { Message } from "~/lib/i18n";
import { renderMarkdown } from "~/lib/markdown.server";
import { readChallenge, readShortlist } from "./challenge-reads.server";
import { challengeState, type ChallengeState } from "./challenges";
import type { CitedFigure } from "./evidence.server";
import type { EvidenceSnapshot } from "./evidence";
import { findGroup } from "./groups.server";
import { figureKey } from "./observation";
import { listIdeas } from "./idea-list.server";
import { notify } from "./notifications.server";
import { assertCan, can } from "./policy.server";

/**
 * Challenges (issue 23, docs/decisions/0031-meetings-and-challenges.md): a question the Cabina
 * (or a group's leaders, for their group) puts to everyone, "Come sarebbe bello se…?", perhaps
 * resting on a figure of the observations. Ideas answer it while it is open; after its closing
 * day the Cabina shortlists some and writes a public conclusion, and everyone who took part (the
 * ideas' authors and supporters) is told.
 */

export type ChallengeInput = {
  title: string;
  description: string;
  groupId: string | null;
  opensOn: Day;
  closesOn: Day;
  evidence: CitedFigure | null;
};

/** Who this person may address: everyone and every group for the Cabina, their groups for a leader. */
export async function challengeAudiences(actor: Actor) {
  const groups = await db.workingGroup.findMany({ orderBy: { position: "asc" }, select: { id: true, name: true } });
  return {
    everyone: can(actor, "challenge.create", { groupId: null }),
    groups: groups.filter((group) => can(actor, "challenge.create", { groupId: group.id })),
  };
}

export function mayCreateChallenges(actor: Actor) {
  return [null, ...actor.leaderOf].some((groupId) => can(actor, "challenge.create", { groupId }));
}

export async function createChallenge(actor: Actor, input: ChallengeInput) {
  if (input.groupId !== null && !(await findGroup({ id: input.groupId }))) httpError(400, "challenges.audienceInvalid");
  assertCan(actor, "challenge.create", { groupId: input.groupId });
  const { evidence } = input;
  return db.challenge.create({
    data: {
      title: input.title,
      description: input.description,
      descriptionHtml: renderMarkdown(input.description),
      groupId: input.groupId,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      createdById: actor.id,
      ...(evidence
        ? {
            evidenceFigure: evidence.key,
            evidenceSnapshot: JSON.stringify({ ...evidence, key: undefined }),
            evidenceAsOf: today(),
          }
        : {}),
    },
    select: { id: true },
  });
}

const summarySelect = {
  id: true,
  title: true,
  opensOn: true,
  closesOn: true,
  concludedAt: true,
  group: { select: { name: true, slug: true } },
  _count: { select: { ideas: true } },
} as const;

/** Every challenge, in three lists: open (closing first), to come, closed (latest first). */
export async function listChallenges(day: Day = today()) {
  const rows = await db.challenge.findMany({
    orderBy: [{ closesOn: "desc" }, { createdAt: "desc" }],
    select: summarySelect,
  });
  const items = rows.map(({ _count, ...row }) => ({
    ...row,
    ideaCount: _count.ideas,
    state: challengeState(row, day),
  }));
  return {
    open: items.filter((c) => c.state === "APERTA").reverse(),
    upcoming: items.filter((c) => c.state === "PROSSIMA").reverse(),
    closed: items.filter((c) => c.state === "CHIUSA" || c.state === "CONCLUSA"),
  };
}

const IDEAS_PER_PAGE = 50;

/** The challenge's page: the question, its evidence, its ideas by supports (50 at a time). */
export async function challengePage(actor: Actor, id: string, cursor?: string, day: Day = today()) {
  const found = readChallenge(id);
  if (!found) return null;
  const { evidenceSnapshot, ...challenge } = found;
  const state: ChallengeState = challengeState(challenge, day);
  const ref = { groupId: challenge.groupId, state };
  const conclude = can(actor, "challenge.conclude", ref);
  const ideas = await listIdeas(actor, { challengeId: id, sort: "sostegni", cursor }, IDEAS_PER_PAGE);
  return {
    challenge: {
      ...challenge,
      evidence: evidenceSnapshot ? (JSON.parse(evidenceSnapshot) as EvidenceSnapshot) : null,
    },
    state,
    ideas: ideas.items,
    nextCursor: ideas.nextCursor,
    shortlist: state === "CONCLUSA" || conclude ? readShortlist(id) : [],
    may: { answer: can(actor, "challenge.answer", ref), conclude },
  };
}

/** All the challenge's ideas, for the shortlist's form (the Cabina ticks among them). */
export function shortlistChoices(id: string) {
  return db.idea.findMany({
    where: { challengeId: id, status: { not: "DUPLICATA" } },
    orderBy: [{ supportCount: "desc" }, { id: "asc" }],
    take: 1000,
    select: { id: true, title: true, supportCount: true, shortlisted: true },
  });
}

/**
 * After the closing day: the shortlist (ideas of this challenge only) and the public conclusion.
 * The first conclusion tells everyone who took part: the ideas' authors and their supporters.
 */
export async function concludeChallenge(
  actor: Actor,
  id: string,
  input: { conclusion: string; shortlist: number[] },
  day: Day = today(),
): Promise<{ ok: true; title: string } | { ok: false; field: string; problem: Message }> {
  const challenge = await db.challenge.findUnique({
    where: { id },
    select: { id: true, title: true, groupId: true, opensOn: true, closesOn: true, concludedAt: true },
  });
  if (!challenge) httpError(404);
  const state = challengeState(challenge, day);
  if (!can(actor, "challenge.conclude", { groupId: challenge.groupId, state })) {
    assertCan(actor, "challenge.create", { groupId: challenge.groupId });
    httpError(409, "challenges.notClosedYet");
  }
  if (input.shortlist.length > 0) {
    const found = await db.idea.count({ where: { id: { in: input.shortlist }, challengeId: id } });
    if (found !== new Set(input.shortlist).size)
      return { ok: false, field: "shortlist", problem: { key: "challenges.shortlistInvalid" } };
  }
  const first = challenge.concludedAt === null;
  await db.$transaction(async (tx) => {
    const now = new Date();
    await tx.challenge.update({
      where: { id },
      data: { conclusion: input.conclusion, conclusionHtml: renderMarkdown(input.conclusion), concludedAt: now },
    });
    await tx.idea.updateMany({ where: { challengeId: id, shortlisted: true }, data: { shortlisted: false } });
    if (input.shortlist.length > 0)
      await tx.idea.updateMany({
        where: { challengeId: id, id: { in: input.shortlist } },
        data: { shortlisted: true },
      });
    if (!first) return;
    const [authors, supporters] = await Promise.all([
      tx.idea.findMany({ where: { challengeId: id, authorId: { not: null } }, select: { authorId: true } }),
      tx.support.findMany({ where: { idea: { challengeId: id } }, distinct: ["userId"], select: { userId: true } }),
    ]);
    await notify(tx, {
      kind: "CHALLENGE",
      recipients: [...authors.map((idea) => idea.authorId!), ...supporters.map((support) => support.userId)],
      actorId: actor.id,
      challengeId: id,
      data: { ideaTitle: challenge.title },
    });
  });
  return { ok: true, title: challenge.title };
}

/**
 * The figures a challenge may rest on: the overall measures of each campaign with visits and the
 * satisfaction of each survey with answers, latest first (the key is read again when it is saved).
 */
export async function evidenceChoices() {
  const [campaigns, surveys] = await Promise.all([
    db.campaign.findMany({
      where: { visits: { some: {} } },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: { id: true, title: true },
    }),
    db.survey.findMany({
      where: { responses: { some: {} } },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: { id: true, title: true },
    }),
  ]);
  return [
    ...campaigns.flatMap((campaign) =>
      (["waitMedian", "waitP90", "serviceMedian", "firstCounter"] as const).map((measure) => ({
        key: figureKey({ measure, source: campaign.id, place: null }),
        measure,
        source: campaign.title,
      })),
    ),
    ...surveys.map((survey) => ({
      key: figureKey({ measure: "satisfied", source: survey.id, place: null }),
      measure: "satisfied" as const,
      source: survey.title,
    })),
  ];
}
