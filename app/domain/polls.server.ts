import { createHmac } from "node:crypto";
import type { Actor } from "~/lib/actor";
import { romeDayBounds } from "~/lib/dates";
import { db } from "~/lib/db/client.server";
import type { Day } from "~/lib/days";
import { httpError } from "~/lib/http.server";
import type { Message } from "~/lib/i18n";
import { findGroup } from "./groups.server";
import { ballotChoices, ballotsAmong, optionCounts, readPoll, readPolls, type ListedPoll } from "./poll-reads.server";
import { assertCan, can, type PollRef } from "./policy.server";
import { POLL_LIMITS, type PollResults } from "./polls";
import { serverSecret } from "./secrets.server";

/**
 * Staff polls (issue 23, docs/decisions/0029-staff-polls-and-ideas-with-files.md). A ballot carries no person: its key
 * is an HMAC of the poll and the person with a secret the server makes once (kept in `Setting`),
 * so each colleague finds and changes their own ballot while no list of ballots, no page and no
 * export says who chose what. Counts are read from the ballots themselves (no counter to drift),
 * and a person's ballot is replaced inside one transaction, so two votes sent at once leave one.
 */

/** The ballots' key: made by the first vote ever (before it, there is no ballot to find). */
const pollSecret = (options: { create: boolean }) => serverSecret("poll-secret", options);

function keyWith(key: Buffer, pollId: string, userId: string) {
  return createHmac("sha256", key).update(`poll:${pollId}:${userId}`).digest("base64url");
}

export type PollInput = {
  question: string;
  description: string;
  options: string[];
  multiple: boolean;
  showResults: PollResults;
  endsOn: Day;
  /** null: everyone */
  groupId: string | null;
};

/** The audiences this person may address: everyone and every group for the Cabina, their groups for a leader. */
export async function pollAudiences(actor: Actor) {
  const groups = await db.workingGroup.findMany({ orderBy: { position: "asc" }, select: { id: true, name: true } });
  return {
    everyone: can(actor, "poll.create", { groupId: null }),
    groups: groups.filter((group) => can(actor, "poll.create", { groupId: group.id })),
  };
}

/** Whether this person may put a question to anyone at all (the "new poll" link). */
export function mayCreatePolls(actor: Actor) {
  return [null, ...actor.leaderOf].some((groupId) => can(actor, "poll.create", { groupId }));
}

export async function createPoll(actor: Actor, input: PollInput) {
  if (input.groupId !== null && !(await findGroup({ id: input.groupId }))) httpError(400, "polls.audienceInvalid");
  assertCan(actor, "poll.create", { groupId: input.groupId });
  return db.poll.create({
    data: {
      question: input.question,
      description: input.description,
      multiple: input.multiple,
      showResults: input.showResults,
      endsAt: romeDayBounds(input.endsOn).end,
      groupId: input.groupId,
      createdById: actor.id,
      options: { create: input.options.map((label, position) => ({ label, position })) },
    },
    select: { id: true, question: true },
  });
}

/** The open polls (ending soonest first) and the 50 that ended last, with whether this person voted. */
export async function listPolls(actor: Actor, now = new Date()) {
  const open = readPolls(true, now);
  const ended = readPolls(false, now);
  const key = await pollSecret({ create: false });
  const keys = new Map(key ? open.map((poll) => [keyWith(key, poll.id, actor.id), poll.id]) : []);
  const voted = new Set(ballotsAmong([...keys.keys()]).map((voterKey) => keys.get(voterKey)));
  const view = (poll: ListedPoll, isOpen: boolean) => ({
    id: poll.id,
    question: poll.question,
    endsAt: poll.endsAt,
    group: poll.group,
    voters: poll.voters,
    voted: voted.has(poll.id),
    canVote: can(actor, "poll.vote", { groupId: poll.groupId, open: isOpen, showResults: poll.showResults }),
  });
  return { open: open.map((poll) => view(poll, true)), ended: ended.map((poll) => view(poll, false)) };
}

/** A poll as its page and its votes read it (poll-reads.server.ts), or a 404. */
function loadPoll(id: string) {
  const poll = readPoll(id);
  if (!poll) httpError(404);
  return poll;
}

/**
 * A poll as its page shows it: this person's choices (theirs only), whether they may vote, and
 * the results when the rule allows and enough people voted: counts per option, never who.
 */
export async function pollPage(actor: Actor, id: string, now = new Date()) {
  const { voters, ...poll } = loadPoll(id);
  const open = poll.endsAt > now;
  const key = await pollSecret({ create: false });
  /** null: this person has no ballot */
  const chosen = key ? ballotChoices(poll.id, keyWith(key, poll.id, actor.id)) : null;
  const ref: PollRef = { groupId: poll.groupId, open, showResults: poll.showResults };
  const visible = can(actor, "poll.results", { ...ref, voted: chosen !== null });
  let results: { optionId: string; count: number }[] | null = null;
  if (visible && voters >= POLL_LIMITS.minVotersForResults) {
    const byOption = new Map(optionCounts(poll.id).map((row) => [row.optionId, row.count]));
    results = poll.options.map((option) => ({ optionId: option.id, count: byOption.get(option.id) ?? 0 }));
  }
  return {
    poll: { ...poll, open },
    chosen: chosen ?? [],
    voted: chosen !== null,
    voters,
    canVote: can(actor, "poll.vote", ref),
    /** the results are the rule's to show, but fewer than five voted */
    resultsWithheld: visible && results === null,
    results,
  };
}

export type VoteResult = { ok: true; question: string } | { ok: false; problem: Message; status: 400 | 409 };

/**
 * Casts or replaces this person's ballot: who may vote is settled first (403), then whether the
 * poll is still open (409), then the choice itself (400); nothing is written unless all hold.
 */
export async function vote(actor: Actor, id: string, optionIds: string[]): Promise<VoteResult> {
  const poll = loadPoll(id);
  const ref: PollRef = { groupId: poll.groupId, open: true, showResults: poll.showResults };
  assertCan(actor, "poll.vote", ref);
  if (poll.endsAt <= new Date()) return { ok: false, problem: { key: "polls.closedNow" }, status: 409 };
  const chosen = [...new Set(optionIds)];
  const known = new Set(poll.options.map((option) => option.id));
  if (chosen.length === 0) return { ok: false, problem: { key: "polls.chooseOne" }, status: 400 };
  if (chosen.some((optionId) => !known.has(optionId)))
    return { ok: false, problem: { key: "polls.optionUnknown" }, status: 400 };
  if (!poll.multiple && chosen.length > 1) return { ok: false, problem: { key: "polls.onlyOne" }, status: 400 };
  const voterKey = keyWith((await pollSecret({ create: true }))!, poll.id, actor.id);
  await db.$transaction(async (tx) => {
    const ballot = await tx.pollBallot.upsert({
      where: { pollId_voterKey: { pollId: poll.id, voterKey } },
      create: { pollId: poll.id, voterKey },
      update: {},
      select: { id: true },
    });
    await tx.pollChoice.deleteMany({ where: { ballotId: ballot.id } });
    await tx.pollChoice.createMany({ data: chosen.map((optionId) => ({ ballotId: ballot.id, optionId })) });
  });
  return { ok: true, question: poll.question };
}

/** Takes this person's ballot back while the poll is open. */
export async function withdrawVote(actor: Actor, id: string): Promise<VoteResult> {
  const poll = loadPoll(id);
  assertCan(actor, "poll.vote", { groupId: poll.groupId, open: true, showResults: poll.showResults });
  if (poll.endsAt <= new Date()) return { ok: false, problem: { key: "polls.closedNow" }, status: 409 };
  const key = await pollSecret({ create: false });
  if (key) await db.pollBallot.deleteMany({ where: { pollId: poll.id, voterKey: keyWith(key, poll.id, actor.id) } });
  return { ok: true, question: poll.question };
}
