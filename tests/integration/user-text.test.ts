/**
 * Every text a person can write is stored without bidi controls, NUL and the other control
 * characters (line breaks and tabs stay). Each form below is sent, over HTTP to the built server,
 * with a right-to-left override, an isolate, NUL, a bell and a C1 control inside every text
 * field; then every text column of every table is read back and none may hold one of them,
 * while the cleaned text of each field must be there (a refused form would prove nothing).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildComment, buildInvitation } from "../support/factories";
import { useServer } from "../support/harness";
import { Client } from "../support/http";
import { ideaAt } from "../support/ideas";
import { PASSWORD } from "../support/scenario";
import { signedIn as signedInAs } from "../support/sessions";

const harness = useServer();
const signedIn = (email: string) => signedInAs(harness.server, email);

// eslint-disable-next-line no-control-regex -- the characters under test
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** The same characters as JSON writes them inside the JSON columns (the audit log, notifications). */
const FORBIDDEN_ESCAPED = /\\u(00[01][0-9a-f]|007f|00[89][0-9a-f]|202[a-e]|206[6-9])/i;

let counter = 0;
/** The cleaned texts that must be found in the database after the forms are sent. */
const expected: { where: string; text: string }[] = [];

/**
 * A value for a text field (`where` names the form and field): a unique marker, then every kind
 * of character that must go, then a line break and a tab (kept, or made spaces in one-line fields).
 */
function field(where: string, { singleLine = false } = {}) {
  const marker = `Campo${++counter}`;
  const sent = `${marker} \u202Eesrevni\u202C\u0000nul\u2067iso\u2069\u0007bell\u0085c1 riga\nseconda\triga`;
  const stored = `${marker} esrevninulisobellc1 riga\nseconda\triga`;
  expected.push({ where, text: singleLine ? stored.replace(/\s+/g, " ") : stored });
  return sent;
}

async function sent(response: Promise<Response>, where: string) {
  const answer = await response;
  expect([200, 302, 303], `${where} answered ${answer.status}`).toContain(answer.status);
  if (answer.status === 200) {
    // A form that comes back with 200 is refused; the write forms here redirect.
    expect(answer.headers.get("content-type") ?? "", where).not.toMatch(/html/);
  }
  return answer;
}

let employee: Client;
let leader: Client;
let board: Client;
let admin: Client;
let member: Client;

beforeAll(async () => {
  employee = await signedIn("dipendente@test.example");
  leader = await signedIn("leader.logistica@test.example");
  board = await signedIn("cabina@test.example");
  admin = await signedIn("admin@test.example");
  member = await signedIn("membro@test.example");
});

describe("user text is stored clean", () => {
  it("cleans every text field of every form, and no text column holds a control character", async () => {
    const { db } = harness.server;
    const { groups, users } = harness.scenario;
    const logistica = groups.logistica!.id;

    // Account: profile and invitation.
    await sent(
      employee.post("/profilo", {
        intent: "profile",
        displayName: field("profilo.nome", { singleLine: true }),
        office: field("profilo.ufficio", { singleLine: true }),
        locale: "it",
      }),
      "profilo",
    );
    const token = await buildInvitation(db, { email: "nuova.collega@test.example" });
    await sent(
      new Client(harness.server.url).post(`/invito/${token}`, {
        displayName: field("invito.nome", { singleLine: true }),
        office: field("invito.ufficio", { singleLine: true }),
        password: PASSWORD,
        passwordConfirm: PASSWORD,
      }),
      "invito",
    );

    // An idea, its edit, comments, replies, reports, hiding, workflow and duplicates.
    const created = await sent(
      employee.post("/idee/nuova", {
        title: field("idea.titolo", { singleLine: true }),
        body: field("idea.testo"),
        groupId: logistica,
      }),
      "nuova idea",
    );
    const ideaPath = created.headers.get("location")!.replace(/[?#].*$/, "");
    await sent(
      employee.post(`${ideaPath}/modifica`, {
        title: field("modifica.titolo", { singleLine: true }),
        body: field("modifica.testo"),
      }),
      "modifica idea",
    );
    const ideaId = Number(ideaPath.split("/").pop());
    await sent(employee.post(ideaPath, { intent: "comment", body: field("commento") }), "commento");
    const comment = await db.comment.findFirstOrThrow({ where: { ideaId, authorId: users.employee.id } });
    await sent(employee.post(ideaPath, { intent: "comment", body: "Da correggere" }), "commento da modificare");
    const second = await db.comment.findFirstOrThrow({ where: { ideaId, body: "Da correggere" } });
    await sent(
      leader.post(ideaPath, { intent: "comment", body: field("risposta"), parentId: String(comment.id) }),
      "risposta",
    );
    await sent(
      employee.post(ideaPath, {
        intent: "editComment",
        commentId: String(second.id),
        body: field("commento.modifica"),
      }),
      "modifica commento",
    );
    await sent(
      member.post(ideaPath, { intent: "reportComment", commentId: String(comment.id), reason: field("segnalazione") }),
      "segnalazione",
    );
    const rude = await buildComment(db, { ideaId, authorId: users.member.id, body: "Da nascondere" });
    await sent(
      board.post("/moderazione", { intent: "hide", commentId: String(rude.id), reason: field("moderazione.motivo") }),
      "nascondi (moderazione)",
    );
    const rude2 = await buildComment(db, { ideaId, authorId: users.member.id, body: "Da nascondere anche questo" });
    await sent(
      leader.post(ideaPath, { intent: "hideComment", commentId: String(rude2.id), reason: field("nascondi.motivo") }),
      "nascondi (idea)",
    );
    await sent(
      board.post(ideaPath, {
        intent: "status",
        to: "IN_DISCUSSIONE",
        reason: field("stato.motivo"),
        privateNote: field("stato.nota-riservata"),
      }),
      "cambio di stato",
    );
    const waiting = await ideaAt(db, harness.scenario, "IN_VALUTAZIONE");
    await sent(
      board.post("/cabina-di-regia", {
        intent: "decide",
        ideaId: String(waiting.id),
        to: "ACCOLTA",
        reason: field("decisione.motivo"),
        privateNote: field("decisione.nota-riservata"),
      }),
      "decisione",
    );
    const copy = await ideaAt(db, harness.scenario, "NUOVA");
    await sent(
      leader.post(`/idee/${copy.id}`, {
        intent: "duplicate",
        originalId: String(ideaId),
        reason: field("duplicata.motivo"),
      }),
      "duplicata",
    );

    // Administration: themes, groups, privacy notice.
    await sent(
      admin.post("/admin/temi", { intent: "add", kind: "CANALE", name: field("tema", { singleLine: true }) }),
      "tema",
    );
    const tag = await db.tag.create({ data: { kind: "ASSET", name: "Da rinominare" } });
    await sent(
      admin.post("/admin/temi", {
        intent: "rename",
        tagId: tag.id,
        name: field("tema.rinomina", { singleLine: true }),
      }),
      "rinomina tema",
    );
    await sent(
      admin.post("/admin/gruppi", {
        groupId: groups.comunicazione!.id,
        name: field("gruppo.nome", { singleLine: true }),
        description: field("gruppo.descrizione"),
        colour: "#a66300",
        position: "30",
      }),
      "gruppo",
    );
    await sent(admin.post("/admin/privacy", { markdown: field("informativa") }), "informativa");

    // Crono-programma: phases and milestones, created and edited.
    await sent(
      board.post("/crono-programma/gestione", {
        intent: "createPhase",
        name: field("fase.nome", { singleLine: true }),
        description: field("fase.descrizione"),
        startOn: "2027-01-01",
        endOn: "2027-02-28",
        position: "5",
      }),
      "nuova fase",
    );
    const phase = await db.phase.findFirstOrThrow({ where: { name: { startsWith: "Campo" } } });
    await sent(
      board.post("/crono-programma/gestione", {
        intent: "updatePhase",
        phaseId: phase.id,
        name: field("fase.nome.modifica", { singleLine: true }),
        description: field("fase.descrizione.modifica"),
        startOn: "2027-01-01",
        endOn: "2027-02-28",
        position: "5",
      }),
      "modifica fase",
    );
    await sent(
      board.post("/crono-programma/gestione", {
        intent: "createMilestone",
        title: field("traguardo", { singleLine: true }),
        date: "2027-01-15",
        groupId: "",
      }),
      "nuovo traguardo",
    );
    const milestone = await db.milestone.findFirstOrThrow({ where: { title: { startsWith: "Campo" } } });
    await sent(
      board.post("/crono-programma/gestione", {
        intent: "updateMilestone",
        milestoneId: milestone.id,
        title: field("traguardo.modifica", { singleLine: true }),
        date: "2027-01-16",
        groupId: "",
      }),
      "modifica traguardo",
    );

    // Objectives: created, edited, progress reported.
    const objectiveFields = (prefix: string) => ({
      groupId: logistica,
      title: field(`${prefix}.titolo`, { singleLine: true }),
      description: field(`${prefix}.descrizione`),
      ownerId: "",
      startOn: "2026-12-01",
      dueOn: "2027-02-28",
      forecastOn: "",
      status: "PIANIFICATO",
      progress: "0",
      indicatorName: field(`${prefix}.indicatore`, { singleLine: true }),
      indicatorUnit: "min",
      indicatorBaseline: "10",
      indicatorTarget: "5",
      indicatorCurrent: "",
    });
    const objective = await sent(leader.post("/obiettivi/nuovo", objectiveFields("obiettivo")), "nuovo obiettivo");
    const objectivePath = objective.headers.get("location")!.replace(/[?#].*$/, "");
    const objectiveId = Number(objectivePath.split("/").pop());
    const { version } = await db.objective.findUniqueOrThrow({ where: { id: objectiveId } });
    await sent(
      leader.post(`${objectivePath}/modifica`, { ...objectiveFields("obiettivo.modifica"), version: String(version) }),
      "modifica obiettivo",
    );
    await sent(
      leader.post(objectivePath, {
        intent: "update",
        date: "2026-11-27",
        progress: "20",
        status: "IN_CORSO",
        note: field("avanzamento.nota"),
      }),
      "avanzamento",
    );

    // The board's snapshot with its notes.
    await sent(
      board.post("/cabina-di-regia/riunioni", { meetingDate: "2026-11-26", notes: field("istantanea.note") }),
      "istantanea",
    );

    // Every text column of every table (the full-text index's shadow tables aside).
    const tables = await db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT "name" FROM sqlite_master WHERE "type" = 'table' AND "name" NOT LIKE 'sqlite_%'
        AND "name" NOT LIKE 'idea_fts_%'`,
    );
    const texts: string[] = [];
    const dirtyCells: string[] = [];
    for (const { name } of tables) {
      const columns = await db.$queryRawUnsafe<{ name: string; type: string }[]>(`PRAGMA table_info("${name}")`);
      for (const column of columns.filter((c) => c.type === "TEXT" || c.type === "")) {
        const rows = await db.$queryRawUnsafe<{ v: unknown }[]>(
          `SELECT "${column.name}" AS v FROM "${name}" WHERE typeof("${column.name}") = 'text'`,
        );
        for (const { v } of rows) {
          const value = String(v);
          texts.push(value);
          if (FORBIDDEN.test(value) || FORBIDDEN_ESCAPED.test(value))
            dirtyCells.push(`${name}.${column.name}: ${JSON.stringify(value.slice(0, 80))}`);
        }
      }
    }
    expect(dirtyCells).toEqual([]);
    // JSON columns (notification data, the audit log, snapshots) hold the text escaped.
    const everything = texts.join("\n");
    const missing = expected.filter(
      ({ text }) => !everything.includes(text) && !everything.includes(JSON.stringify(text).slice(1, -1)),
    );
    expect(missing.map((m) => m.where)).toEqual([]);
    expect(expected.length).toBeGreaterThanOrEqual(35);
  });
});
