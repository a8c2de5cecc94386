/**
 * Demo data for `npm run demo`: the demo accounts, about twenty colleagues in the five groups,
 * and about sixty ideas with their supports, comments, status history and notifications. Runs only in demo mode
 * (PIONIERI_DEMO=1) and only on an empty
 * database, so it can never add known passwords to a real installation.
 */
import { db, dbReady } from "../app/lib/db/client.server";
import { DEMO_PASSWORD } from "../app/lib/demo";
import { env } from "../app/lib/env.server";
import { renderMarkdown } from "../app/lib/markdown.server";
import {
  addMember,
  addSupports,
  buildComment,
  buildIdea,
  buildMilestone,
  buildObjective,
  buildProgressUpdate,
  buildStatusChange,
  buildUser,
  type UserInput,
} from "../tests/support/factories";
import { freezeSnapshot } from "../app/domain/snapshots.server";
import { createPoll, vote, type PollInput } from "../app/domain/polls.server";
import { recordMinutes, respond, scheduleMeeting } from "../app/domain/meetings.server";
import { concludeChallenge, createChallenge } from "../app/domain/challenges.server";
import { createIdea } from "../app/domain/ideas.server";
import { setSupport } from "../app/domain/supports.server";
import { romeInstant } from "../app/lib/clock";
import type { Actor } from "../app/lib/actor";
import { addDays, today } from "../app/lib/days";
import { COMMENTS, IDEAS, REASONS, REPLIES } from "./seed-ideas";
import { MILESTONES, OBJECTIVES } from "./seed-objectives";
import { seedCampaign, seedSurvey } from "./seed-observe";

const day = (iso: string) => new Date(`${iso}T00:00:00+01:00`);

type Person = UserInput & { email: string; displayName: string; office: string; groups?: string[]; leads?: string[] };

const PEOPLE: Person[] = [
  {
    email: "admin@cesena.example",
    displayName: "Marco Fabbri",
    office: "Sistemi Informativi",
    role: "ADMIN",
    groups: ["informatica"],
  },
  { email: "cabina@cesena.example", displayName: "Elena Casadei", office: "Direzione Generale", role: "CABINA" },
  {
    email: "coordinatore.logistica@cesena.example",
    displayName: "Paolo Giorgini",
    office: "Patrimonio",
    leads: ["logistica"],
  },
  {
    email: "coordinatore.informatica@cesena.example",
    displayName: "Chiara Zanotti",
    office: "Sistemi Informativi",
    leads: ["informatica"],
  },
  {
    email: "coordinatore.comunicazione@cesena.example",
    displayName: "Giulia Montalti",
    office: "URP",
    leads: ["comunicazione"],
  },
  {
    email: "coordinatore.prodotti@cesena.example",
    displayName: "Andrea Pieri",
    office: "Anagrafe",
    leads: ["prodotti"],
  },
  {
    email: "coordinatore.personale@cesena.example",
    displayName: "Silvia Gasperoni",
    office: "Personale e Organizzazione",
    leads: ["personale-e-formazione"],
  },
  { email: "dipendente@cesena.example", displayName: "Luca Battistini", office: "Tributi", groups: ["comunicazione"] },
  {
    email: "osservatore@cesena.example",
    displayName: "Francesca Ricci",
    office: "Consulente esterna, Università di Bologna",
    role: "OSSERVATORE",
  },
  {
    email: "anna.bertozzi@cesena.example",
    displayName: "Anna Bertozzi",
    office: "Anagrafe",
    groups: ["prodotti", "logistica"],
  },
  {
    email: "roberto.amadori@cesena.example",
    displayName: "Roberto Amadori",
    office: "Polizia Locale",
    groups: ["logistica"],
  },
  {
    email: "sara.guidi@cesena.example",
    displayName: "Sara Guidi",
    office: "Servizi Sociali",
    groups: ["prodotti", "comunicazione"],
  },
  {
    email: "matteo.rossi@cesena.example",
    displayName: "Matteo Rossi",
    office: "Sistemi Informativi",
    groups: ["informatica"],
  },
  { email: "laura.bianchi@cesena.example", displayName: "Laura Bianchi", office: "Tributi", groups: ["prodotti"] },
  {
    email: "davide.morigi@cesena.example",
    displayName: "Davide Morigi",
    office: "Edilizia Privata",
    groups: ["informatica", "prodotti"],
  },
  {
    email: "valentina.lucchi@cesena.example",
    displayName: "Valentina Lucchi",
    office: "URP",
    groups: ["comunicazione", "personale-e-formazione"],
  },
  {
    email: "stefano.foschi@cesena.example",
    displayName: "Stefano Foschi",
    office: "Ragioneria",
    groups: ["personale-e-formazione"],
  },
  {
    email: "martina.pollini@cesena.example",
    displayName: "Martina Pollini",
    office: "Servizi Educativi",
    groups: ["comunicazione"],
  },
  {
    email: "giorgio.sirri@cesena.example",
    displayName: "Giorgio Sirri",
    office: "Stato Civile",
    groups: ["prodotti", "logistica"],
  },
  {
    email: "federica.neri@cesena.example",
    displayName: "Federica Neri",
    office: "Protocollo",
    groups: ["informatica"],
  },
  {
    email: "alessandro.zoffoli@cesena.example",
    displayName: "Alessandro Zoffoli",
    office: "Polizia Locale",
    groups: ["logistica", "personale-e-formazione"],
  },
  {
    email: "chiara.magnani@cesena.example",
    displayName: "Chiara Magnani",
    office: "Servizi Sociali",
    groups: ["personale-e-formazione"],
  },
  { email: "simone.baldacci@cesena.example", displayName: "Simone Baldacci", office: "Edilizia Privata" },
  {
    email: "elisa.venturi@cesena.example",
    displayName: "Elisa Venturi",
    office: "Anagrafe",
    groups: ["logistica", "comunicazione"],
  },
  {
    email: "nicola.fantini@cesena.example",
    displayName: "Nicola Fantini",
    office: "Attività Produttive",
    groups: ["prodotti"],
  },
  { email: "roberta.pasini@cesena.example", displayName: "Roberta Pasini", office: "Tributi", groups: ["informatica"] },
  { email: "michele.castagnoli@cesena.example", displayName: "Michele Castagnoli", office: "Ambiente", groups: [] },
  {
    email: "irene.zavalloni@cesena.example",
    displayName: "Irene Zavalloni",
    office: "Cultura",
    groups: ["comunicazione"],
  },
  {
    email: "tommaso.rinaldini@cesena.example",
    displayName: "Tommaso Rinaldini",
    office: "Sport",
    groups: ["logistica"],
  },
  {
    email: "beatrice.ceredi@cesena.example",
    displayName: "Beatrice Ceredi",
    office: "Personale e Organizzazione",
    groups: ["personale-e-formazione", "prodotti"],
  },
];

async function main() {
  if (!env.demo) {
    console.error(
      "Il seme dimostrativo gira solo in modalità demo (PIONIERI_DEMO=1): " +
        "non crea mai account con password note in produzione.",
    );
    process.exit(1);
  }
  await dbReady;
  if ((await db.user.count()) > 0) {
    console.log("Il database contiene già dati: nessun dato dimostrativo aggiunto.");
    return;
  }
  // Groups, themes and phases come with the migrations (reference data of every installation).
  const groups = new Map(
    (await db.workingGroup.findMany({ select: { id: true, slug: true } })).map((g) => [g.slug, g.id]),
  );
  const joined = day("2026-09-20");
  const people = new Map<string, { id: string; displayName: string; role: string }>();
  for (const [index, person] of PEOPLE.entries()) {
    const { groups: memberOf = [], leads = [], ...input } = person;
    const user = await buildUser(db, { ...input, password: DEMO_PASSWORD });
    people.set(person.email, user);
    const joinedAt = new Date(joined.getTime() + index * 36 * 3600 * 1000);
    for (const slug of leads) await addMember(db, user.id, groups.get(slug)!, { isLeader: true, joinedAt });
    for (const slug of memberOf) await addMember(db, user.id, groups.get(slug)!, { joinedAt });
  }
  const ideas = await seedIdeas(groups, people);
  const objectives = await seedObjectives(groups, people);
  await seedSnapshots(people);
  // Observing and listening (issue 15): a finished two-week campaign and its survey.
  const recorders = [...people.values()]
    .filter((p) => p.role !== "ADMIN")
    .slice(0, 8)
    .map((p) => p.id);
  await seedCampaign(db, {
    title: "Flussi al piano terra, ottobre",
    startsOn: "2026-10-05",
    endsOn: "2026-10-17",
    visits: 400,
    groupId: groups.get("logistica")!,
    createdById: people.get("coordinatore.logistica@cesena.example")!.id,
    recorders: [people.get("osservatore@cesena.example")!.id, ...recorders],
  });
  await seedSurvey(db, {
    title: "Gradimento agli sportelli, ottobre",
    from: "2026-10-05",
    to: "2026-10-24",
    responses: 300,
    createdById: people.get("cabina@cesena.example")!.id,
  });
  await seedAuditLog();
  await seedPolls(groups);
  await seedMeetings(groups);
  await seedChallenges(groups);
  console.log(
    `Dati dimostrativi creati: ${PEOPLE.length} persone, ${ideas} idee, ` +
      `${objectives} micro-obiettivi con i loro aggiornamenti.`,
  );
}

/** A fixed-seed generator: the demo is the same on every machine. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PATH: Record<string, string[]> = {
  NUOVA: [],
  IN_DISCUSSIONE: ["IN_DISCUSSIONE"],
  IN_VALUTAZIONE: ["IN_DISCUSSIONE", "IN_VALUTAZIONE"],
  ACCOLTA: ["IN_DISCUSSIONE", "IN_VALUTAZIONE", "ACCOLTA"],
  NON_ACCOLTA: ["IN_DISCUSSIONE", "IN_VALUTAZIONE", "NON_ACCOLTA"],
  IN_REALIZZAZIONE: ["IN_DISCUSSIONE", "IN_VALUTAZIONE", "ACCOLTA", "IN_REALIZZAZIONE"],
  REALIZZATA: ["IN_DISCUSSIONE", "IN_VALUTAZIONE", "ACCOLTA", "IN_REALIZZAZIONE", "REALIZZATA"],
  DUPLICATA: [],
};

const LEADER_OF: Record<string, string> = {
  logistica: "coordinatore.logistica@cesena.example",
  informatica: "coordinatore.informatica@cesena.example",
  comunicazione: "coordinatore.comunicazione@cesena.example",
  prodotti: "coordinatore.prodotti@cesena.example",
  "personale-e-formazione": "coordinatore.personale@cesena.example",
};

/** The demo's ideas with their whole story: status steps with reasons, supports, comments, notifications. */
async function seedIdeas(
  groups: Map<string, string>,
  people: Map<string, { id: string; displayName: string; role: string }>,
) {
  const rnd = random(20261126);
  const tags = new Map((await db.tag.findMany({ select: { id: true, name: true } })).map((tag) => [tag.name, tag.id]));
  const colleagues = [...people.entries()]
    .filter(([email]) => !email.startsWith("osservatore"))
    .map(([, user]) => user);
  const board = people.get("cabina@cesena.example")!;
  const now = Date.now();
  const dayMs = 86400_000;
  const byTitle = new Map<string, number>();
  const duplicates: { id: number; group: string; title: string }[] = [];

  for (const [index, [group, status, title, body, tagNames]] of IDEAS.entries()) {
    // The demo's "dipendente" authored a few ideas, so their notifications have something to say.
    const author =
      index % 10 === 2 ? people.get("dipendente@cesena.example")! : colleagues[(index * 7) % colleagues.length]!;
    const createdAt = new Date(now - (72 - index) * dayMs + Math.floor(rnd() * 8) * 3600_000);
    const idea = await buildIdea(db, {
      title,
      body,
      groupId: groups.get(group)!,
      authorId: author.id,
      tagIds: tagNames.map((name) => tags.get(name)).filter((id): id is string => Boolean(id)),
      createdAt,
    });
    byTitle.set(title, idea.id);
    let at = createdAt.getTime();
    let from = "NUOVA";
    const leader = people.get(LEADER_OF[group]!)!;
    for (const to of PATH[status] ?? []) {
      at = Math.min(now - dayMs, at + (2 + Math.floor(rnd() * 6)) * dayMs);
      const decider = to === "ACCOLTA" || to === "NON_ACCOLTA" ? board : leader;
      await buildStatusChange(db, {
        ideaId: idea.id,
        from,
        to,
        actorId: decider.id,
        reason: REASONS[to],
        at: new Date(at),
      });
      await db.notification.create({
        data: {
          userId: author.id,
          kind: "STATUS",
          ideaId: idea.id,
          actorId: decider.id,
          data: JSON.stringify({ ideaTitle: title, fromStatus: from, toStatus: to, reason: REASONS[to] }),
          createdAt: new Date(at),
          readAt: now - at > 14 * dayMs ? new Date(at + dayMs) : null,
        },
      });
      from = to;
    }
    if (status === "DUPLICATA") duplicates.push({ id: idea.id, group, title });

    // Supports: more for ideas that went further; some in the last two weeks (the "tendenza" sort).
    const reach =
      {
        NUOVA: 0.15,
        IN_DISCUSSIONE: 0.3,
        IN_VALUTAZIONE: 0.45,
        ACCOLTA: 0.55,
        IN_REALIZZAZIONE: 0.6,
        REALIZZATA: 0.5,
        NON_ACCOLTA: 0.2,
        DUPLICATA: 0.1,
      }[status] ?? 0.2;
    const supporters = colleagues.filter((user) => user.id !== author.id && rnd() < reach);
    for (const supporter of supporters) {
      const when = new Date(
        Math.min(now - 3600_000, createdAt.getTime() + Math.floor(rnd() * (now - createdAt.getTime()))),
      );
      await addSupports(db, idea.id, [supporter.id], when);
    }

    // Comments, some with a reply from the group's leader.
    const count = Math.floor(rnd() * (status === "NUOVA" ? 2 : 5));
    for (let c = 0; c < count; c++) {
      const commenter = colleagues[Math.floor(rnd() * colleagues.length)]!;
      const when = new Date(
        Math.min(now - 3600_000, createdAt.getTime() + (c + 1) * Math.floor(rnd() * 3 + 1) * dayMs),
      );
      const mention =
        index % 9 === 0 && c === 0 ? " Ne parlavo con @anna.bertozzi, che lo vede ogni giorno in Anagrafe." : "";
      const comment = await buildComment(db, {
        ideaId: idea.id,
        authorId: commenter.id,
        body: COMMENTS[Math.floor(rnd() * COMMENTS.length)]! + mention,
        createdAt: when,
      });
      if (mention) {
        const anna = people.get("anna.bertozzi@cesena.example")!;
        // Rendered again with the mention resolved, as the app does at write time.
        await db.comment.update({
          where: { id: comment.id },
          data: { bodyHtml: renderMarkdown(comment.body, new Map([["anna.bertozzi", anna.displayName]])) },
        });
        await db.notification.create({
          data: {
            userId: anna.id,
            kind: "MENTION",
            ideaId: idea.id,
            commentId: comment.id,
            actorId: commenter.id,
            data: JSON.stringify({ ideaTitle: title }),
            createdAt: when,
          },
        });
      }
      await db.$executeRaw`INSERT OR IGNORE INTO "Follow" ("ideaId", "userId", "createdAt") VALUES (${idea.id},
        ${commenter.id}, ${when})`;
      if (commenter.id !== author.id) {
        await db.notification.create({
          data: {
            userId: author.id,
            kind: "COMMENT",
            ideaId: idea.id,
            commentId: comment.id,
            actorId: commenter.id,
            data: JSON.stringify({ ideaTitle: title }),
            createdAt: when,
            readAt: now - when.getTime() > 14 * dayMs ? new Date(when.getTime() + dayMs) : null,
          },
        });
      }
      if (rnd() < 0.3) {
        await buildComment(db, {
          ideaId: idea.id,
          authorId: leader.id,
          parentId: comment.id,
          body: REPLIES[Math.floor(rnd() * REPLIES.length)]!,
          createdAt: new Date(Math.min(now - 1800_000, when.getTime() + 5 * 3600_000)),
        });
      }
    }
  }

  // The duplicates point to the originals of their groups, as the workflow would leave them.
  const originals: Record<string, string> = {
    "Totem per prendere il numero": "Un eliminacode unico per tutti gli sportelli del piano terra",
    "Prenotare la carta d'identità dal sito": "Prenotazione online degli appuntamenti per carta d'identità",
    "Misurare quanto dura ogni pratica": "Misurare il tempo medio di ogni servizio",
  };
  for (const duplicate of duplicates) {
    const originalId = byTitle.get(originals[duplicate.title]!)!;
    const leader = people.get(LEADER_OF[duplicate.group]!)!;
    const at = new Date(now - 3 * dayMs);
    await db.idea.update({ where: { id: duplicate.id }, data: { status: "DUPLICATA", duplicateOfId: originalId } });
    await db.$executeRaw`INSERT OR IGNORE INTO "Support" ("ideaId", "userId", "createdAt") SELECT ${originalId},
      "userId", "createdAt" FROM "Support" WHERE "ideaId" = ${duplicate.id}`;
    await db.$executeRaw`DELETE FROM "Support" WHERE "ideaId" = ${duplicate.id}`;
    for (const id of [duplicate.id, originalId]) {
      await db.idea.update({
        where: { id },
        data: { supportCount: await db.support.count({ where: { ideaId: id } }) },
      });
    }
    await db.ideaEvent.createMany({
      data: [
        {
          ideaId: duplicate.id,
          actorId: leader.id,
          kind: "MERGED_INTO",
          fromStatus: "NUOVA",
          toStatus: "DUPLICATA",
          relatedIdeaId: originalId,
          reason: "Stessa proposta: uniamo i sostegni.",
          createdAt: at,
        },
        { ideaId: originalId, actorId: leader.id, kind: "MERGED_FROM", relatedIdeaId: duplicate.id, createdAt: at },
      ],
    });
  }
  return IDEAS.length;
}

/** The plan: objectives owned by members of their groups, carrying ideas, with updates. */
async function seedObjectives(groups: Map<string, string>, people: Map<string, { id: string }>) {
  for (const milestone of MILESTONES) {
    await buildMilestone(db, {
      title: milestone.title,
      date: milestone.date,
      groupId: milestone.group ? groups.get(milestone.group)! : null,
    });
  }
  const members = new Map<string, string[]>();
  for (const m of await db.membership.findMany({ select: { userId: true, groupId: true } })) {
    members.set(m.groupId, [...(members.get(m.groupId) ?? []), m.userId]);
  }
  for (const [index, seed] of OBJECTIVES.entries()) {
    const groupId = groups.get(seed.group)!;
    const leader = people.get(LEADER_OF[seed.group]!)!;
    const candidates = members.get(groupId) ?? [leader.id];
    const idea = seed.idea
      ? await db.idea.findFirst({ where: { title: seed.idea }, select: { id: true, status: true } })
      : null;
    const last = seed.updates.at(-1);
    // Plans were written in the first weeks of the project, also for objectives that start later.
    const planned = new Date(`${seed.start < "2026-10-05" ? seed.start : "2026-10-05"}T08:00:00Z`);
    const objective = await buildObjective(db, {
      groupId,
      title: seed.title,
      description: seed.description,
      ownerId: candidates[index % candidates.length]!,
      startOn: seed.start,
      dueOn: seed.due,
      forecastOn: seed.forecast ?? null,
      completedOn: seed.status === "COMPLETATO" ? (last?.[0] ?? seed.due) : null,
      status: seed.status,
      progress: seed.progress,
      indicator: seed.indicator,
      ideaIds: idea ? [idea.id] : [],
      createdAt: planned,
      lastUpdateAt: last ? new Date(`${last[0]}T09:00:00Z`) : null,
    });
    if (idea?.status === "ACCOLTA") {
      // As the app does: an accepted idea taken up by an objective is being realised, after it was
      // accepted, when the objective starts, and never later than now (the home feed shows it).
      const accepted = await db.ideaEvent.findFirstOrThrow({
        where: { ideaId: idea.id },
        orderBy: { createdAt: "desc" },
        select: { createdAt: true },
      });
      const startsAt = new Date(`${seed.start}T09:00:00Z`).getTime();
      const at = new Date(Math.min(Date.now() - 3600_000, Math.max(accepted.createdAt.getTime() + 3600_000, startsAt)));
      const reason = `Portata avanti dal micro-obiettivo «${seed.title}» (#${objective.id}).`;
      await buildStatusChange(db, {
        ideaId: idea.id,
        from: "ACCOLTA",
        to: "IN_REALIZZAZIONE",
        actorId: leader.id,
        reason,
        at,
      });
    }
    for (const [date, progress, status, note] of seed.updates) {
      await buildProgressUpdate(db, { objectiveId: objective.id, authorId: leader.id, date, progress, status, note });
    }
  }
  return OBJECTIVES.length;
}

/**
 * Two earlier board meetings, frozen as they stood then (the same code as the board's button,
 * with a date in the past), so that the comparison shows real movement.
 */
async function seedSnapshots(people: Map<string, { id: string; role: string; displayName: string }>) {
  const board = people.get("cabina@cesena.example")!;
  const actor = { id: board.id, role: "CABINA" as const, active: true, memberOf: [], leaderOf: [] };
  // The forecasts that moved after the first meeting, recorded as the edit form would.
  for (const [title, from, to, at] of [
    ["Numero unico dello Sportello", null, "2027-01-22", "2026-10-19T09:05:00Z"],
    ["Progetto del nuovo eliminacode unico", null, "2027-03-31", "2026-11-24T09:05:00Z"],
  ] as const) {
    const objective = await db.objective.findFirstOrThrow({ where: { title }, select: { id: true, ownerId: true } });
    await db.objectiveChange.create({
      data: {
        objectiveId: objective.id,
        actorId: board.id,
        field: "forecastOn",
        fromValue: from,
        toValue: to,
        createdAt: new Date(at),
      },
    });
  }
  await freezeSnapshot(
    actor,
    {
      meetingDate: "2026-10-15",
      notes:
        "Prima riunione dopo l'avvio dei gruppi. Priorità: eliminacode, " +
        "prenotazioni online, schede in italiano semplice.",
    },
    new Date("2026-10-15T16:00:00Z"),
  );
  await freezeSnapshot(
    actor,
    {
      meetingDate: "2026-11-12",
      notes:
        "Il numero unico slitta a gennaio per il centralino. Chiesto ai " +
        "Sistemi Informativi un piano per la PEC bloccata.",
    },
    new Date("2026-11-12T16:00:00Z"),
  );
}

/** A person as the policy sees them, from the database (roles and memberships). */
async function actorOf(email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, role: true, memberships: { select: { groupId: true, isLeader: true } } },
  });
  return {
    id: user.id,
    role: user.role as Actor["role"],
    active: true,
    memberOf: user.memberships.map((m) => m.groupId),
    leaderOf: user.memberships.filter((m) => m.isLeader).map((m) => m.groupId),
  };
}

/**
 * Staff polls (issue 23), asked and voted through the domain as the pages do (so the ballots are
 * keyed as real ones): one open to everyone with its results after the vote (the demo's
 * dipendente has not voted yet), one already closed with its totals, one for Logistica.
 */
async function seedPolls(groups: Map<string, string>) {
  const colleagues = (
    await db.user.findMany({
      where: { role: { in: ["DIPENDENTE", "CABINA"] }, email: { not: "dipendente@cesena.example" } },
      orderBy: { email: "asc" },
      select: { email: true },
    })
  ).map((u) => u.email);
  const logistica = await db.membership.findMany({
    where: { groupId: groups.get("logistica")! },
    select: { user: { select: { email: true } } },
  });
  const pick = random(23);
  /** Asks through the domain, then each voter chooses the options `choose` picks (by position). */
  async function askAndVote(by: string, input: PollInput, voters: string[], choose: () => number[]) {
    const poll = await createPoll(await actorOf(by), input);
    const options = await db.pollOption.findMany({ where: { pollId: poll.id }, orderBy: { position: "asc" } });
    for (const email of voters)
      await vote(
        await actorOf(email),
        poll.id,
        choose().map((i) => options[i]!.id),
      );
    return poll;
  }
  const common = { description: "", multiple: false, showResults: "AFTER_VOTE" as const, groupId: null };
  await askAndVote(
    "cabina@cesena.example",
    {
      ...common,
      question: "Quale apertura pomeridiana proviamo per prima allo Sportello?",
      description: "La prova dura un mese, poi guardiamo le rilevazioni agli sportelli e decidiamo in Cabina di Regia.",
      options: ["Martedì e giovedì fino alle 17:30", "Lunedì e mercoledì fino alle 18", "Un sabato mattina al mese"],
      endsOn: addDays(today(), 14),
    },
    colleagues.slice(0, 14),
    () => {
      const roll = pick();
      return [roll < 0.5 ? 0 : roll < 0.8 ? 1 : 2];
    },
  );
  const ended = await askAndVote(
    "cabina@cesena.example",
    {
      ...common,
      question: "Con quali canali raccontiamo ai cittadini il nuovo Sportello?",
      description: "Si possono scegliere più canali.",
      options: ["Sito del Comune", "Social del Comune", "Locandine agli sportelli", "Newsletter", "Giornale locale"],
      multiple: true,
      showResults: "AFTER_END",
      endsOn: today(),
    },
    colleagues.slice(2, 20),
    () => {
      const chosen = [0, 1, 2, 3, 4].filter(() => pick() < 0.45);
      return chosen.length > 0 ? chosen : [0];
    },
  );
  // Closed a fortnight ago, with its totals for everyone.
  await db.poll.update({
    where: { id: ended.id },
    data: { endsAt: new Date("2026-11-20T22:59:59Z"), createdAt: new Date("2026-11-06T09:00:00Z") },
  });
  await askAndVote(
    "coordinatore.logistica@cesena.example",
    {
      ...common,
      question: "Quando facciamo il sopralluogo del piano terra?",
      description: "Serve un'ora, prima dell'apertura al pubblico.",
      options: ["Lunedì alle 8", "Mercoledì alle 8", "Venerdì alle 8"],
      multiple: true,
      endsOn: addDays(today(), 7),
      groupId: groups.get("logistica")!,
    },
    logistica.map((m) => m.user.email),
    () => [1],
  );
}

/**
 * Group meetings (issue 23), called through the domain as the pages do: a Logistica meeting held a
 * week ago with its minutes and a decision that moved an idea (its story links the meeting), and
 * the next one in five days, with a few answers. Invitations go to the demo's mailbox with their .ics.
 */
async function seedMeetings(groups: Map<string, string>) {
  const groupId = groups.get("logistica")!;
  const leader = await actorOf("coordinatore.logistica@cesena.example");
  const group = { id: groupId, name: "Logistica" };
  const ideas = await db.idea.findMany({
    where: { groupId, status: { in: ["NUOVA", "IN_DISCUSSIONE"] } },
    orderBy: { createdAt: "asc" },
    take: 2,
    select: { id: true, title: true, status: true },
  });
  const objective = await db.objective.findFirst({
    where: { groupId },
    orderBy: { dueOn: "asc" },
    select: { id: true },
  });
  const noRef = { ideaId: null, objectiveId: null };
  // Called for tomorrow, then moved back to last week (a meeting cannot be called in the past).
  const held = await scheduleMeeting(leader, group, {
    title: "Sopralluogo del piano terra e prime proposte",
    startsAt: romeInstant(addDays(today(), 1), "09:00"),
    endsAt: romeInstant(addDays(today(), 1), "10:30"),
    place: "Sala riunioni, piano terra, Piazza del Popolo 10",
    videoUrl: "",
    items: [
      { title: "Com'è oggi il percorso del cittadino", ref: noRef },
      ...ideas.map((idea) => ({ title: idea.title, ref: { ideaId: idea.id, objectiveId: null } })),
      ...(objective ? [{ title: "Calendario dei lavori", ref: { ideaId: null, objectiveId: objective.id } }] : []),
    ],
  });
  if (!held.ok) throw new Error("seed: meeting");
  const members = await db.membership.findMany({
    where: { groupId },
    orderBy: { joinedAt: "asc" },
    select: { user: { select: { email: true } } },
  });
  for (const [index, member] of members.slice(0, 8).entries())
    await respond(await actorOf(member.user.email), held.id, index % 4 === 3 ? "NO" : "SI");
  await db.meeting.update({
    where: { id: held.id },
    data: {
      startsAt: romeInstant(addDays(today(), -7), "09:00"),
      endsAt: romeInstant(addDays(today(), -7), "10:30"),
      createdAt: romeInstant(addDays(today(), -14), "12:00"),
    },
  });
  const items = await db.meetingItem.findMany({ where: { meetingId: held.id }, orderBy: { position: "asc" } });
  const first = ideas[0];
  await recordMinutes(leader, held.id, {
    minutes:
      "Presenti otto colleghi del gruppo.\n\n" +
      "## Sopralluogo\n\nAbbiamo percorso il piano terra come un cittadino che arriva per la carta d'identità: " +
      "il totem all'ingresso non si vede dalla porta e le sedute sono lontane dai numeri chiamati.\n\n" +
      "## Prossimi passi\n\n- spostare il totem accanto alla porta (prova di due settimane);\n" +
      "- misurare di nuovo l'attesa con una rilevazione.",
    decisions: items.map((item) => ({
      itemId: item.id,
      decision:
        item.ideaId === first?.id
          ? "La proposta è concreta e si prova in poco tempo: la portiamo avanti."
          : item.position === 0
            ? "Il percorso è descritto nel verbale."
            : "",
      status: item.ideaId === first?.id ? (first.status === "NUOVA" ? "IN_DISCUSSIONE" : "IN_VALUTAZIONE") : "",
    })),
  });
  const next = await scheduleMeeting(leader, group, {
    title: "Prova del nuovo totem all'ingresso",
    startsAt: romeInstant(addDays(today(), 5), "14:30"),
    endsAt: romeInstant(addDays(today(), 5), "15:30"),
    place: "Ingresso dello Sportello",
    videoUrl: "https://videoconferenza.comune.cesena.example/logistica",
    items: [
      { title: "Dove mettere il totem", ref: noRef },
      { title: "Cartelli e segnaletica", ref: noRef },
    ],
  });
  if (!next.ok) throw new Error("seed: meeting");
  for (const member of members.slice(0, 3)) await respond(await actorOf(member.user.email), next.id, "SI");
}

/**
 * Challenges (issue 23): the Cabina's open challenge, with ideas proposed in answer and their
 * supports, and a Comunicazione challenge closed and concluded with its shortlist.
 */
async function seedChallenges(groups: Map<string, string>) {
  const board = await actorOf("cabina@cesena.example");
  const open = await createChallenge(board, {
    title: "Come sarebbe bello se nessun cittadino dovesse tornare due volte allo sportello?",
    description:
      "Le rilevazioni dicono che una parte dei cittadini non risolve al primo sportello. " +
      "Che cosa cambieresti, nel modo in cui li accogliamo e li indirizziamo, perché la prima volta basti?",
    groupId: null,
    opensOn: today(),
    closesOn: addDays(today(), 21),
    evidence: null,
  });
  await db.challenge.update({ where: { id: open.id }, data: { opensOn: addDays(today(), -9) } });
  const colleagues = (
    await db.user.findMany({
      where: { role: "DIPENDENTE", email: { not: "dipendente@cesena.example" } },
      orderBy: { email: "asc" },
      take: 12,
      select: { email: true },
    })
  ).map((u) => u.email);
  const answers = [
    {
      by: colleagues[0]!,
      group: "prodotti",
      title: "Una lista dei documenti da portare, mandata con la prenotazione",
      body: "Chi prenota riceve per e-mail l'elenco di ciò che serve per la sua pratica, così arriva completo.",
    },
    {
      by: colleagues[1]!,
      group: "logistica",
      title: "Un banco di accoglienza che controlla i documenti prima del numero",
      body: "Un collega all'ingresso guarda i documenti in mano al cittadino e gli dice subito se manca qualcosa.",
    },
    {
      by: colleagues[2]!,
      group: "informatica",
      title: "Il fascicolo del cittadino visibile a tutti gli sportelli",
      body: "Se la pratica è iniziata altrove, lo sportello vede a che punto è senza chiedere di ricominciare.",
    },
  ];
  const created: number[] = [];
  for (const answer of answers) {
    const idea = await createIdea(await actorOf(answer.by), {
      title: answer.title,
      body: answer.body,
      groupId: groups.get(answer.group)!,
      tagIds: [],
      challengeId: open.id,
    });
    created.push(idea.id);
  }
  for (const [index, email] of colleagues.slice(3, 12).entries())
    await setSupport(await actorOf(email), created[index % 3 === 2 ? 1 : 0]!, true);
  // A group's challenge, closed last month and concluded by the Cabina with one idea chosen.
  const closed = await createChallenge(board, {
    title: "Come sarebbe bello se ogni cittadino sapesse già dove andare appena entra?",
    description: "Segnaletica, accoglienza, informazioni online prima di venire: tutto ciò che orienta.",
    groupId: groups.get("comunicazione")!,
    opensOn: today(),
    closesOn: addDays(today(), 1),
    evidence: null,
  });
  const signs = await createIdea(await actorOf(colleagues[4]!), {
    title: "Cartelli con i colori dei servizi, uguali sul sito e allo sportello",
    body: "Lo stesso colore per lo stesso servizio, dalla pagina web al cartello sopra lo sportello.",
    groupId: groups.get("comunicazione")!,
    tagIds: [],
    challengeId: closed.id,
  });
  await db.challenge.update({
    where: { id: closed.id },
    data: { opensOn: addDays(today(), -50), closesOn: addDays(today(), -20) },
  });
  await concludeChallenge(board, closed.id, {
    conclusion:
      "Grazie a chi ha partecipato. La Cabina porta avanti i **cartelli a colori**: il gruppo Comunicazione " +
      "prepara una prova per gennaio.",
    shortlist: [signs.id],
  });
}

/**
 * The audit log's lines for the demo's workflow steps, as the workflow writes them beside each
 * event (ideas.server.ts), so that /registro reads like a project a few months old.
 */
async function seedAuditLog() {
  const events = await db.ideaEvent.findMany({
    where: { kind: { in: ["STATUS", "MERGED_INTO"] } },
    select: {
      ideaId: true,
      actorId: true,
      kind: true,
      fromStatus: true,
      toStatus: true,
      relatedIdeaId: true,
      reason: true,
      createdAt: true,
    },
  });
  // The snapshots were frozen "then": their lines say so too.
  for (const snapshot of await db.snapshot.findMany({ select: { id: true, createdAt: true } }))
    await db.auditEvent.updateMany({
      where: { kind: "snapshot.freeze", subjectId: snapshot.id },
      data: { createdAt: snapshot.createdAt },
    });
  await db.auditEvent.createMany({
    data: events.map((event) => ({
      actorId: event.actorId,
      subjectId: String(event.ideaId),
      createdAt: event.createdAt,
      ...(event.kind === "STATUS"
        ? {
            kind: "idea.status",
            data: JSON.stringify({ from: event.fromStatus, to: event.toStatus, reason: event.reason ?? "" }),
          }
        : {
            kind: "idea.duplicate",
            data: JSON.stringify({ originalId: event.relatedIdeaId, reason: event.reason ?? "" }),
          }),
    })),
  });
}

await main();
await db.$disconnect();
