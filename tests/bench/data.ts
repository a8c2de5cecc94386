/**
 * `npm run bench:data`: fills a separate SQLite file (tmp/bench/bench.db, or BENCH_DB) with ten
 * times Cesena's staff and two years of participation, for `npm run bench`.
 *
 * Deterministic: a fixed seed and a fixed "now" (BENCH_NOW below), so two runs give the same
 * file. The schema comes from the app's own migrations (`prisma migrate deploy`); rows go in with
 * prepared statements inside one transaction per table, which is what makes 500,000 rows take
 * seconds rather than minutes. Text is rendered with the app's Markdown renderer.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { renderMarkdown } from "../../app/lib/markdown.server";
import { hashPassword } from "../../app/lib/password.server";
import { BENCH, BENCH_DB, BENCH_NOW, BENCH_PASSWORD } from "./config";

const started = performance.now();
const file = path.resolve(BENCH_DB);

// --- a small seeded PRNG (mulberry32): the same numbers on every run -------------------------
let state = 0x5eed_2026;
function random() {
  state |= 0;
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
/** Skewed towards the start of the range (popular ideas, active people). */
const skewed = (n: number, power = 2.2) => Math.min(n - 1, Math.floor(n * random() ** power));

const DAY = 24 * 60 * 60 * 1000;
const now = BENCH_NOW.getTime();
const start = now - 730 * DAY;
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const dayOf = (ms: number) => new Date(ms + 3_600_000).toISOString().slice(0, 10);

// --- words -----------------------------------------------------------------------------------
const FIRST = [
  "Anna",
  "Marco",
  "Giulia",
  "Luca",
  "Sara",
  "Paolo",
  "Chiara",
  "Davide",
  "Elena",
  "Matteo",
  "Laura",
  "Andrea",
  "Silvia",
  "Roberto",
  "Valentina",
  "Stefano",
  "Federica",
  "Nicola",
  "Irene",
  "Tommaso",
  "Beatrice",
  "Michele",
  "Roberta",
  "Simone",
  "Elisa",
  "Giorgio",
  "Martina",
  "Alessandro",
  "Francesca",
  "Lorenzo",
];
const LAST = [
  "Bertozzi",
  "Amadori",
  "Guidi",
  "Rossi",
  "Bianchi",
  "Morigi",
  "Lucchi",
  "Foschi",
  "Pollini",
  "Sirri",
  "Neri",
  "Zoffoli",
  "Magnani",
  "Baldacci",
  "Venturi",
  "Fantini",
  "Pasini",
  "Castagnoli",
  "Zavalloni",
  "Rinaldini",
  "Ceredi",
  "Fabbri",
  "Casadei",
  "Giorgini",
  "Zanotti",
  "Montalti",
  "Pieri",
  "Gasperoni",
  "Battistini",
  "Ricci",
];
const OFFICES = [
  "Anagrafe",
  "Stato Civile",
  "Tributi",
  "URP",
  "Polizia Locale",
  "Servizi Sociali",
  "Sistemi Informativi",
  "Edilizia Privata",
  "Protocollo",
  "Ragioneria",
  "Servizi Educativi",
  "Attività Produttive",
  "Ambiente",
  "Cultura",
  "Sport",
  "Patrimonio",
  "Personale e Organizzazione",
  "Lavori Pubblici",
  "Mobilità",
  "Biblioteca Malatestiana",
];
const SUBJECTS = [
  "Sportello unico",
  "Agenda degli appuntamenti",
  "Modulistica online",
  "Sala d'attesa",
  "Numero di coda",
  "Call center",
  "Pagamenti con PagoPA",
  "Certificati anagrafici",
  "Carta d'identità elettronica",
  "Segnaletica interna",
  "Postazione automatica",
  "Formazione degli operatori",
  "Affiancamento tra uffici",
  "Banca dati condivisa",
  "Risposte via email",
  "Questionario di soddisfazione",
  "Orari di apertura",
  "Accesso per persone con disabilità",
  "Prenotazione via app",
  "Guida ai procedimenti",
];
const ACTIONS = [
  "semplificare",
  "unificare",
  "rendere chiara",
  "portare online",
  "misurare",
  "ripensare",
  "estendere",
  "coordinare",
  "tradurre in linguaggio semplice",
  "rendere accessibile",
];
const SENTENCES = [
  "Oggi il cittadino passa da tre uffici diversi per la stessa pratica e ripete ogni volta gli stessi dati.",
  "Allo sportello le attese superano spesso i quaranta minuti nelle mattine di lunedì.",
  "Molte richieste arrivano per telefono e potrebbero essere risolte con una risposta scritta standard.",
  "Il back office riceve pratiche incomplete perché i moduli non spiegano quali allegati servono.",
  "Una scheda unica per ogni procedimento aiuterebbe sia i colleghi sia chi si presenta in Comune.",
  "Potremmo provare per un mese e misurare tempi di attesa e soddisfazione prima di decidere.",
  "Serve una formazione breve e pratica, con affiancamento tra chi lavora al front office e chi istruisce le pratiche.",
  "Le informazioni sul sito non coincidono con quelle date allo sportello fisico.",
  "Chi ha un appuntamento dovrebbe ricevere un promemoria con i documenti da portare.",
  "Un indicatore semplice, come le pratiche chiuse al primo contatto, renderebbe visibili i progressi.",
];
const COMMENT_LINES = [
  "D'accordo, nel mio ufficio succede la stessa cosa ogni settimana.",
  "Attenzione però ai tempi: serve coinvolgere anche il back office fin dall'inizio.",
  "Si potrebbe partire da una sperimentazione su un solo servizio.",
  "Ho qualche dato sulle attese dell'anno scorso, lo condivido volentieri.",
  "Mi sembra una buona idea, ma va spiegata bene ai cittadini.",
  "Proviamo a **misurare** prima e dopo, così sappiamo se funziona.",
  "Nel gruppo Informatica ne abbiamo parlato: la banca dati esiste già.",
  "Propongo di aggiungere anche la versione in inglese dei moduli.",
];
const STATUS_FLOW = ["NUOVA", "IN_DISCUSSIONE", "IN_VALUTAZIONE", "ACCOLTA", "IN_REALIZZAZIONE", "REALIZZATA"] as const;
const GROUPS = ["logistica", "informatica", "comunicazione", "prodotti", "personale-e-formazione"] as const;
const groupId = (slug: string) => `grp-${slug}`;
const TAGS = Array.from({ length: 14 }, (_, i) => `tag-${i + 1}`);

const html = new Map<string, string>();
/** The renderer is the app's; texts repeat, so each distinct one is rendered once. */
function rendered(text: string) {
  let out = html.get(text);
  if (out === undefined) {
    out = renderMarkdown(text);
    html.set(text, out);
  }
  return out;
}

// --- the file ----------------------------------------------------------------------------------
mkdirSync(path.dirname(file), { recursive: true });
for (const suffix of ["", "-wal", "-shm", ".pid"]) rmSync(file + suffix, { force: true });
execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
  env: { ...process.env, DATABASE_URL: `file:${file}` },
  stdio: "pipe",
});
if (!existsSync(file)) throw new Error(`migrate deploy did not create ${file}`);

const sql = new Database(file);
sql.pragma("journal_mode = WAL");
sql.pragma("synchronous = OFF");
sql.pragma("foreign_keys = ON");
sql.pragma("cache_size = -200000");

function bulk<T>(table: string, columns: string[], rows: Iterable<T>, values: (row: T) => unknown[]) {
  const insert = sql.prepare(
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
  );
  let count = 0;
  sql.transaction(() => {
    for (const row of rows) {
      insert.run(values(row));
      count += 1;
    }
  })();
  return count;
}

const counts: Record<string, number> = {};

// Users: five thousand colleagues, the board, the admin, leaders (two per group), observers.
const passwordHash = await hashPassword(BENCH_PASSWORD);
type U = { id: string; email: string; role: string; created: number };
const users: U[] = [];
for (let i = 0; i < BENCH.users; i++) {
  const n = String(i).padStart(4, "0");
  const role = i === 0 ? "ADMIN" : i < 6 ? "CABINA" : i < 16 ? "OSSERVATORE" : "DIPENDENTE";
  users.push({ id: `bu${n}`, email: `collega${n}@bench.example`, role, created: start + int(0, 700) * DAY });
}
counts.users = bulk(
  "User",
  ["id", "email", "displayName", "office", "role", "active", "locale", "passwordHash", "createdAt", "updatedAt"],
  users,
  (u) => [
    u.id,
    u.email,
    `${pick(FIRST)} ${pick(LAST)}`,
    pick(OFFICES),
    u.role,
    1,
    "it",
    passwordHash,
    iso(u.created),
    iso(u.created),
  ],
);
const employees = users.filter((u) => u.role === "DIPENDENTE");

// Memberships: about half the staff in one or two groups; leaders are the first two of each.
const members: { userId: string; groupId: string; isLeader: boolean; at: number }[] = [];
GROUPS.forEach((slug, g) => {
  for (const offset of [0, 5])
    members.push({ userId: employees[g + offset]!.id, groupId: groupId(slug), isLeader: true, at: start });
});
for (const u of employees.slice(10)) {
  if (random() < 0.5) continue;
  const first = pick(GROUPS);
  members.push({ userId: u.id, groupId: groupId(first), isLeader: false, at: u.created });
  const second = pick(GROUPS);
  if (random() < 0.3 && second !== first)
    members.push({ userId: u.id, groupId: groupId(second), isLeader: false, at: u.created });
}
counts.memberships = bulk(
  "Membership",
  ["id", "userId", "groupId", "isLeader", "joinedAt"],
  members.entries(),
  ([i, m]) => [`bm${i}`, m.userId, m.groupId, m.isLeader ? 1 : 0, iso(m.at)],
);
const leaders = new Map(
  GROUPS.map((slug) => [
    groupId(slug),
    members.filter((m) => m.isLeader && m.groupId === groupId(slug)).map((m) => m.userId),
  ]),
);

// Ideas over two years, with their tags, story and status.
type I = {
  id: number;
  groupId: string;
  authorId: string;
  status: string;
  created: number;
  supports: number;
  comments: number;
  last: number;
};
const ideas: I[] = [];
for (let id = 1; id <= BENCH.ideas; id++) {
  const created = start + Math.floor(((id - 1) / BENCH.ideas) * 728 * DAY) + int(0, DAY - 1);
  const age = (now - created) / DAY;
  const reach = age > 300 ? 6 : age > 120 ? 5 : age > 30 ? 3 : age > 7 ? 2 : 1;
  let status: string = STATUS_FLOW[int(0, reach - 1)]!;
  if (age > 60 && random() < 0.12) status = "NON_ACCOLTA";
  ideas.push({
    id,
    groupId: groupId(pick(GROUPS)),
    authorId: pick(employees).id,
    status,
    created,
    supports: 0,
    comments: 0,
    last: created,
  });
}
const ideaText = (i: I) => {
  const where = pick([
    "per i cittadini",
    "tra gli uffici",
    "allo sportello",
    "nel back office",
    "per chi lavora fuori sede",
  ]);
  const title = `${pick(SUBJECTS)}: ${pick(ACTIONS)} ${where} (${i.id})`;
  const body = [
    pick(SENTENCES),
    pick(SENTENCES),
    random() < 0.5 ? `- ${pick(SENTENCES)}\n- ${pick(SENTENCES)}` : pick(SENTENCES),
  ].join("\n\n");
  return { title, body };
};
counts.ideas = bulk(
  "Idea",
  ["id", "title", "body", "bodyHtml", "groupId", "authorId", "status", "createdAt", "lastActivityAt"],
  ideas,
  (i) => {
    const { title, body } = ideaText(i);
    return [i.id, title, body, rendered(body), i.groupId, i.authorId, i.status, iso(i.created), iso(i.created)];
  },
);
counts.ideaTags = bulk(
  "IdeaTag",
  ["ideaId", "tagId"],
  ideas.flatMap((i) =>
    [...new Set([pick(TAGS), pick(TAGS), pick(TAGS)].slice(0, int(1, 3)))].map((tagId) => ({ ideaId: i.id, tagId })),
  ),
  (t) => [t.ideaId, t.tagId],
);
type E = {
  ideaId: number;
  actorId: string;
  kind: string;
  from: string | null;
  to: string;
  reason: string | null;
  at: number;
};
const events: E[] = [];
for (const i of ideas) {
  events.push({
    ideaId: i.id,
    actorId: i.authorId,
    kind: "CREATED",
    from: null,
    to: "NUOVA",
    reason: null,
    at: i.created,
  });
  const path =
    i.status === "NON_ACCOLTA"
      ? ["NUOVA", "IN_DISCUSSIONE", "NON_ACCOLTA"]
      : STATUS_FLOW.slice(0, STATUS_FLOW.indexOf(i.status as never) + 1);
  let at = i.created;
  for (let s = 1; s < path.length; s++) {
    at = Math.min(now - DAY, at + int(2, 40) * DAY);
    const leader = pick(leaders.get(i.groupId)!);
    events.push({
      ideaId: i.id,
      actorId: path[s] === "IN_DISCUSSIONE" ? leader : users[int(1, 5)]!.id,
      kind: "STATUS",
      from: path[s - 1]!,
      to: path[s]!,
      reason: `Motivazione della decisione per l'idea ${i.id}: ${pick(SENTENCES)}`,
      at,
    });
  }
}
counts.ideaEvents = bulk(
  "IdeaEvent",
  ["id", "ideaId", "actorId", "kind", "fromStatus", "toStatus", "reason", "createdAt"],
  events.entries(),
  ([n, e]) => [`be${n}`, e.ideaId, e.actorId, e.kind, e.from, e.to, e.reason, iso(e.at)],
);

// Supports: 300,000 distinct (idea, person) pairs, popular ideas getting more.
const supportPairs = new Set<string>();
const supports: { ideaId: number; userId: string; at: number }[] = [];
while (supports.length < BENCH.supports) {
  const idea = ideas[skewed(ideas.length, 1.6)]!;
  const user = employees[skewed(employees.length, 1.3)]!;
  const key = `${idea.id}:${user.id}`;
  if (supportPairs.has(key)) continue;
  supportPairs.add(key);
  const at = Math.min(now - 60_000, idea.created + int(0, 60) * DAY + int(0, DAY));
  idea.supports += 1;
  idea.last = Math.max(idea.last, at);
  supports.push({ ideaId: idea.id, userId: user.id, at });
}
counts.supports = bulk("Support", ["ideaId", "userId", "createdAt"], supports, (s) => [s.ideaId, s.userId, iso(s.at)]);

// Comments: 100,000, one level of replies; the benchmark's idea (BENCH.busyIdea) has exactly 200.
const busy = ideas[BENCH.busyIdea - 1]!;
type C = { id: number; ideaId: number; authorId: string; parentId: number | null; body: string; at: number };
const comments: C[] = [];
const topLevel = new Map<number, number[]>();
function addComment(idea: I) {
  const id = comments.length + 1;
  const parents = topLevel.get(idea.id) ?? [];
  const parentId = parents.length > 0 && random() < 0.35 ? pick(parents) : null;
  if (parentId === null) topLevel.set(idea.id, [...parents, id]);
  const after = parentId === null ? idea.created : comments[parentId - 1]!.at;
  const at = Math.min(now - 60_000, after + int(0, 90) * DAY + int(0, DAY));
  idea.comments += 1;
  idea.last = Math.max(idea.last, at);
  comments.push({
    id,
    ideaId: idea.id,
    authorId: pick(employees).id,
    parentId,
    body: `${pick(COMMENT_LINES)} ${pick(SENTENCES)}`,
    at,
  });
}
for (let n = 0; n < 200; n++) addComment(busy);
while (comments.length < BENCH.comments) {
  const idea = ideas[skewed(ideas.length, 1.8)]!;
  if (idea === busy) continue;
  addComment(idea);
}
counts.comments = bulk(
  "Comment",
  ["id", "ideaId", "authorId", "parentId", "body", "bodyHtml", "createdAt"],
  comments,
  (c) => [c.id, c.ideaId, c.authorId, c.parentId, c.body, rendered(c.body), iso(c.at)],
);

// Counters, exact, and the last activity.
const setCounts = sql.prepare(
  `UPDATE "Idea" SET "supportCount" = ?, "commentCount" = ?, "lastActivityAt" = ? WHERE "id" = ?`,
);
sql.transaction(() => {
  for (const i of ideas) setCounts.run(i.supports, i.comments, iso(i.last), i.id);
})();

// Follows (authors follow their ideas) and notifications (comments on them, a third unread).
counts.follows = bulk("Follow", ["ideaId", "userId", "createdAt"], ideas, (i) => [i.id, i.authorId, iso(i.created)]);
const byId = new Map(ideas.map((i) => [i.id, i]));
const notices = comments
  .filter((_, n) => n % 2 === 0)
  .map((c) => ({ c, idea: byId.get(c.ideaId)! }))
  .filter(({ c, idea }) => idea.authorId !== c.authorId);
counts.notifications = bulk(
  "Notification",
  ["id", "userId", "kind", "ideaId", "commentId", "actorId", "data", "createdAt", "readAt"],
  notices.entries(),
  ([n, { c, idea }]) => [
    `bn${n}`,
    idea.authorId,
    "COMMENT",
    idea.id,
    c.id,
    c.authorId,
    JSON.stringify({ ideaTitle: `Idea ${idea.id}` }),
    iso(c.at),
    n % 3 === 0 ? null : iso(c.at + DAY),
  ],
);

// Objectives: 600 over the groups, from two years ago to eighteen months ahead, with updates.
type O = {
  id: number;
  groupId: string;
  startOn: number;
  dueOn: number;
  status: string;
  progress: number;
  updates: number;
};
const objectives: O[] = [];
for (let id = 1; id <= BENCH.objectives; id++) {
  const startOn = start + int(0, 900) * DAY;
  const dueOn = startOn + int(30, 240) * DAY;
  const status =
    dueOn < now
      ? random() < 0.8
        ? "COMPLETATO"
        : pick(["IN_CORSO", "BLOCCATO", "ANNULLATO"])
      : startOn > now
        ? "PIANIFICATO"
        : pick(["IN_CORSO", "IN_CORSO", "BLOCCATO"]);
  const progress = status === "COMPLETATO" ? 100 : status === "PIANIFICATO" ? 0 : int(5, 95);
  objectives.push({
    id,
    groupId: groupId(GROUPS[(id - 1) % GROUPS.length]!),
    startOn,
    dueOn,
    status,
    progress,
    updates: 0,
  });
}
const updates: { objective: O; n: number; at: number; progress: number }[] = [];
for (let n = 0; n < BENCH.updates; n++) {
  const objective = objectives[n % objectives.length]!;
  const step = Math.floor(n / objectives.length) + 1;
  const span = Math.max(DAY, Math.min(now, objective.dueOn) - objective.startOn);
  const at = Math.min(now - DAY, objective.startOn + Math.floor((span * step) / 11));
  updates.push({ objective, n, at, progress: Math.round((objective.progress * step) / 10) });
  objective.updates += 1;
}
counts.objectives = bulk(
  "Objective",
  [
    "id",
    "groupId",
    "title",
    "description",
    "descriptionHtml",
    "ownerId",
    "startOn",
    "dueOn",
    "forecastOn",
    "completedOn",
    "status",
    "progress",
    "indicatorName",
    "indicatorUnit",
    "indicatorBaseline",
    "indicatorTarget",
    "indicatorCurrent",
    "lastUpdateAt",
    "createdAt",
    "updatedAt",
  ],
  objectives,
  (o) => {
    const description = pick(SENTENCES);
    const last = updates.filter((u) => u.objective === o).at(-1)?.at ?? null;
    return [
      o.id,
      o.groupId,
      `${pick(SUBJECTS)}: ${pick(ACTIONS)} (obiettivo ${o.id})`,
      description,
      rendered(description),
      pick(leaders.get(o.groupId)!),
      dayOf(o.startOn),
      dayOf(o.dueOn),
      o.status !== "COMPLETATO" && random() < 0.3 ? dayOf(o.dueOn + int(5, 60) * DAY) : null,
      o.status === "COMPLETATO" ? dayOf(o.dueOn - int(0, 20) * DAY) : null,
      o.status,
      o.progress,
      "Minuti di attesa",
      "min",
      40,
      15,
      40 - (25 * o.progress) / 100,
      last === null ? null : iso(last),
      iso(o.startOn - 10 * DAY),
      iso(last ?? o.startOn - 10 * DAY),
    ];
  },
);
counts.progressUpdates = bulk(
  "ProgressUpdate",
  ["id", "objectiveId", "authorId", "date", "progress", "status", "note", "noteHtml", "createdAt"],
  updates,
  (u) => {
    const note = pick(SENTENCES);
    return [
      `bp${u.n}`,
      u.objective.id,
      pick(leaders.get(u.objective.groupId)!),
      dayOf(u.at),
      u.progress,
      u.progress === 0 ? "PIANIFICATO" : "IN_CORSO",
      note,
      rendered(note),
      iso(u.at),
    ];
  },
);
counts.objectiveIdeas = bulk(
  "ObjectiveIdea",
  ["objectiveId", "ideaId", "createdAt"],
  objectives
    .map((o) => ({
      o,
      idea: ideas.find(
        (i) =>
          i.groupId === o.groupId &&
          i.status === "IN_REALIZZAZIONE" &&
          i.id % objectives.length === o.id % objectives.length,
      ),
    }))
    .filter((x) => x.idea),
  (x) => [x.o.id, x.idea!.id, iso(x.o.startOn)],
);
counts.milestones = bulk(
  "Milestone",
  ["id", "title", "date", "groupId", "createdAt"],
  Array.from({ length: 30 }, (_, n) => n),
  (n) => [
    `bmi${n}`,
    `Traguardo ${n + 1}`,
    dayOf(start + n * 45 * DAY),
    n % 3 === 0 ? null : groupId(GROUPS[n % GROUPS.length]!),
    iso(start),
  ],
);

// Observing and listening (issue 15): six places, six services, a campaign of 100,000 visits over
// twelve weeks with the morning peak and a slow Anagrafe, a survey of 100,000 citizens' answers.
const PLACE_NAMES = [
  "Ingresso e accoglienza",
  "Anagrafe",
  "Stato civile",
  "Ufficio tributi",
  "Servizi sociali",
  "Protocollo",
];
const SERVICE_NAMES = [
  "Carta d'identità",
  "Cambio di residenza",
  "Certificati",
  "TARI",
  "Contributi e assistenza",
  "Consegna documenti",
];
counts.places = bulk("Place", ["id", "name", "position"], PLACE_NAMES, (name) => [
  `bplace000${PLACE_NAMES.indexOf(name)}`,
  name,
  PLACE_NAMES.indexOf(name),
]);
bulk("Service", ["id", "name", "position"], SERVICE_NAMES, (name) => [
  `bservice00${SERVICE_NAMES.indexOf(name)}`,
  name,
  SERVICE_NAMES.indexOf(name),
]);
const campaignStart = now - 84 * DAY;
bulk("Campaign", ["id", "title", "purpose", "groupId", "startsOn", "endsOn", "createdById", "createdAt"], [0], () => [
  BENCH.campaign,
  "Flussi al piano terra",
  "",
  null,
  dayOf(campaignStart),
  dayOf(now),
  "bu0001",
  iso(campaignStart),
]);
bulk("CampaignPlace", ["campaignId", "placeId"], PLACE_NAMES, (name) => [
  BENCH.campaign,
  `bplace000${PLACE_NAMES.indexOf(name)}`,
]);
bulk("CampaignService", ["campaignId", "serviceId"], SERVICE_NAMES, (name) => [
  BENCH.campaign,
  `bservice00${SERVICE_NAMES.indexOf(name)}`,
]);
const OUTCOMES = ["RISOLTO", "RISOLTO", "RISOLTO", "INFORMAZIONI", "TORNARE"];
const CHANNELS = ["SPONTANEO", "SPONTANEO", "APPUNTAMENTO", "TELEFONO", "WEB", "RINVIO"];
const stops: [string, number, string][] = [];
counts.visits = bulk(
  "Visit",
  [
    "id",
    "campaignId",
    "recordedById",
    "day",
    "arrivalMinute",
    "weekday",
    "hour",
    "placeId",
    "stopCount",
    "serviceId",
    "waitSeconds",
    "serviceSeconds",
    "outcome",
    "channel",
    "note",
    "createdAt",
  ],
  Array.from({ length: BENCH.visits }, (_, n) => n),
  (n) => {
    const at = campaignStart + int(0, 83) * DAY;
    const weekday = (new Date(at).getUTCDay() + 6) % 7;
    const hour = random() < 0.55 ? int(9, 10) : int(8, 17);
    const first = skewed(6, 1.4);
    const path = [first];
    if (random() < 0.27) path.push((first + int(1, 5)) % 6);
    path.forEach((place, position) => stops.push([`bv${n}`, position, `bplace000${place}`]));
    const slow = first === 1 ? 3 : 1;
    return [
      `bv${n}`,
      BENCH.campaign,
      `bu${String(16 + (n % 200)).padStart(4, "0")}`,
      dayOf(at),
      hour * 60 + int(0, 59),
      weekday,
      hour,
      `bplace000${first}`,
      path.length,
      `bservice00${int(0, 5)}`,
      random() < 0.95 ? Math.round(slow * int(60, 900)) : null,
      int(120, 900),
      path.length > 1 ? "RINVIATO" : pick(OUTCOMES),
      pick(CHANNELS),
      "",
      iso(at),
    ];
  },
);
bulk("VisitStop", ["visitId", "position", "placeId"], stops, (stop) => stop);
bulk("Survey", ["id", "title", "status", "createdById", "openedAt", "createdAt"], [0], () => [
  BENCH.survey,
  "Gradimento agli sportelli",
  "APERTO",
  "bu0001",
  iso(campaignStart),
  iso(campaignStart),
]);
const QUESTIONS = ["ATTESA", "EROGAZIONE", "INFORMAZIONI", "MODULISTICA", "SERVITO", "ISTRUTTORIA"];
bulk("SurveyQuestion", ["id", "surveyId", "position", "topic", "textIt", "textEn"], QUESTIONS, (topic) => [
  `bq${QUESTIONS.indexOf(topic)}`,
  BENCH.survey,
  QUESTIONS.indexOf(topic),
  topic,
  `Domanda su ${topic.toLowerCase()}`,
  `Question about ${topic.toLowerCase()}`,
]);
bulk("SurveyPlace", ["id", "surveyId", "placeId", "token", "kioskToken"], [0, 1, 3], (place) => [
  `bsp${place}`,
  BENCH.survey,
  `bplace000${place}`,
  place === 0 ? BENCH.qrToken : `bqrtoken${place}`.padEnd(22, "0"),
  `bkiosk${place}`.padEnd(22, "0"),
]);
const answers: [string, string, string, string, string | null, string, number | null][] = [];
counts.surveyResponses = bulk(
  "SurveyResponse",
  ["id", "surveyId", "placeId", "serviceId", "day", "via", "freeText", "textStatus"],
  Array.from({ length: BENCH.surveyResponses }, (_, n) => n),
  (n) => {
    const place = pick([0, 1, 3]);
    const service = random() < 0.7 ? `bservice00${int(0, 5)}` : null;
    const at = campaignStart + int(0, 83) * DAY;
    const monday = dayOf(at - ((new Date(at).getUTCDay() + 6) % 7) * DAY);
    for (const [q] of QUESTIONS.entries())
      if (random() < 0.95)
        answers.push([
          `br${n}`,
          `bq${q}`,
          BENCH.survey,
          `bplace000${place}`,
          service,
          monday,
          random() < 0.06 ? null : int(place === 1 && q === 0 ? 1 : 2, 5),
        ]);
    const text = random() < 0.05;
    return [
      `br${n}`,
      BENCH.survey,
      `bplace000${place}`,
      service,
      dayOf(at),
      random() < 0.6 ? "QR" : "CHIOSCO",
      text ? pick(SENTENCES) : null,
      text ? (random() < 0.7 ? "PUBBLICATO" : "DA_LEGGERE") : null,
    ];
  },
);
counts.surveyAnswers = bulk(
  "SurveyAnswer",
  ["responseId", "questionId", "surveyId", "placeId", "serviceId", "week", "score"],
  answers,
  (a) => a,
);

// --- staff polls (issue 23): 40 asked by the board, the busiest with 3,000 ballots -----------
const polls = Array.from({ length: BENCH.polls }, (_, n) => n);
bulk(
  "Poll",
  ["id", "question", "description", "multiple", "showResults", "endsAt", "groupId", "createdById", "createdAt"],
  polls,
  (n) => [
    n === 0 ? BENCH.poll : `bpoll${String(n).padStart(7, "0")}`,
    `${pick(SUBJECTS)}: ${pick(["sì o no?", "quale giorno?", "quale formula?", "che ne pensate?"])}`,
    pick(SENTENCES),
    n % 3 === 0 ? 1 : 0,
    "AFTER_VOTE",
    // The first 25 still open, the others closed over the last months.
    iso(n < 25 ? now + (n + 1) * DAY : now - (n - 24) * 7 * DAY),
    null,
    "bu0001",
    iso(now - (60 - n) * DAY),
  ],
);
const pollOptions = polls.flatMap((n) => Array.from({ length: 2 + (n % 5) }, (_, o) => [n, o] as const));
const pollId = (n: number) => (n === 0 ? BENCH.poll : `bpoll${String(n).padStart(7, "0")}`);
bulk("PollOption", ["id", "pollId", "label", "position"], pollOptions, ([n, o]) => [
  `bpo${n}_${o}`,
  pollId(n),
  `Risposta ${o + 1}: ${pick(SENTENCES).slice(0, 60)}`,
  o,
]);
const ballots = polls.flatMap((n) =>
  Array.from({ length: n === 0 ? BENCH.pollBallots : int(5, 400) }, (_, b) => [n, b] as const),
);
const choices: [string, string][] = [];
counts.pollBallots = bulk("PollBallot", ["id", "pollId", "voterKey"], ballots, ([n, b]) => {
  const options = 2 + (n % 5);
  const first = skewed(options, 1.5);
  choices.push([`bb${n}_${b}`, `bpo${n}_${first}`]);
  if (n % 3 === 0 && random() < 0.4) choices.push([`bb${n}_${b}`, `bpo${n}_${(first + 1) % options}`]);
  return [`bb${n}_${b}`, pollId(n), `bkey${n}_${b}`];
});
bulk("PollChoice", ["ballotId", "optionId"], choices, (c) => c);
bulk("Setting", ["key", "value", "updatedAt"], [0], () => ["poll-secret", JSON.stringify("ab".repeat(32)), iso(now)]);

// --- group meetings (issue 23): 50 of one group, 10 to come and 40 held with their minutes ------
const meetingGroup = groupId(BENCH.meetingGroup);
const meetingMembers = members.filter((m) => m.groupId === meetingGroup).map((m) => m.userId);
const meetings = Array.from({ length: BENCH.meetings }, (_, n) => n);
const meetingId = (n: number) => `bmeeting${String(n).padStart(5, "0")}`;
// Upcoming ones a month and more after the generator's "now", so they still are when it runs.
const meetingStart = (n: number) => (n < 10 ? now + (30 + n * 14) * DAY : now - (n - 9) * 14 * DAY) + 9 * 3_600_000;
counts.meetings = bulk(
  "Meeting",
  [
    "id",
    "groupId",
    "title",
    "startsAt",
    "endsAt",
    "place",
    "videoUrl",
    "status",
    "sequence",
    "minutes",
    "minutesHtml",
    "minutesAt",
    "createdById",
    "createdAt",
    "updatedAt",
  ],
  meetings,
  (n) => {
    const minutes = n >= 10 ? `${pick(SENTENCES)}\n\n- ${pick(SENTENCES)}\n- ${pick(SENTENCES)}` : null;
    return [
      meetingId(n),
      meetingGroup,
      `Riunione: ${pick(SUBJECTS)}`,
      iso(meetingStart(n)),
      iso(meetingStart(n) + 90 * 60_000),
      pick(["Sala riunioni, piano terra", "Sala Giunta", "Ufficio URP"]),
      n % 4 === 0 ? "https://video.comune.example/informatica" : "",
      n % 13 === 5 ? "ANNULLATA" : "PROGRAMMATA",
      n % 3,
      minutes,
      minutes ? rendered(minutes) : null,
      minutes ? iso(meetingStart(n) + DAY) : null,
      leaders.get(meetingGroup)![0]!,
      iso(meetingStart(n) - 10 * DAY),
      iso(meetingStart(n) - 10 * DAY),
    ];
  },
);
bulk(
  "MeetingItem",
  ["id", "meetingId", "position", "title", "decision"],
  meetings.flatMap((n) => [0, 1, 2].map((p) => [n, p] as const)),
  ([n, p]) => [`bmi${n}_${p}`, meetingId(n), p, pick(SUBJECTS), n >= 10 ? pick(SENTENCES) : null],
);
counts.meetingResponses = bulk(
  "MeetingResponse",
  ["meetingId", "userId", "answer", "updatedAt"],
  meetings.flatMap((n) => meetingMembers.slice(0, 20).map((userId) => [n, userId] as const)),
  ([n, userId]) => [meetingId(n), userId, pick(["SI", "SI", "FORSE", "NO"]), iso(meetingStart(n) - 5 * DAY)],
);

// --- a challenge (issue 23) of the board, open, answered by the 500 latest ideas --------------
bulk(
  "Challenge",
  ["id", "title", "description", "descriptionHtml", "opensOn", "closesOn", "createdById", "createdAt"],
  [0],
  () => [
    BENCH.challenge,
    "Come sarebbe bello se nessun cittadino dovesse tornare due volte allo sportello?",
    pick(SENTENCES),
    rendered(pick(SENTENCES)),
    "2026-11-01",
    "2027-12-31",
    "bu0001",
    iso(now - 30 * DAY),
  ],
);
counts.challengeIdeas = sql
  .prepare(`UPDATE "Idea" SET "challengeId" = ? WHERE "id" > ?`)
  .run(BENCH.challenge, BENCH.ideas - BENCH.challengeIdeas).changes;

sql.pragma("optimize");
sql.exec("ANALYZE");
sql.pragma("wal_checkpoint(TRUNCATE)");
sql.close();

const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`Dati di prova in ${path.relative(process.cwd(), file)} (${seconds} s):`);
for (const [table, count] of Object.entries(counts))
  console.log(`  ${table.padEnd(16)} ${count.toLocaleString("it-IT")}`);
