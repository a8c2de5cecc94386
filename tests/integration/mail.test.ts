/**
 * E-mail through a real SMTP server on loopback (smtp-server), read back with mailparser: the
 * invitation, the new password asked for from the login page, each notice sent at once, the
 * digest (and that the next one does not repeat it), one-click unsubscribe, header injection,
 * people switched off, and the outbox's faults: a relay that refuses connections for a while, a
 * 550, and a server killed with SIGKILL between the commit and the delivery.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { changedTables, dbFingerprint, noticesSettled, stillFingerprint } from "../support/db-state";
import { buildComment, buildIdea, buildObjective } from "../support/factories";
import { useServer } from "../support/harness";
import { Client, text } from "../support/http";
import { ideaAt } from "../support/ideas";
import { PASSWORD, seedScenario } from "../support/scenario";
import { startServer } from "../support/server";
import { signedIn as signedInAs } from "../support/sessions";
import { mailEnv, useSmtp, type Received } from "../support/smtp";

const smtp = useSmtp();
// DIGEST_HOUR=0: the digest is due whenever the day's run is not recorded (tests remove the record).
const h = useServer({ env: () => mailEnv(smtp, { DIGEST_HOUR: "0" }) });
const signedIn = (email: string) => signedInAs(h.server, email);

const linkIn = (mail: Received, path: RegExp) => {
  const match = new RegExp(`https?://[^\\s"<>]+${path.source}[^\\s"<>]*`).exec(mail.mail.text ?? "");
  if (!match) throw new Error(`no link ${path} in:\n${mail.mail.text}`);
  return new URL(match[0].replace(/&amp;/g, "&"));
};
const bySubject = (address: string, subject: RegExp) => (r: Received) =>
  r.to.includes(address) && subject.test(r.mail.subject ?? "");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * The server's work after a write done: every notice fanned out (it happens moments later, longer
 * under the load of the other test files), then `ms` for the mailer's turn.
 */
const settle = async (ms = 400) => {
  await noticesSettled(h.server.db, 20_000);
  await sleep(ms);
};
/**
 * A mail's row once the sender is done with it, however long the other test files make it wait:
 * the relay's answer reaches the test before the sender has written it down (a fixed pause, or
 * reading the row as soon as the message arrived, raced it).
 */
async function onceAttempted<T extends { status: string }>(read: () => Promise<T>): Promise<T> {
  let row = await read();
  for (let i = 0; i < 200 && (row.status === "QUEUED" || row.status === "SENDING"); i++) {
    await sleep(50);
    row = await read();
  }
  return row;
}
/** A header of the message as it came over the wire (unfolded). */
const headerOf = (mail: Received, name: string) => {
  const head = mail.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
  return new RegExp(`^${name}:\\s*(.*)$`, "im").exec(head)?.[1] ?? null;
};

let admin: Client;
let board: Client;
let leader: Client;
let employee: Client;
let member: Client;

beforeAll(async () => {
  admin = await signedIn("admin@test.example");
  board = await signedIn("cabina@test.example");
  leader = await signedIn("leader.logistica@test.example");
  employee = await signedIn("dipendente@test.example");
  member = await signedIn("membro@test.example");
  // The first tick found nothing for the digest and recorded the day; each digest test removes it.
  await settle(300);
});

describe("the invitation", () => {
  it("arrives by e-mail with a link that makes a working account", async () => {
    const response = await admin.post("/admin/utenti", {
      intent: "invite",
      email: "nuova.collega@test.example",
      role: "DIPENDENTE",
    });
    expect(response.status).toBe(200);
    expect(await text(response)).toContain("L'invito è stato inviato per e-mail a nuova.collega@test.example");
    const mail = await smtp.waitFor(bySubject("nuova.collega@test.example", /Sei invitato su Pionieri/));
    expect(mail.mail.messageId).toMatch(/^<m[0-9a-z]+@test\.example>$/);
    expect(mail.mail.html).toContain('lang="it"');
    expect(mail.mail.html).not.toMatch(/<img|<script/i);
    const link = linkIn(mail, /\/invito\//);
    const colleague = new Client(h.server.url);
    expect((await colleague.get(link.pathname)).status).toBe(200);
    const accepted = await colleague.post(link.pathname, {
      displayName: "Nora Nuova",
      office: "Anagrafe",
      password: "una-password-nuova-e-lunga",
      passwordConfirm: "una-password-nuova-e-lunga",
    });
    expect(accepted.status).toBe(302);
    expect((await colleague.get("/")).status).toBe(200);
  });
});

describe("Password dimenticata?", () => {
  it("mails a one-hour single-use link; the same answer and no mail for an unknown address", async () => {
    const before = smtp.received.length;
    const stranger = await new Client(h.server.url).post("/password-dimenticata", { email: "nessuno@test.example" });
    expect(stranger.status).toBe(200);
    const strangerText = await text(stranger);
    const owner = new Client(h.server.url);
    await owner.login("membro@test.example", PASSWORD);
    const known = await new Client(h.server.url).post("/password-dimenticata", { email: "membro@test.example" });
    expect(known.status).toBe(200);
    expect(await text(known)).toBe(strangerText);
    expect(strangerText).toContain("Se l'indirizzo corrisponde a un account di Pionieri");

    const mail = await smtp.waitFor(bySubject("membro@test.example", /nuova password/));
    await settle();
    expect(smtp.received.slice(before).map((r) => r.to[0])).not.toContain("nessuno@test.example");
    const invitation = await h.server.db.invitation.findFirstOrThrow({
      where: { email: "membro@test.example", usedAt: null },
      orderBy: { createdAt: "desc" },
    });
    expect((invitation.expiresAt.getTime() - Date.now()) / 60_000).toBeGreaterThan(55);
    expect((invitation.expiresAt.getTime() - Date.now()) / 60_000).toBeLessThanOrEqual(60);
    const link = linkIn(mail, /\/invito\//);
    expect(invitation.tokenHash).not.toContain(link.pathname.split("/").pop());

    const reset = await new Client(h.server.url).post(link.pathname, {
      displayName: "Marta Membro",
      office: "URP",
      password: "una-nuova-password-per-marta",
      passwordConfirm: "una-nuova-password-per-marta",
    });
    expect(reset.status).toBe(302);
    // Every session of the account ended with the reset.
    const after = await owner.get("/gruppi");
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toMatch(/^\/login/);
    // Used once: a second use is refused with its message and changes nothing.
    const fingerprint = await stillFingerprint(h.server.db);
    const again = await new Client(h.server.url).post(link.pathname, {
      displayName: "Marta Membro",
      office: "URP",
      password: "ancora-un-altra-password",
      passwordConfirm: "ancora-un-altra-password",
    });
    expect(again.status).toBe(410);
    expect(await text(again)).toContain("Questo invito non è valido");
    expect(changedTables(fingerprint, await dbFingerprint(h.server.db))).toEqual([]);
    await new Client(h.server.url).login("membro@test.example", "una-nuova-password-per-marta");
    // The reset ended the test's own session of Marta too.
    member = await signedIn("membro@test.example");
  });

  it("is rate limited per address: the fourth request in an hour gets a 429 in Italian and no mail", async () => {
    for (let i = 0; i < 3; i++)
      expect(
        (await new Client(h.server.url).post("/password-dimenticata", { email: "osservatore@test.example" })).status,
      ).toBe(200);
    // The three links are delivered (the outbox rows settle) before the fourth request.
    for (let i = 0; i < 100 && smtp.to("osservatore@test.example").length < 3; i++) await settle(50);
    expect(smtp.to("osservatore@test.example")).toHaveLength(3);
    await settle(200);
    const fingerprint = await stillFingerprint(h.server.db);
    const fourth = await new Client(h.server.url).post("/password-dimenticata", { email: "osservatore@test.example" });
    expect(fourth.status).toBe(429);
    expect(fourth.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await text(fourth)).toContain("Troppe richieste: riprova tra");
    expect(changedTables(fingerprint, await dbFingerprint(h.server.db))).toEqual([]);
  });

  it("refuses a malformed address with a 400 and its message", async () => {
    const response = await new Client(h.server.url).post("/password-dimenticata", { email: "non-una-email" });
    expect(response.status).toBe(400);
    expect(await text(response)).toContain("Inserisci un indirizzo email valido");
  });
});

describe("notices sent at once", () => {
  it("a decision on my idea, with its public reason", async () => {
    const idea = await ideaAt(h.server.db, h.scenario, "IN_VALUTAZIONE", {
      title: "Sportello aperto il sabato",
      authorId: h.scenario.users.employee.id,
    });
    const decided = await board.post("/cabina-di-regia", {
      intent: "decide",
      ideaId: String(idea.id),
      to: "ACCOLTA",
      reason: "Utile per chi lavora in settimana.",
    });
    expect(decided.status).toBe(302);
    const mail = await smtp.waitFor(bySubject("dipendente@test.example", /Sportello aperto il sabato/));
    expect(mail.mail.subject).toContain("«Accolta»");
    expect(mail.mail.text).toContain("Utile per chi lavora in settimana.");
    expect(linkIn(mail, /\/idee\//).pathname).toBe(`/idee/${idea.id}`);
    expect(headerOf(mail, "List-Unsubscribe")).toMatch(/^<http:\/\/[^>]+\/disiscrizione\?u=[^>]+&k=STATUS&t=[^>]+>$/);
    expect(headerOf(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
  });

  it("a mention in a comment: one notice and one mail, not also «commented» (the author is mentioned)", async () => {
    const idea = await buildIdea(h.server.db, {
      title: "Modulo unico per i cambi di residenza",
      groupId: h.scenario.groups.logistica!.id,
      authorId: h.scenario.users.employee.id,
    });
    const before = smtp.to("dipendente@test.example").length;
    const posted = await member.post(`/idee/${idea.id}`, {
      intent: "comment",
      body: "Ottima, @dipendente: la porto al gruppo.",
    });
    expect(posted.status).toBe(302);
    const mail = await smtp.waitFor(bySubject("dipendente@test.example", /ti ha menzionato in «Modulo unico/));
    expect(linkIn(mail, /\/idee\//).hash).toMatch(/^#commento-\d+$/);
    const notices = await h.server.db.notification.findMany({
      where: { userId: h.scenario.users.employee.id, ideaId: idea.id },
    });
    expect(notices.map((n) => n.kind)).toEqual(["MENTION"]);
    await settle();
    expect(smtp.to("dipendente@test.example").length).toBe(before + 1);
  });

  it("a reply to my comment, my comment hidden (with the reason), and becoming an objective's owner", async () => {
    const idea = await buildIdea(h.server.db, {
      title: "Cartelli bilingui",
      groupId: h.scenario.groups.logistica!.id,
      authorId: h.scenario.users.leader.id,
    });
    const mine = await buildComment(h.server.db, {
      ideaId: idea.id,
      authorId: h.scenario.users.member.id,
      body: "Anche in inglese?",
    });
    await employee.post(`/idee/${idea.id}`, { intent: "comment", body: "Sì, e in arabo.", parentId: String(mine.id) });
    await smtp.waitFor(bySubject("membro@test.example", /ha risposto al tuo commento su «Cartelli bilingui»/));

    const rude = await buildComment(h.server.db, {
      ideaId: idea.id,
      authorId: h.scenario.users.member.id,
      body: "Uffa",
    });
    await leader.post(`/idee/${idea.id}`, {
      intent: "hideComment",
      commentId: String(rude.id),
      reason: "Tono non adatto <img src=http://evil.example/x.png> **qui**",
    });
    const hidden = await smtp.waitFor(bySubject("membro@test.example", /ha nascosto un tuo commento/));
    expect(hidden.mail.text).toContain("Tono non adatto <img src=http://evil.example/x.png> **qui**");
    // In the HTML the reason is text: no element, no remote image, no Markdown rendered.
    expect(hidden.mail.html).toContain("&#60;img src=http://evil.example/x.png&#62; **qui**");
    expect(hidden.mail.html).not.toMatch(/<img|<strong>/i);

    const created = await leader.post("/obiettivi/nuovo", {
      groupId: h.scenario.groups.logistica!.id,
      title: "Cartelli nell'atrio",
      description: "",
      ownerId: h.scenario.users.member.id,
      startOn: "2026-12-01",
      dueOn: "2027-02-28",
      forecastOn: "",
      status: "PIANIFICATO",
      progress: "0",
      indicatorName: "",
      indicatorUnit: "",
      indicatorBaseline: "",
      indicatorTarget: "",
      indicatorCurrent: "",
    });
    expect(created.status).toBe(302);
    const owner = await smtp.waitFor(bySubject("membro@test.example", /responsabile del micro-obiettivo «Cartelli/));
    expect(linkIn(owner, /\/obiettivi\//).pathname).toBe(created.headers.get("location")!.replace(/[?#].*$/, ""));
  });

  it("a mention in an objective's progress note tells the colleague (it used to tell no one)", async () => {
    const objective = await buildObjective(h.server.db, {
      groupId: h.scenario.groups.logistica!.id,
      title: "Totem nell'atrio",
      startOn: "2026-10-01",
      dueOn: "2027-03-31",
    });
    const posted = await leader.post(`/obiettivi/${objective.id}`, {
      intent: "update",
      date: "2026-11-27",
      progress: "30",
      status: "IN_CORSO",
      note: "Preventivi chiesti; @osservatore passa a vedere?",
    });
    expect(posted.status).toBe(302);
    const mail = await smtp.waitFor(bySubject("osservatore@test.example", /menzionato nel micro-obiettivo «Totem/));
    expect(linkIn(mail, /\/obiettivi\//).pathname).toBe(`/obiettivi/${objective.id}`);
  });
});

describe("the digest", () => {
  it("holds what was not mailed (comments, new ideas, decisions); the next does not repeat it", async () => {
    const { db } = h.server;
    const followed = await buildIdea(db, {
      title: "Orari estesi il giovedì",
      groupId: h.scenario.groups.logistica!.id,
      authorId: h.scenario.users.otherLeader.id,
    });
    await employee.post(`/idee/${followed.id}`, { intent: "follow" });
    await member.post(`/idee/${followed.id}`, { intent: "comment", body: "Il giovedì fino alle 18?" });
    // A new idea in Logistica: its members hear of it in the digest; its leader also of a report.
    const proposed = await leader.post("/idee/nuova", {
      title: "Panchine nella sala d'attesa",
      body: "Per chi aspetta a lungo.",
      groupId: h.scenario.groups.logistica!.id,
    });
    expect(proposed.status).toBe(302);
    const reported = await buildComment(db, {
      ideaId: followed.id,
      authorId: h.scenario.users.employee.id,
      body: "Boh",
    });
    await member.post(`/idee/${followed.id}`, {
      intent: "reportComment",
      commentId: String(reported.id),
      reason: "Fuori tema",
    });
    const waiting = await ideaAt(db, h.scenario, "IN_VALUTAZIONE", { title: "Un'idea decisa in riunione" });
    await board.post("/cabina-di-regia", {
      intent: "decide",
      ideaId: String(waiting.id),
      to: "NON_ACCOLTA",
      reason: "Già coperta.",
    });
    await settle();
    await db.setting.delete({ where: { key: "mail-digest-day" } });
    const first = await smtp.waitFor(bySubject("dipendente@test.example", /riepilogo di oggi/));
    expect(first.mail.text).toContain("Nuovi commenti sulle idee che segui");
    expect(first.mail.text).toContain("Marta Membro ha commentato «Orari estesi il giovedì»");
    expect(first.mail.text).toContain("Le decisioni della Cabina di Regia");
    expect(first.mail.text).toContain("«Un'idea decisa in riunione»: Non accolta — Già coperta.");
    expect(headerOf(first, "List-Unsubscribe")).toContain("k=DIGEST");
    const memberDigest = await smtp.waitFor(bySubject("membro@test.example", /riepilogo di oggi/));
    expect(memberDigest.mail.text).toContain("Nuove idee nei tuoi gruppi");
    expect(memberDigest.mail.text).toContain(
      "Lia Logistica ha proposto «Panchine nella sala d'attesa» nel gruppo Logistica",
    );
    const leaderDigest = await smtp.waitFor(bySubject("leader.logistica@test.example", /riepilogo di oggi/));
    expect(leaderDigest.mail.text).toContain("Segnalazioni da esaminare nei gruppi che coordini");
    expect(leaderDigest.mail.text).toContain(
      "Un commento su «Orari estesi il giovedì» è stato segnalato nel gruppo Logistica",
    );
    expect(leaderDigest.mail.text).toContain("/moderazione");
    const pending = await db.notification.count({
      where: { userId: h.scenario.users.employee.id, kind: "COMMENT", ideaId: followed.id, emailedAt: null },
    });
    expect(pending).toBe(0);

    // The next day: one new comment; the digest holds it and nothing of the first.
    await member.post(`/idee/${followed.id}`, { intent: "comment", body: "E il sabato mattina?" });
    await settle();
    const sent = smtp.to("dipendente@test.example").length;
    await db.setting.delete({ where: { key: "mail-digest-day" } });
    const second = await smtp.waitFor(
      (r) => r.to.includes("dipendente@test.example") && /riepilogo di oggi/.test(r.mail.subject ?? "") && r !== first,
    );
    expect(smtp.to("dipendente@test.example").length).toBe(sent + 1);
    expect(second.mail.text).toContain("Marta Membro ha commentato «Orari estesi il giovedì»");
    expect(second.mail.text).not.toContain("Le decisioni della Cabina di Regia");
    expect(second.mail.subject).toContain("(1 novità)");
  });

  it("is never sent empty", async () => {
    const { db } = h.server;
    await settle();
    const before = smtp.to("inattivo@test.example").length + smtp.to("cabina@test.example").length;
    const cabinaBefore = await db.user.findUniqueOrThrow({ where: { email: "cabina@test.example" } });
    await db.setting.delete({ where: { key: "mail-digest-day" } });
    await settle(600);
    expect(await db.setting.findUnique({ where: { key: "mail-digest-day" } })).not.toBeNull();
    const cabinaAfter = await db.user.findUniqueOrThrow({ where: { email: "cabina@test.example" } });
    // Nothing new for the board's member since its last digest: no mail, nothing recorded.
    expect(cabinaAfter.lastDigestAt).toEqual(cabinaBefore.lastDigestAt);
    expect(smtp.to("inattivo@test.example").length + smtp.to("cabina@test.example").length).toBe(before);
  });
});

describe("each person's choices and language", () => {
  it("the profile's choices decide what comes at once; a bad choice is a 400 and changes nothing", async () => {
    const { db } = h.server;
    const page = await text(await employee.get("/profilo"));
    expect(page).toContain("Nuovi commenti sulle idee che segui");
    const choices = {
      intent: "mail",
      digest: "WEEKLY",
      mail_STATUS: "IMMEDIATE",
      mail_MERGE: "IMMEDIATE",
      mail_REPLY: "IMMEDIATE",
      mail_MENTION: "IMMEDIATE",
      mail_HIDDEN: "IMMEDIATE",
      mail_OWNER: "IMMEDIATE",
      mail_COMMENT: "IMMEDIATE",
      mail_OBJECTIVE: "DIGEST",
      mail_NEW_IDEA: "NEVER",
      mail_REPORT: "DIGEST",
      mail_MEETING: "IMMEDIATE",
      mail_CHALLENGE: "DIGEST",
    };
    const fingerprint = await stillFingerprint(db);
    const bad = await employee.post("/profilo", { ...choices, mail_COMMENT: "SEMPRE" });
    expect(bad.status).toBe(400);
    expect(changedTables(fingerprint, await dbFingerprint(db))).toEqual([]);
    expect((await employee.post("/profilo", choices)).status).toBe(302);
    const stored = await db.user.findUniqueOrThrow({ where: { email: "dipendente@test.example" } });
    expect(stored.digest).toBe("WEEKLY");
    expect(JSON.parse(stored.mailPrefs)).toMatchObject({ COMMENT: "IMMEDIATE", NEW_IDEA: "NEVER" });

    const idea = await buildIdea(db, {
      title: "Numeri di attesa sul sito",
      groupId: h.scenario.groups.logistica!.id,
      authorId: h.scenario.users.employee.id,
    });
    await member.post(`/idee/${idea.id}`, { intent: "comment", body: "Bella idea." });
    await smtp.waitFor(bySubject("dipendente@test.example", /Marta Membro ha commentato «Numeri di attesa sul sito»/));
  });

  it("an e-mail speaks the person's language", async () => {
    const { db } = h.server;
    await db.user.update({ where: { email: "leader.informatica@test.example" }, data: { locale: "en" } });
    const idea = await buildIdea(db, {
      title: "Wi-Fi in the waiting room",
      groupId: h.scenario.groups.informatica!.id,
      authorId: h.scenario.users.otherLeader.id,
    });
    const mine = await buildComment(db, {
      ideaId: idea.id,
      authorId: h.scenario.users.otherLeader.id,
      body: "Who helps?",
    });
    await member.post(`/idee/${idea.id}`, { intent: "comment", body: "Io!", parentId: String(mine.id) });
    const mail = await smtp.waitFor(bySubject("leader.informatica@test.example", /replied to your comment on/));
    expect(mail.mail.html).toContain('lang="en"');
    expect(mail.mail.text).toContain("Choose what to receive and when");
    await db.user.update({ where: { email: "leader.informatica@test.example" }, data: { locale: "it" } });
  });
});

describe("one-click unsubscribe", () => {
  it("stops that kind only, from the mail client's POST; forged and reused links change nothing", async () => {
    const { db } = h.server;
    const idea = await buildIdea(db, {
      title: "Bacheca delle novità",
      groupId: h.scenario.groups.logistica!.id,
      authorId: h.scenario.users.leader.id,
    });
    const mine = await buildComment(db, { ideaId: idea.id, authorId: h.scenario.users.leader.id, body: "Partiamo?" });
    await employee.post(`/idee/${idea.id}`, { intent: "comment", body: "Sì!", parentId: String(mine.id) });
    const reply = await smtp.waitFor(
      bySubject("leader.logistica@test.example", /risposto al tuo commento su «Bacheca/),
    );
    const url = new URL(/<([^>]+)>/.exec(headerOf(reply, "List-Unsubscribe") ?? "")![1]!);
    expect(url.searchParams.get("k")).toBe("REPLY");

    // Opening the link asks first: a scanner that follows links changes nothing.
    const fingerprint = await stillFingerprint(db);
    const page = await new Client(h.server.url).get(url.pathname + url.search);
    expect(page.status).toBe(200);
    expect(await text(page)).toContain("Vuoi smettere di ricevere le e-mail di questo tipo?");
    expect(changedTables(fingerprint, await dbFingerprint(db))).toEqual([]);

    // A forged token: 400, the Italian message, nothing changed.
    const forged = new URL(url);
    forged.searchParams.set("t", "A".repeat(32));
    const refused = await new Client(h.server.url).post(
      forged.pathname + forged.search,
      {
        "List-Unsubscribe": "One-Click",
      },
      { origin: null },
    );
    expect(refused.status).toBe(400);
    expect(await text(refused)).toContain("Questo link per smettere di ricevere e-mail non è valido");
    expect(changedTables(fingerprint, await dbFingerprint(db))).toEqual([]);

    // The mail client's one-click POST: no Origin, no session.
    const done = await new Client(h.server.url).post(
      url.pathname + url.search,
      { "List-Unsubscribe": "One-Click" },
      {
        origin: null,
      },
    );
    expect(done.status).toBe(200);
    expect(await text(done)).toContain("Fatto: non riceverai più queste e-mail");
    const prefs = JSON.parse(
      (await db.user.findUniqueOrThrow({ where: { email: "leader.logistica@test.example" } })).mailPrefs,
    );
    expect(prefs.REPLY).toBe("NEVER");
    expect(prefs.MENTION).toBe("IMMEDIATE");

    // Used again: says so, changes nothing.
    const after = await stillFingerprint(db);
    const reused = await new Client(h.server.url).post(
      url.pathname + url.search,
      { "List-Unsubscribe": "One-Click" },
      {
        origin: null,
      },
    );
    expect(await text(reused)).toContain("Avevi già smesso di ricevere queste e-mail");
    expect(changedTables(after, await dbFingerprint(db))).toEqual([]);

    // Another reply: the notice is there, in the app; no mail.
    const sent = smtp.to("leader.logistica@test.example").length;
    await member.post(`/idee/${idea.id}`, { intent: "comment", body: "Io ci sono.", parentId: String(mine.id) });
    await settle(600);
    expect(
      await db.notification.count({ where: { userId: h.scenario.users.leader.id, kind: "REPLY", ideaId: idea.id } }),
    ).toBe(2);
    expect(smtp.to("leader.logistica@test.example").length).toBe(sent);
  });
});

describe("what never reaches a mail header, and who gets nothing", () => {
  it("a name or a title with line breaks adds no header and no recipient", async () => {
    const { db } = h.server;
    // As if written before the forms cleaned text: CR/LF and a Bcc line in the name and the title.
    await db.user.update({
      where: { email: "dipendente@test.example" },
      data: { displayName: "Dario\r\nBcc: spia@evil.example" },
    });
    const idea = await ideaAt(db, h.scenario, "IN_VALUTAZIONE", {
      title: "Titolo\r\nBcc: spia@evil.example",
      authorId: h.scenario.users.employee.id,
    });
    await board.post("/cabina-di-regia", { intent: "decide", ideaId: String(idea.id), to: "ACCOLTA", reason: "Sì" });
    const mail = await smtp.waitFor(bySubject("dipendente@test.example", /Titolo/));
    expect(mail.to).toEqual(["dipendente@test.example"]);
    expect(mail.mail.headers.has("bcc")).toBe(false);
    expect(headerOf(mail, "Bcc")).toBeNull();
    // The name is one quoted display name on the To line.
    expect(headerOf(mail, "To")).toBe('"Dario Bcc: spia@evil.example" <dipendente@test.example>');
    expect(smtp.received.some((r) => r.to.includes("spia@evil.example"))).toBe(false);
    await db.user.update({ where: { email: "dipendente@test.example" }, data: { displayName: "Dario Dipendente" } });
  });

  it("a person switched off gets nothing, also what was queued before", async () => {
    const { db } = h.server;
    await smtp.pause();
    const idea = await ideaAt(db, h.scenario, "IN_VALUTAZIONE", {
      title: "Un'idea di chi lascia",
      authorId: h.scenario.users.observer.id,
    });
    await board.post("/cabina-di-regia", { intent: "decide", ideaId: String(idea.id), to: "ACCOLTA", reason: "Sì" });
    await settle();
    const queued = await db.outboxMail.findFirstOrThrow({
      where: { toAddress: "osservatore@test.example", subject: { contains: "Un'idea di chi lascia" } },
    });
    await admin.post("/admin/utenti", { intent: "deactivate", userId: h.scenario.users.observer.id, confirm: "1" });
    await smtp.resume();
    await settle(800);
    const after = await db.outboxMail.findUniqueOrThrow({ where: { id: queued.id } });
    expect(after.status).toBe("FAILED");
    expect(after.lastError).toContain("Account disattivato");
    expect(smtp.to("osservatore@test.example").some((r) => /chi lascia/.test(r.mail.subject ?? ""))).toBe(false);
  });
});

describe("faults", () => {
  it("a relay refusing connections: requests go on, the row retries, then arrives once", async () => {
    const { db } = h.server;
    await smtp.pause();
    const idea = await ideaAt(db, h.scenario, "IN_VALUTAZIONE", {
      title: "Durante il guasto della posta",
      authorId: h.scenario.users.member.id,
    });
    const started = Date.now();
    const decided = await board.post("/cabina-di-regia", {
      intent: "decide",
      ideaId: String(idea.id),
      to: "ACCOLTA",
      reason: "Ok",
    });
    expect(decided.status).toBe(302);
    expect((await member.get("/")).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5_000);
    await settle(800);
    const row = await db.outboxMail.findFirstOrThrow({ where: { subject: { contains: "Durante il guasto" } } });
    expect(row.status).toBe("QUEUED");
    expect(row.attempts).toBeGreaterThanOrEqual(1);
    expect(row.lastError).toMatch(/ECONNECTION|ECONNREFUSED|connect/i);
    await smtp.resume();
    const mail = await smtp.waitFor(bySubject("membro@test.example", /Durante il guasto/));
    await settle(600);
    expect(smtp.received.filter((r) => r.mail.messageId === mail.mail.messageId)).toHaveLength(1);
    expect((await onceAttempted(() => db.outboxMail.findUniqueOrThrow({ where: { id: row.id } }))).status).toBe("SENT");
    // Once sent, the body (which may hold a one-time link) is not kept.
    expect((await db.outboxMail.findUniqueOrThrow({ where: { id: row.id } })).text).toBeNull();
  });

  it("a 550 is final: the row fails with the relay's answer, no retries; the admin sends it again", async () => {
    const { db } = h.server;
    smtp.refuseRecipients((address) => (address === "leader.informatica@test.example" ? 550 : null));
    await admin.post("/admin/utenti", { intent: "reset", userId: h.scenario.users.otherLeader.id });
    await settle(0);
    const row = await onceAttempted(() =>
      db.outboxMail.findFirstOrThrow({
        where: { toAddress: "leader.informatica@test.example", kind: "RESET" },
        orderBy: { id: "desc" },
      }),
    );
    expect(row.status).toBe("FAILED");
    expect(row.attempts).toBe(1);
    expect(row.lastError).toContain("550");
    await settle(500);
    expect((await db.outboxMail.findUniqueOrThrow({ where: { id: row.id } })).attempts).toBe(1);

    const page = await admin.get("/admin/posta?stato=FAILED");
    expect(page.status).toBe(200);
    const html = await text(page);
    expect(html).toContain("leader.informatica@test.example");
    expect(html).toContain("550");

    smtp.refuseRecipients(() => null);
    const resent = await admin.post("/admin/posta", { intent: "resend", mailId: row.id });
    expect(resent.status).toBe(302);
    await smtp.waitFor(bySubject("leader.informatica@test.example", /nuova password/));
    const sent = await onceAttempted(() => db.outboxMail.findUniqueOrThrow({ where: { id: row.id } }));
    expect(sent.status).toBe("SENT");
    // A sent mail cannot be sent again: 409 with its message.
    const twice = await admin.post("/admin/posta", { intent: "resend", mailId: row.id });
    expect(twice.status).toBe(409);
    expect(await text(twice)).toContain("Si può inviare di nuovo solo un'e-mail non inviata.");
  });
});

describe("a server killed between the commit and the delivery", () => {
  it("delivers after the restart, exactly once, with the same Message-ID", async () => {
    // The first server never gets to deliver: its sender looks only at start, then every ten minutes.
    const first = await startServer(mailEnv(smtp, { MAIL_POLL_MS: "600000" }));
    try {
      await seedScenario(first.db);
      const client = await signedInAs(first, "admin@test.example");
      const invited = await client.post("/admin/utenti", {
        intent: "invite",
        email: "dopo.il.crash@test.example",
        role: "DIPENDENTE",
      });
      expect(invited.status).toBe(200);
      const row = await first.db.outboxMail.findFirstOrThrow({ where: { toAddress: "dopo.il.crash@test.example" } });
      expect(row).toMatchObject({ status: "QUEUED", attempts: 0 });
      await first.crash();
      expect(smtp.to("dopo.il.crash@test.example")).toHaveLength(0);
      const second = await startServer(mailEnv(smtp), { dbFile: first.dbFile });
      try {
        const mail = await smtp.waitFor((r) => r.to.includes("dopo.il.crash@test.example"));
        expect(mail.mail.messageId).toBe(`<${row.id}@test.example>`);
        await settle(600);
        expect(smtp.to("dopo.il.crash@test.example")).toHaveLength(1);
        const sent = await onceAttempted(() => second.db.outboxMail.findUniqueOrThrow({ where: { id: row.id } }));
        expect(sent.status).toBe("SENT");
      } finally {
        await second.stop();
      }
    } finally {
      await first.db.$disconnect();
    }
  });
});

describe("a server killed while its mail worker delivers", () => {
  it("never sends that mail twice: it is marked interrupted at the restart, and the next go out", async () => {
    const first = await startServer(mailEnv(smtp));
    const release = smtp.hold();
    try {
      await seedScenario(first.db);
      const client = await signedInAs(first, "admin@test.example");
      for (const email of ["in.volo@test.example", "dopo.il.volo@test.example"])
        expect((await client.post("/admin/utenti", { intent: "invite", email, role: "DIPENDENTE" })).status).toBe(200);
      const inFlight = await first.db.outboxMail.findFirstOrThrow({ where: { toAddress: "in.volo@test.example" } });
      // The worker has claimed the first row and is waiting for the relay's answer to its DATA.
      for (let i = 0; i < 200; i++) {
        const row = await first.db.outboxMail.findUniqueOrThrow({ where: { id: inFlight.id } });
        if (row.status === "SENDING") break;
        await settle(25);
      }
      expect((await first.db.outboxMail.findUniqueOrThrow({ where: { id: inFlight.id } })).status).toBe("SENDING");
      await first.crash();
      release();
      const second = await startServer(mailEnv(smtp), { dbFile: first.dbFile });
      try {
        await smtp.waitFor((r) => r.to.includes("dopo.il.volo@test.example"));
        await settle(600);
        const after = await second.db.outboxMail.findUniqueOrThrow({ where: { id: inFlight.id } });
        expect(after.status).toBe("FAILED");
        expect(after.lastError).toContain("Interrotto durante l'invio");
        expect(smtp.to("in.volo@test.example")).toHaveLength(0);
        expect(smtp.to("dopo.il.volo@test.example")).toHaveLength(1);
      } finally {
        await second.stop();
      }
    } finally {
      release();
      await first.db.$disconnect();
    }
  });
});

describe("without SMTP_URL", () => {
  it("the demo delivers to a mailbox the admin can read; otherwise e-mail is off, said once", async () => {
    const { mkdtempSync, readdirSync, readFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const mailbox = mkdtempSync(path.join(tmpdir(), "pionieri-mailbox-"));
    const demo = await startServer({ PIONIERI_DEMO: "1", MAILBOX_DIR: mailbox, MAIL_POLL_MS: "50", DIGEST_HOUR: "24" });
    try {
      await seedScenario(demo.db);
      const client = await signedInAs(demo, "admin@test.example");
      await client.post("/admin/utenti", { intent: "invite", email: "in.demo@test.example", role: "DIPENDENTE" });
      for (let i = 0; i < 100 && readdirSync(mailbox).length === 0; i++) await settle(50);
      const [file] = readdirSync(mailbox);
      expect(file).toMatch(/^m[0-9a-z]+\.eml$/);
      const eml = readFileSync(path.join(mailbox, file!), "utf8");
      expect(eml).toMatch(/^To: in\.demo@test\.example$/m);
      const page = await (await client.get("/admin/posta")).text();
      expect(page).toContain("Demo: le e-mail non escono");
      // The mail's text, with its link as a link: the newcomer clicks the invitation they "received".
      expect(page).toMatch(/<a href="http:\/\/(localhost|127\.0\.0\.1):\d+\/invito\/[A-Za-z0-9_-]+">/);
    } finally {
      await demo.stop();
    }

    const off = await startServer({});
    try {
      await seedScenario(off.db);
      const client = await signedInAs(off, "admin@test.example");
      const invited = await text(
        await client.post("/admin/utenti", { intent: "invite", email: "senza.posta@test.example", role: "DIPENDENTE" }),
      );
      expect(invited).toContain("Invito creato per senza.posta@test.example");
      expect(await off.db.outboxMail.count()).toBe(0);
      expect(await text(await client.get("/admin/posta"))).toContain("La posta elettronica è spenta");
      expect(off.output().match(/Posta elettronica spenta/g)).toHaveLength(1);
    } finally {
      await off.stop();
    }
  });
});
