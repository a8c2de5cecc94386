import { describe, expect, it } from "vitest";
import { assertCan, can, type Action } from "~/domain/policy.server";
import type { Actor } from "~/lib/actor";

const G = "group-logistica";
const OTHER_GROUP = "group-informatica";

const base = { active: true, memberOf: [] as string[], leaderOf: [] as string[] };
const actors: Record<string, Actor | null> = {
  anonymous: null,
  employee: { ...base, id: "employee", role: "DIPENDENTE" },
  member: { ...base, id: "member", role: "DIPENDENTE", memberOf: [G] },
  leader: { ...base, id: "leader", role: "DIPENDENTE", memberOf: [G], leaderOf: [G] },
  otherLeader: { ...base, id: "otherLeader", role: "DIPENDENTE", memberOf: [OTHER_GROUP], leaderOf: [OTHER_GROUP] },
  board: { ...base, id: "board", role: "CABINA" },
  admin: { ...base, id: "admin", role: "ADMIN" },
  observer: { ...base, id: "observer", role: "OSSERVATORE" },
  deactivatedAdmin: { ...base, id: "deactivatedAdmin", role: "ADMIN", active: false },
};

// The table drives `can` with actions chosen at run time, so it talks to it untyped.
const canUntyped = can as (actor: Actor | null, action: Action, resource?: object) => boolean;
const assertCanUntyped = assertCan as (actor: Actor | null, action: Action, resource?: object) => void;

type Case = { action: Action; resource?: object; label: string; allowed: string[] };

const WRITERS = ["employee", "member", "leader", "otherLeader", "board", "admin"];
const idea = (status: string, authorId = "member") => ({ groupId: G, authorId, status });
const comment = (authorId: string, state: { deletedAt?: string; hiddenAt?: string } = {}) => ({
  authorId,
  ideaGroupId: G,
  deletedAt: state.deletedAt ?? null,
  hiddenAt: state.hiddenAt ?? null,
});

/** Who may do what: every actor not listed under `allowed` must be refused. */
const table: Case[] = [
  {
    action: "group.join",
    resource: { id: G },
    label: "join a group they are not in",
    allowed: ["employee", "otherLeader", "board", "admin"],
  },
  { action: "group.leave", resource: { id: G }, label: "leave a group they are in", allowed: ["member", "leader"] },
  // Observing and listening (issue 15): role × action × ownership (whose group, joined or not).
  // Staff polls (issue 23): who asks (the Cabina anyone, a leader their group), who votes (a
  // group's members, or every writer), who sees the counts (per the author's choice, at the end).
  { action: "poll.create", resource: { groupId: null }, label: "ask every colleague a question", allowed: ["board"] },
  { action: "poll.create", resource: { groupId: G }, label: "ask Logistica a question", allowed: ["leader", "board"] },
  {
    action: "poll.create",
    resource: { groupId: OTHER_GROUP },
    label: "ask Informatica a question",
    allowed: ["otherLeader", "board"],
  },
  {
    action: "poll.vote",
    resource: { groupId: null, open: true, showResults: "AFTER_VOTE" },
    label: "vote on an open poll for everyone",
    allowed: WRITERS,
  },
  {
    action: "poll.vote",
    resource: { groupId: G, open: true, showResults: "AFTER_VOTE" },
    label: "vote on an open poll for Logistica",
    allowed: ["member", "leader"],
  },
  {
    action: "poll.vote",
    resource: { groupId: null, open: false, showResults: "AFTER_VOTE" },
    label: "vote on a closed poll",
    allowed: [],
  },
  {
    action: "poll.results",
    resource: { groupId: null, open: true, showResults: "AFTER_VOTE", voted: false },
    label: "see an open poll's counts before voting",
    allowed: [],
  },
  {
    action: "poll.results",
    resource: { groupId: null, open: true, showResults: "AFTER_VOTE", voted: true },
    label: "see an open poll's counts after voting (shown after the vote)",
    allowed: ["employee", "member", "leader", "otherLeader", "board", "admin", "observer"],
  },
  {
    action: "poll.results",
    resource: { groupId: null, open: true, showResults: "AFTER_END", voted: true },
    label: "see an open poll's counts after voting (shown at the end)",
    allowed: [],
  },
  {
    action: "poll.results",
    resource: { groupId: G, open: false, showResults: "AFTER_END", voted: false },
    label: "see a closed poll's counts",
    allowed: ["employee", "member", "leader", "otherLeader", "board", "admin", "observer"],
  },
  { action: "place.manage", label: "manage offices, counters and services", allowed: ["board", "admin"] },
  {
    action: "campaign.create",
    resource: { groupId: G },
    label: "open a campaign for Logistica",
    allowed: ["leader", "board"],
  },
  { action: "campaign.create", resource: { groupId: null }, label: "open a campaign for no group", allowed: ["board"] },
  {
    action: "campaign.edit",
    resource: { groupId: G, joined: false },
    label: "edit a Logistica campaign",
    allowed: ["leader", "board"],
  },
  {
    action: "campaign.join",
    resource: { groupId: G, joined: false },
    label: "join a campaign not joined yet",
    allowed: WRITERS,
  },
  {
    action: "campaign.join",
    resource: { groupId: G, joined: true },
    label: "join a campaign joined already",
    allowed: [],
  },
  {
    action: "campaign.leave",
    resource: { groupId: G, joined: true },
    label: "leave a campaign one joined",
    allowed: [...WRITERS, "observer"],
  },
  {
    action: "campaign.leave",
    resource: { groupId: G, joined: false },
    label: "leave a campaign not joined",
    allowed: [],
  },
  {
    action: "visit.record",
    resource: { groupId: G, joined: false },
    label: "record a visit without joining",
    allowed: ["observer", "leader", "board"],
  },
  {
    action: "visit.record",
    resource: { groupId: G, joined: true },
    label: "record a visit having joined",
    allowed: [...WRITERS, "observer"],
  },
  {
    action: "visit.delete",
    resource: { groupId: G, joined: true, recordedById: "member" },
    label: "delete the member's visit (actor joined)",
    allowed: ["member", "leader", "board"],
  },
  {
    action: "visit.delete",
    resource: { groupId: G, joined: false, recordedById: "observer" },
    label: "delete the observer's visit (actor not joined)",
    allowed: ["observer", "leader", "board"],
  },
  { action: "survey.manage", label: "write, open and close surveys", allowed: ["board"] },
  { action: "survey.moderate", label: "read and publish citizens' free texts", allowed: ["board", "admin"] },

  { action: "user.list", label: "see the admin's user list", allowed: ["admin"] },
  { action: "user.invite", label: "invite a colleague", allowed: ["admin"] },
  { action: "directory.check", label: "check the directory's accounts now", allowed: ["admin"] },
  // Attachments: the page's kind, group and author (× ownership of the file for removals).
  ...(["idea", "objective", "update", "document"] as const).flatMap((kind) => [
    {
      action: "attachment.add" as const,
      resource: { kind, groupId: G, authorId: "member" },
      label: `attach to a ${kind} of the group (author: member)`,
      allowed:
        kind === "idea"
          ? ["member", "leader"]
          : kind === "document"
            ? ["member", "leader", "board"]
            : ["leader", "board"],
    },
    {
      action: "attachment.delete" as const,
      resource: { kind, groupId: G, authorId: "member", uploadedById: "member" },
      label: `remove the member's file from a ${kind}`,
      allowed:
        kind === "idea" ? ["member", "leader"] : kind === "document" ? ["member", "leader"] : ["leader", "board"],
    },
    {
      action: "attachment.delete" as const,
      resource: { kind, groupId: G, authorId: "member", uploadedById: "leader" },
      label: `remove the leader's file from a ${kind}`,
      allowed: kind === "idea" ? ["member", "leader"] : ["leader", ...(kind === "document" ? [] : ["board"])],
    },
  ]),
  { action: "attachment.quota", label: "set the space each person may use", allowed: ["admin"] },
  { action: "user.changeRole", resource: { id: "employee" }, label: "change someone else's role", allowed: ["admin"] },
  { action: "user.changeRole", resource: { id: "admin" }, label: "change the admin's own role", allowed: [] },
  { action: "user.setActive", resource: { id: "employee" }, label: "deactivate someone else", allowed: ["admin"] },
  { action: "user.setActive", resource: { id: "admin" }, label: "deactivate the admin's own account", allowed: [] },
  { action: "user.anonymise", resource: { id: "employee" }, label: "anonymise someone else", allowed: ["admin"] },
  { action: "user.anonymise", resource: { id: "admin" }, label: "anonymise the admin's own account", allowed: [] },
  { action: "user.resetAccess", resource: { id: "employee" }, label: "create an access link", allowed: ["admin"] },
  { action: "user.setLeader", resource: { id: "employee" }, label: "name a group leader", allowed: ["admin"] },
  { action: "group.edit", resource: { id: G }, label: "edit a group", allowed: ["admin"] },
  { action: "profile.edit", resource: { id: "employee" }, label: "edit the employee's profile", allowed: ["employee"] },
  { action: "profile.edit", resource: { id: "observer" }, label: "edit the observer's profile", allowed: ["observer"] },
  {
    action: "token.manage",
    resource: { id: "employee" },
    label: "manage the employee's API tokens",
    allowed: ["employee"],
  },
  {
    action: "token.manage",
    resource: { id: "observer" },
    label: "manage the observer's API tokens",
    allowed: ["observer"],
  },
  { action: "token.manage", resource: { id: "admin" }, label: "manage the admin's API tokens", allowed: ["admin"] },
  {
    action: "intranet.read",
    label: "read the intranet",
    allowed: ["employee", "member", "leader", "otherLeader", "board", "admin", "observer"],
  },

  { action: "idea.create", label: "propose an idea", allowed: WRITERS },
  { action: "idea.edit", resource: idea("NUOVA"), label: "edit the member's new idea", allowed: ["member"] },
  {
    action: "idea.edit",
    resource: idea("IN_DISCUSSIONE"),
    label: "edit the member's idea under discussion",
    allowed: ["member"],
  },
  {
    action: "idea.edit",
    resource: idea("IN_VALUTAZIONE"),
    label: "edit the member's idea once under review",
    allowed: [],
  },
  {
    action: "idea.edit",
    resource: idea("NUOVA", "leader"),
    label: "edit the leader's own new idea",
    allowed: ["leader"],
  },
  { action: "idea.support", resource: idea("IN_DISCUSSIONE"), label: "support an open idea", allowed: WRITERS },
  { action: "idea.support", resource: idea("REALIZZATA"), label: "support a done idea", allowed: [] },
  { action: "idea.support", resource: idea("NON_ACCOLTA"), label: "support a declined idea", allowed: [] },
  { action: "idea.support", resource: idea("DUPLICATA"), label: "support a duplicate", allowed: [] },
  { action: "idea.follow", resource: idea("NUOVA"), label: "follow an idea", allowed: [...WRITERS, "observer"] },
  {
    action: "idea.changeStatus",
    resource: { ...idea("NUOVA"), to: "IN_DISCUSSIONE" },
    label: "open the discussion of the group's idea",
    allowed: ["leader", "board"],
  },
  {
    action: "idea.changeStatus",
    resource: { ...idea("IN_DISCUSSIONE"), to: "IN_VALUTAZIONE" },
    label: "send the group's idea to the board",
    allowed: ["leader", "board"],
  },
  {
    action: "idea.changeStatus",
    resource: { ...idea("IN_VALUTAZIONE"), to: "ACCOLTA" },
    label: "accept an idea",
    allowed: ["board"],
  },
  {
    action: "idea.changeStatus",
    resource: { ...idea("IN_VALUTAZIONE"), to: "NON_ACCOLTA" },
    label: "decline an idea",
    allowed: ["board"],
  },
  {
    action: "idea.changeStatus",
    resource: { ...idea("ACCOLTA"), to: "IN_REALIZZAZIONE" },
    label: "start an accepted idea",
    allowed: ["leader", "board"],
  },
  {
    action: "idea.changeStatus",
    resource: { ...idea("IN_REALIZZAZIONE"), to: "REALIZZATA" },
    label: "mark an idea done",
    allowed: ["leader", "board"],
  },
  {
    action: "idea.changeStatus",
    resource: { ...idea("NUOVA"), to: "ACCOLTA" },
    label: "accept a new idea skipping the review",
    allowed: [],
  },
  {
    action: "idea.changeStatus",
    resource: { ...idea("NON_ACCOLTA"), to: "ACCOLTA" },
    label: "reverse a decision",
    allowed: [],
  },
  {
    action: "idea.markDuplicate",
    resource: idea("NUOVA"),
    label: "mark the group's new idea as duplicate",
    allowed: ["leader", "board"],
  },
  { action: "idea.markDuplicate", resource: idea("ACCOLTA"), label: "mark an accepted idea as duplicate", allowed: [] },
  // Observers comment too (issue 15): the method asks to be stimulated by outside observers.
  { action: "comment.create", resource: idea("NUOVA"), label: "comment", allowed: [...WRITERS, "observer"] },
  {
    action: "comment.edit",
    resource: comment("employee"),
    label: "edit the employee's comment",
    allowed: ["employee"],
  },
  {
    action: "comment.edit",
    resource: comment("employee", { deletedAt: "2026-01-01" }),
    label: "edit a removed comment",
    allowed: [],
  },
  {
    action: "comment.delete",
    resource: comment("employee"),
    label: "delete the employee's comment",
    allowed: ["employee"],
  },
  {
    action: "comment.delete",
    resource: comment("employee", { hiddenAt: "2026-01-01" }),
    label: "delete a hidden comment",
    allowed: [],
  },
  {
    action: "comment.hide",
    resource: comment("employee"),
    label: "hide a comment in the group",
    allowed: ["leader", "board", "admin"],
  },
  {
    action: "comment.hide",
    resource: comment("employee", { hiddenAt: "2026-01-01" }),
    label: "hide an already hidden comment",
    allowed: [],
  },
  {
    action: "comment.report",
    resource: comment("member"),
    label: "report the member's comment",
    allowed: ["employee", "leader", "otherLeader", "board", "admin"],
  },
  {
    action: "moderation.view",
    resource: { id: G },
    label: "see the group's reported comments",
    allowed: ["leader", "admin"],
  },
  { action: "tag.manage", label: "manage the themes", allowed: ["admin"] },
  { action: "privacy.edit", label: "write the privacy notice", allowed: ["admin"] },
  { action: "mail.view", label: "see the outbox (queued, sent, failed e-mails)", allowed: ["admin"] },
  { action: "webhook.manage", label: "configure webhooks and send a delivery again", allowed: ["admin"] },
  { action: "mail.resend", label: "send a failed e-mail again", allowed: ["admin"] },
  {
    action: "objective.create",
    resource: { id: G },
    label: "plan an objective for the group",
    allowed: ["leader", "board"],
  },
  {
    action: "objective.create",
    resource: { id: "group-prodotti" },
    label: "plan an objective for a group nobody here leads",
    allowed: ["board"],
  },
  {
    action: "objective.update",
    resource: { groupId: G },
    label: "update the group's objective",
    allowed: ["leader", "board"],
  },
  {
    action: "objective.update",
    resource: { groupId: OTHER_GROUP },
    label: "update the other group's objective",
    allowed: ["otherLeader", "board"],
  },
  { action: "timeline.manage", label: "manage phases and milestones", allowed: ["board"] },
  { action: "board.decide", label: "decide from the board's queue", allowed: ["board"] },
  { action: "board.privateNotes", label: "read and write the board's private notes", allowed: ["board"] },
  { action: "board.freeze", label: "freeze a meeting snapshot", allowed: ["board"] },
  { action: "board.export", label: "export the board's CSV files", allowed: ["board"] },
  { action: "audit.view", label: "read the audit log", allowed: ["board", "admin"] },
  // Group meetings (issue 23): the group's leaders and the Cabina run them; the group's people
  // answer until it starts; names of who answered only to those who run it.
  { action: "meeting.manage", resource: { id: G }, label: "call Logistica's meeting", allowed: ["leader", "board"] },
  {
    action: "meeting.manage",
    resource: { id: OTHER_GROUP },
    label: "call Informatica's meeting",
    allowed: ["otherLeader", "board"],
  },
  {
    action: "meeting.respond",
    resource: { groupId: G, upcoming: true, cancelled: false },
    label: "answer Logistica's coming meeting",
    allowed: ["member", "leader"],
  },
  {
    action: "meeting.respond",
    resource: { groupId: G, upcoming: false, cancelled: false },
    label: "answer Logistica's meeting once it started",
    allowed: [],
  },
  {
    action: "meeting.respond",
    resource: { groupId: G, upcoming: true, cancelled: true },
    label: "answer Logistica's cancelled meeting",
    allowed: [],
  },
  {
    action: "meeting.attendees",
    resource: { id: G },
    label: "see by name who answered Logistica's meeting",
    allowed: ["leader", "board"],
  },
  // Challenges (issue 23): opened like polls; answered while open; concluded once closed.
  {
    action: "challenge.create",
    resource: { groupId: null },
    label: "open a challenge for everyone",
    allowed: ["board"],
  },
  {
    action: "challenge.create",
    resource: { groupId: G },
    label: "open a challenge for Logistica",
    allowed: ["leader", "board"],
  },
  {
    action: "challenge.answer",
    resource: { groupId: null, state: "APERTA" },
    label: "propose an idea for an open challenge",
    allowed: WRITERS,
  },
  {
    action: "challenge.answer",
    resource: { groupId: null, state: "CHIUSA" },
    label: "propose an idea for a closed challenge",
    allowed: [],
  },
  {
    action: "challenge.answer",
    resource: { groupId: null, state: "PROSSIMA" },
    label: "propose an idea for a challenge not open yet",
    allowed: [],
  },
  {
    action: "challenge.conclude",
    resource: { groupId: null, state: "CHIUSA" },
    label: "conclude the Cabina's closed challenge",
    allowed: ["board"],
  },
  {
    action: "challenge.conclude",
    resource: { groupId: G, state: "CONCLUSA" },
    label: "revise the conclusion of Logistica's challenge",
    allowed: ["leader", "board"],
  },
  {
    action: "challenge.conclude",
    resource: { groupId: null, state: "APERTA" },
    label: "conclude a challenge still open",
    allowed: [],
  },
];

describe("policy: role × action × ownership", () => {
  for (const row of table) {
    for (const [name, actor] of Object.entries(actors)) {
      const expected = row.allowed.includes(name);
      it(`${name} ${expected ? "may" : "may not"} ${row.label}`, () => {
        expect(canUntyped(actor, row.action, row.resource)).toBe(expected);
        if (expected) {
          expect(() => assertCanUntyped(actor, row.action, row.resource)).not.toThrow();
        } else {
          let thrown: unknown;
          try {
            assertCanUntyped(actor, row.action, row.resource);
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(Response);
          expect((thrown as Response).status).toBe(403);
        }
      });
    }
  }

  it("covers every action of the policy", async () => {
    const fs = await import("node:fs");
    // The table and the few rules the browser asks too (policy-shared.ts), spread into it.
    const source = ["app/domain/policy.server.ts", "app/domain/policy-shared.ts"]
      .map((file) => fs.readFileSync(file, "utf8"))
      .join("\n");
    const declared = [...source.matchAll(/^\s+"([a-z]+\.[a-zA-Z.]+)": /gm)].map((m) => m[1]);
    const tested = new Set(table.map((row) => row.action));
    expect(declared.length).toBeGreaterThan(5);
    for (const action of new Set(declared)) expect(tested, `no table row for ${action}`).toContain(action);
  });
});
