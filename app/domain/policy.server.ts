import { EDITABLE_STATUSES, isClosed, MERGEABLE_STATUSES, transition, type Decider } from "./ideas";
import { errorResponse } from "~/lib/error-response";
import type { Actor } from "~/lib/actor";
import {
  canWrite,
  isAdmin,
  isBoard,
  leads,
  sharedRules,
  type GroupRef,
  type SharedRules,
  type UserRef,
} from "./policy-shared";

/**
 * Every permission rule of Pionieri, as pure functions. Domain functions call `assertCan`
 * before writing; the UI calls `can` to show or hide a control. Unit-tested as a table in
 * tests/unit/policy.test.ts.
 */

type IdeaRef = { groupId: string; authorId: string | null; status: string };
type StatusChange = IdeaRef & { to: string };
/** An observation campaign: who opened it (a group's leaders or the Cabina) and whether the actor joined it. */
export type CampaignRef = { groupId: string | null; joined: boolean };
/** A page that takes attachments: for an idea its author, for a document its creator. */
export type AttachTarget = {
  kind: "idea" | "objective" | "update" | "document";
  groupId: string;
  authorId: string | null;
};

type Rules = SharedRules & {
  /** read the intranet at all (every page behind login) */
  "intranet.read": undefined;
  "user.invite": undefined;
  /** attach files to an idea, an objective, a progress update, or a group's documents */
  "attachment.add": AttachTarget;
  "attachment.delete": AttachTarget & { uploadedById: string | null };
  /** set how much each person may upload in all */
  "attachment.quota": undefined;
  /** read the directory's accounts again now (issue 14), beside the periodic check */
  "directory.check": undefined;
  "user.changeRole": UserRef;
  "user.setActive": UserRef;
  /** deactivate for good and remove the personal data; what the person wrote stays, unsigned */
  "user.anonymise": UserRef;
  "user.resetAccess": UserRef;
  "user.setLeader": UserRef;
  "group.edit": GroupRef;
  "profile.edit": UserRef;
  /** one's personal access tokens for the JSON API (make, list, revoke) */
  "token.manage": UserRef;
  /** the webhooks that tell other systems what happens, and their delivery log */
  "webhook.manage": undefined;
  /** ideas */
  "idea.create": undefined;
  "idea.edit": IdeaRef;
  "idea.support": IdeaRef;
  "idea.follow": IdeaRef;
  "idea.changeStatus": StatusChange;
  "idea.markDuplicate": IdeaRef;
  /** comments */
  "comment.create": IdeaRef;
  /** the moderation list of a group (reported comments) */
  "moderation.view": GroupRef;
  "tag.manage": undefined;
  /** the privacy notice's text (each body writes its own) */
  "privacy.edit": undefined;
  /** the outbox: what was queued, sent and failed, and sending a failed e-mail again */
  "mail.view": undefined;
  "mail.resend": undefined;
  /** objectives and the crono-programma */
  "objective.create": GroupRef;
  "objective.update": { groupId: string };
  "timeline.manage": undefined;
  /** the Cabina di Regia */
  "board.decide": undefined;
  "board.privateNotes": undefined;
  "board.freeze": undefined;
  "board.export": undefined;
  "audit.view": undefined;
  /** observing and listening to citizens (issue 15) */
  "place.manage": undefined;
  "campaign.create": { groupId: string | null };
  "campaign.edit": CampaignRef;
  "campaign.join": CampaignRef;
  "campaign.leave": CampaignRef;
  "visit.record": CampaignRef;
  "visit.delete": CampaignRef & { recordedById: string | null };
  "survey.manage": undefined;
  /** read citizens' free texts before anyone else sees them, publish, redact or discard them */
  "survey.moderate": undefined;
  /** staff polls (issue 23): put a question to everyone or to one group */
  "poll.create": { groupId: string | null };
  /** vote, change one's vote or take it back, while the poll is open */
  "poll.vote": PollRef;
  /** see how many chose each option (aggregates only, never who) */
  "poll.results": PollRef & { voted: boolean };
  /** group meetings (issue 23): schedule, change, cancel, write the minutes and the decisions */
  "meeting.manage": GroupRef;
  /** say whether one comes, until the meeting starts */
  "meeting.respond": MeetingRef;
  /** who answered what, by name: everyone else sees only how many */
  "meeting.attendees": GroupRef;
  /** challenges (issue 23): open one for everyone or for one group */
  "challenge.create": { groupId: string | null };
  /** propose an idea in answer to it, while it is open */
  "challenge.answer": ChallengeRef;
  /** after the closing day: the shortlist and the public conclusion */
  "challenge.conclude": ChallengeRef;
};

/** A group's meeting: whether it is still to start, whether it was cancelled. */
type MeetingRef = { groupId: string; upcoming: boolean; cancelled: boolean };
/** A challenge: its group (null: the Cabina's, for everyone) and where it stands today. */
type ChallengeRef = { groupId: string | null; state: "PROSSIMA" | "APERTA" | "CHIUSA" | "CONCLUSA" };

/** A staff poll: its audience (null: everyone), whether it is still open, when its results show. */
export type PollRef = { groupId: string | null; open: boolean; showResults: string };

export type Action = keyof Rules;

const self = (actor: Actor, user: UserRef) => actor.id === user.id;
const deciderOk = (actor: Actor, groupId: string, by: readonly Decider[]) =>
  (by.includes("board") && isBoard(actor)) || (by.includes("leader") && leads(actor, groupId));

// The shared rules are looked up beside this table, not spread into it: a spread is a statement
// the bundler must keep, which kept the whole table in the browser's JavaScript (decision 0031).
const rules: { [A in Exclude<Action, keyof SharedRules>]: (actor: Actor, resource: Rules[A]) => boolean } = {
  "intranet.read": () => true,
  "user.invite": isAdmin,
  "directory.check": isAdmin,
  // An idea's files are its author's and its group leaders'; a group's documents anyone in the
  // group may add to; an objective's and its updates' files are for those who may update it.
  "attachment.add": (actor, page) =>
    canWrite(actor) &&
    (page.kind === "idea"
      ? page.authorId === actor.id || leads(actor, page.groupId)
      : page.kind === "document"
        ? actor.memberOf.includes(page.groupId) || leads(actor, page.groupId) || isBoard(actor)
        : leads(actor, page.groupId) || isBoard(actor)),
  // A version of a group's document is removed by whoever added it or the group's leaders.
  "attachment.delete": (actor, file) =>
    rules["attachment.add"](actor, file) &&
    (file.kind !== "document" || file.uploadedById === actor.id || leads(actor, file.groupId)),
  "attachment.quota": isAdmin,
  // An admin cannot demote or deactivate themselves: the project would risk having no admin.
  "user.changeRole": (actor, user) => isAdmin(actor) && !self(actor, user),
  "user.setActive": (actor, user) => isAdmin(actor) && !self(actor, user),
  "user.anonymise": (actor, user) => isAdmin(actor) && !self(actor, user),
  "user.resetAccess": isAdmin,
  "user.setLeader": isAdmin,
  "group.edit": isAdmin,
  "profile.edit": (actor, user) => self(actor, user),
  "token.manage": (actor, user) => self(actor, user),
  "webhook.manage": isAdmin,
  "idea.create": canWrite,
  // The Cabina asks everyone or any group; a group's leaders ask their own group.
  "poll.create": (actor, poll) =>
    canWrite(actor) && (isBoard(actor) || (poll.groupId !== null && leads(actor, poll.groupId))),
  // Everyone who may write votes on a poll for everyone; a group's poll is for its members.
  "poll.vote": (actor, poll) =>
    canWrite(actor) && poll.open && (poll.groupId === null || actor.memberOf.includes(poll.groupId)),
  // At the end for everyone; before, to those who voted when the author chose so.
  "poll.results": (_actor, poll) => !poll.open || (poll.showResults === "AFTER_VOTE" && poll.voted),
  // A group's leaders run its meetings; the Cabina, which steers every group, too.
  "meeting.manage": (actor, group) => canWrite(actor) && (leads(actor, group.id) || isBoard(actor)),
  // The group's people answer (leaders are members too), not the rest of the staff.
  "meeting.respond": (actor, meeting) =>
    canWrite(actor) && meeting.upcoming && !meeting.cancelled && actor.memberOf.includes(meeting.groupId),
  // No individual monitoring of employees: names only to those who run the meeting.
  "meeting.attendees": (actor, group) => leads(actor, group.id) || isBoard(actor),
  // Like polls: the Cabina for everyone or any group, a group's leaders for their group.
  "challenge.create": (actor, challenge) =>
    canWrite(actor) && (isBoard(actor) || (challenge.groupId !== null && leads(actor, challenge.groupId))),
  "challenge.answer": (actor, challenge) => canWrite(actor) && challenge.state === "APERTA",
  // Whoever could open it closes it, once its closing day is past (and may revise the conclusion).
  "challenge.conclude": (actor, challenge) =>
    (challenge.state === "CHIUSA" || challenge.state === "CONCLUSA") &&
    rules["challenge.create"](actor, { groupId: challenge.groupId }),
  "idea.edit": (actor, idea) => idea.authorId === actor.id && EDITABLE_STATUSES.includes(idea.status as never),
  "idea.support": (actor, idea) => canWrite(actor) && !isClosed(idea.status),
  "idea.follow": () => true,
  "idea.changeStatus": (actor, change) => {
    const step = transition(change.status, change.to);
    return step !== undefined && deciderOk(actor, change.groupId, step.by);
  },
  "idea.markDuplicate": (actor, idea) =>
    MERGEABLE_STATUSES.includes(idea.status as never) && deciderOk(actor, idea.groupId, ["leader", "board"]),
  // Observers comment too: the method asks to be "stimolati da osservatori esterni".
  "comment.create": () => true,
  "moderation.view": (actor, group) => leads(actor, group.id) || isAdmin(actor),
  "tag.manage": isAdmin,
  "privacy.edit": isAdmin,
  "mail.view": isAdmin,
  "mail.resend": isAdmin,
  // Leaders plan and report for their own groups; the board for every group.
  "objective.create": (actor, group) => leads(actor, group.id) || isBoard(actor),
  "objective.update": (actor, objective) => leads(actor, objective.groupId) || isBoard(actor),
  "timeline.manage": isBoard,
  "board.decide": isBoard,
  "board.privateNotes": isBoard,
  "board.freeze": isBoard,
  "board.export": isBoard,
  "audit.view": (actor) => isBoard(actor) || isAdmin(actor),
  "place.manage": (actor) => isBoard(actor) || isAdmin(actor),
  // A group's leaders open campaigns for their group; the Cabina for any group or for none.
  "campaign.create": (actor, campaign) =>
    isBoard(actor) || (campaign.groupId !== null && leads(actor, campaign.groupId)),
  "campaign.edit": (actor, campaign) => rules["campaign.create"](actor, campaign),
  "campaign.join": (actor, campaign) => canWrite(actor) && !campaign.joined,
  "campaign.leave": (_actor, campaign) => campaign.joined,
  // Those who joined record visits; observers do without joining (it is their role), and so do
  // the people who run the campaign.
  "visit.record": (actor, campaign) =>
    campaign.joined || actor.role === "OSSERVATORE" || rules["campaign.edit"](actor, campaign),
  "visit.delete": (actor, visit) =>
    (visit.recordedById === actor.id && rules["visit.record"](actor, visit)) || rules["campaign.edit"](actor, visit),
  "survey.manage": isBoard,
  "survey.moderate": (actor) => isBoard(actor) || isAdmin(actor),
};

export function can<A extends Action>(
  actor: Actor | null | undefined,
  action: A,
  ...resource: Rules[A] extends undefined ? [] : [Rules[A]]
): boolean {
  if (!actor || !actor.active) return false;
  const rule = (
    action in sharedRules ? sharedRules[action as keyof SharedRules] : rules[action as keyof typeof rules]
  ) as (actor: Actor, resource: Rules[A] | undefined) => boolean;
  return rule(actor, resource[0]);
}

/** Throws a 403 Response (rendered by the error boundary) when the actor may not act. */
export function assertCan<A extends Action>(
  actor: Actor | null | undefined,
  action: A,
  ...resource: Rules[A] extends undefined ? [] : [Rules[A]]
): asserts actor is Actor {
  if (!can(actor, action, ...resource)) {
    throw errorResponse(403);
  }
}
