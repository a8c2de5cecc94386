/**
 * Group meetings (issue 23) against the built server, its SQLite file and a real SMTP server on
 * loopback: who calls, changes, cancels, answers and writes the minutes, with refused writes
 * changing nothing; every kind of bad input with the field's Italian message; the invitation
 * received by e-mail with its iCalendar event read by a real parser (ical.js) through our own
 * VTIMEZONE, on both sides of the October change; SEQUENCE raised on change, CANCEL on
 * cancellation; each person's notice settings; the calendar feed; attendance as counts only to
 * non-leaders; and the minutes' decisions moving ideas through their own workflow.
 */
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { changedTables, dbFingerprint, noticesSettled, stillFingerprint } from "../support/db-state";
import { addMember, buildIdea, buildObjective, buildUser } from "../support/factories";
import { useServer } from "../support/harness";
import { Client, text } from "../support/http";
import { PASSWORD } from "../support/scenario";
import { signedIn as signedInAs } from "../support/sessions";
import { mailEnv, useSmtp, type Received } from "../support/smtp";
import { inDays } from "../support/days";

const smtp = useSmtp();
const h = useServer({ env: () => mailEnv(smtp) });
const signedIn = (email: string) => signedInAs(h.server, email);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function meetingForm(fields: Record<string, string> = {}, items: [string, string][] = []) {
  const body = new URLSearchParams({
    title: `Riunione ${Math.random().toString(36).slice(2, 8)}`,
    day: inDays(10),
    start: "10:00",
    end: "11:30",
    place: "Sala riunioni, piano terra",
    videoUrl: "",
    ...fields,
  });
  for (const [title, ref] of items) {
    body.append("item", title);
    body.append("itemRef", ref);
  }
  return body;
}

async function call(client: Client, fields: Record<string, string> = {}, items: [string, string][] = []) {
  const form = meetingForm(fields, items);
  const response = await client.post("/riunioni/nuova?gruppo=logistica", {}, { body: form });
  expect(response.status, await response.clone().text()).toBe(302);
  const meeting = await h.server.db.meeting.findFirstOrThrow({ where: { title: form.get("title")! } });
  expect(response.headers.get("location")).toBe(`/riunioni/${meeting.id}`);
  return meeting;
}

/** The same write refused: the status, the message, and no table changed. */
async function refused(send: () => Promise<Response>, status: number, message?: string) {
  const before = await stillFingerprint(h.server.db);
  const response = await send();
  expect(response.status).toBe(status);
  if (message) expect(await text(response)).toContain(message);
  expect(changedTables(before, await dbFingerprint(h.server.db))).toEqual([]);
}

/** The calendar object of an invitation, as a calendar client finds it (the text/calendar part). */
function calendarOf(mail: Received) {
  const part = mail.mail.attachments.find((a) => a.contentType.startsWith("text/calendar"));
  if (!part) throw new Error(`no calendar in «${mail.mail.subject}»`);
  return part.content.toString("utf8");
}

/** Parsed by ical.js, with the calendar's own VTIMEZONE registered so times resolve through it. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      location: event.location,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      tzid: event.startDate.zone?.tzid,
      status: vevent.getFirstPropertyValue("status"),
      organizer: String(vevent.getFirstPropertyValue("organizer")),
      attendee: String(vevent.getFirstPropertyValue("attendee") ?? ""),
    };
  });
  return { method: calendar.getFirstPropertyValue("method"), events };
}

const invitationsTo = (address: string, uidPart: string) =>
  smtp.to(address).filter((r) => {
    try {
      return calendarOf(r).includes(uidPart);
    } catch {
      return false;
    }
  });

async function waitForInvitations(address: string, uidPart: string, count: number) {
  const started = Date.now();
  while (invitationsTo(address, uidPart).length < count) {
    if (Date.now() - started > 20_000) throw new Error(`${count} invitations to ${address} not arrived`);
    await sleep(50);
  }
  return invitationsTo(address, uidPart);
}

let leader: Client;
let board: Client;
let member: Client;
let employee: Client;
let observer: Client;
let otherLeader: Client;
let quiet: { email: string; id: string };
let idea: { id: number };
let foreignIdea: { id: number };

beforeAll(async () => {
  const { db } = h.server;
  const { groups, users } = h.scenario;
  leader = await signedIn("leader.logistica@test.example");
  board = await signedIn("cabina@test.example");
  member = await signedIn("membro@test.example");
  employee = await signedIn("dipendente@test.example");
  observer = await signedIn("osservatore@test.example");
  otherLeader = await signedIn("leader.informatica@test.example");
  // A member of Logistica who chose never to receive meetings by e-mail.
  const made = await buildUser(db, {
    email: "silenziosa@test.example",
    displayName: "Sara Silenziosa",
    password: PASSWORD,
  });
  const user = await db.user.update({
    where: { id: made.id },
    data: { mailPrefs: JSON.stringify({ MEETING: "NEVER" }) },
  });
  await addMember(db, user.id, groups.logistica!.id);
  quiet = { email: user.email, id: user.id };
  idea = await buildIdea(db, {
    title: "Un totem vicino alla porta",
    groupId: groups.logistica!.id,
    authorId: users.member.id,
  });
  foreignIdea = await buildIdea(db, { title: "Il wifi in sala", groupId: groups.informatica!.id, authorId: null });
});

describe("calling a meeting", () => {
  it("is for the group's leaders and the Cabina: the others get 403 and nothing is written", async () => {
    for (const client of [member, employee, observer, otherLeader]) {
      expect((await client.get("/riunioni/nuova?gruppo=logistica")).status).toBe(403);
      await refused(() => client.post("/riunioni/nuova?gruppo=logistica", {}, { body: meetingForm() }), 403);
    }
    expect((await leader.get("/riunioni/nuova?gruppo=nessuno")).status).toBe(404);
    await call(board);
  });

  const cases: [string, Record<string, string>, [string, string][], string][] = [
    ["a start in the past", { day: inDays(-1) }, [], "La riunione deve iniziare più avanti di adesso."],
    ["an end before the start", { start: "15:00", end: "14:00" }, [], "La fine deve venire dopo l'inizio."],
    ["an end equal to the start", { start: "15:00", end: "15:00" }, [], "La fine deve venire dopo l'inizio."],
    ["thirteen hours", { start: "07:00", end: "20:00" }, [], "Una riunione dura al massimo 12 ore."],
    ["more than a year ahead", { day: inDays(400) }, [], "Al massimo fra 366 giorni."],
    ["a day that does not exist", { day: "2027-02-30" }, [], "Questa data non esiste"],
    ["a time in the wrong form", { start: "9.30" }, [], "Scrivi l'ora nel formato 09:30."],
    ["a time that does not exist", { end: "25:00" }, [], "Scrivi l'ora nel formato 09:30."],
    ["no title", { title: "   " }, [], "Questo campo è obbligatorio."],
    ["neither place nor link", { place: "" }, [], "Indica il luogo o il collegamento video."],
    ["a link that is not a web address", { videoUrl: "javascript:alert(1)" }, [], "deve essere un indirizzo web"],
    ["an idea of another group", {}, [["Il wifi", `idea:${0}`]], "non è di questo gruppo"],
    ["a forged reference", {}, [["Punto", "idea:abc"]], "non è di questo gruppo"],
    ["an item linked without a title", {}, [["", `obiettivo:1`]], "ha bisogno anche del titolo"],
    [
      "thirteen agenda items",
      {},
      Array.from({ length: 13 }, (_, i) => [`Punto ${i}`, ""] as [string, string]),
      "Al massimo 12 punti",
    ],
  ];
  for (const [name, fields, items, message] of cases)
    it(`refuses ${name} with the field's message, keeping what was typed`, async () => {
      const refs = items.map(
        ([title, ref]) => [title, ref.replace("idea:0", `idea:${foreignIdea.id}`)] as [string, string],
      );
      const title = `Riunione da correggere ${Math.random().toString(36).slice(2, 8)}`;
      await refused(
        () => leader.post("/riunioni/nuova?gruppo=logistica", {}, { body: meetingForm({ title, ...fields }, refs) }),
        400,
        message,
      );
      const page = await (
        await leader.post("/riunioni/nuova?gruppo=logistica", {}, { body: meetingForm({ title, ...fields }, refs) })
      ).text();
      if (fields.title === undefined) expect(page).toContain(`value="${title}"`);
      expect(page).toContain("Il modulo contiene errori");
    });
});

describe("the invitation by e-mail", () => {
  it("reaches each member with an event at the right time in Rome on both sides of the October change", async () => {
    // The clocks go back on the last Sunday of October 2027, the 31st, at 03:00.
    const before = await call(leader, { day: "2027-10-29", start: "10:00", end: "11:30" }, [
      ["Il totem", `idea:${idea.id}`],
    ]);
    const on = await call(leader, { day: "2027-10-31", start: "10:00", end: "11:00" });
    const after = await call(leader, {
      day: "2027-11-02",
      start: "09:30",
      end: "10:15",
      place: "",
      videoUrl: "https://video.test.example/logistica",
    });
    const expected = [
      [before, "2027-10-29T08:00:00.000Z", "2027-10-29T09:30:00.000Z"],
      [on, "2027-10-31T09:00:00.000Z", "2027-10-31T10:00:00.000Z"],
      [after, "2027-11-02T08:30:00.000Z", "2027-11-02T09:15:00.000Z"],
    ] as const;
    for (const [meeting, start, end] of expected) {
      expect(meeting.startsAt.toISOString()).toBe(start);
      const [mail] = await waitForInvitations("membro@test.example", `riunione-${meeting.id}@`, 1);
      expect(mail!.mail.subject).toContain(meeting.title);
      if (meeting === before) expect(mail!.mail.text).toMatch(/Ordine del giorno[\s\S]*Il totem/);
      const { method, events } = parse(calendarOf(mail!));
      expect(method).toBe("REQUEST");
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        uid: `riunione-${meeting.id}@${new URL(h.server.url).host}`,
        sequence: 0,
        start,
        end,
        tzid: "Europe/Rome",
        status: "CONFIRMED",
        organizer: "mailto:pionieri@test.example",
        attendee: "mailto:membro@test.example",
      });
      expect(events[0]!.summary).toBe(`${meeting.title} (Logistica)`);
    }
    const raw = calendarOf(invitationsTo("membro@test.example", `riunione-${after.id}@`)[0]!);
    expect(parse(raw).events[0]!.location).toBe("https://video.test.example/logistica");
    // Lines are folded at 75 octets and end with CRLF, as RFC 5545 asks.
    for (const line of raw.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    // The caller, a colleague outside the group, and a member who chose "never" receive none;
    // that member still has the notice in Pionieri.
    await sleep(500);
    expect(invitationsTo("leader.logistica@test.example", `riunione-${before.id}@`)).toEqual([]);
    expect(invitationsTo("dipendente@test.example", `riunione-${before.id}@`)).toEqual([]);
    expect(invitationsTo(quiet.email, `riunione-${before.id}@`)).toEqual([]);
    expect(
      await h.server.db.notification.count({ where: { userId: quiet.id, kind: "MEETING", meetingId: before.id } }),
    ).toBe(1);
  });

  it("is sent again with SEQUENCE raised when the meeting changes, and as CANCEL when it is cancelled", async () => {
    const meeting = await call(leader, { day: inDays(20), start: "09:00", end: "10:00" });
    await waitForInvitations("membro@test.example", `riunione-${meeting.id}@`, 1);
    const changed = await leader.post(
      `/riunioni/${meeting.id}/modifica`,
      {},
      { body: meetingForm({ title: meeting.title, day: inDays(21), start: "16:00", end: "17:00" }) },
    );
    expect(changed.status).toBe(302);
    const [, update] = await waitForInvitations("membro@test.example", `riunione-${meeting.id}@`, 2);
    const updated = parse(calendarOf(update!));
    expect(updated.method).toBe("REQUEST");
    expect(updated.events[0]!.sequence).toBe(1);
    expect(updated.events[0]!.uid).toBe(`riunione-${meeting.id}@${new URL(h.server.url).host}`);
    expect(new Date(updated.events[0]!.start).getTime()).toBe(
      (await h.server.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).startsAt.getTime(),
    );
    expect(update!.mail.subject).toContain("è cambiata");

    const cancelled = await leader.post(`/riunioni/${meeting.id}`, { intent: "cancel" });
    expect(cancelled.status).toBe(302);
    const [, , cancel] = await waitForInvitations("membro@test.example", `riunione-${meeting.id}@`, 3);
    const parsed = parse(calendarOf(cancel!));
    expect(parsed.method).toBe("CANCEL");
    expect(parsed.events[0]).toMatchObject({ sequence: 2, status: "CANCELLED" });
    expect(cancel!.mail.subject).toContain("è annullata");
    // Cancelled: shown as such, no more changes, answers or cancellations.
    expect(await text(await member.get(`/riunioni/${meeting.id}`))).toContain("Annullata");
    await refused(() => member.post(`/riunioni/${meeting.id}`, { intent: "respond", answer: "SI" }), 409, "annullata");
    await refused(() => leader.post(`/riunioni/${meeting.id}`, { intent: "cancel" }), 409, "annullata");
    await refused(
      () => leader.post(`/riunioni/${meeting.id}/modifica`, {}, { body: meetingForm({ title: "Di nuovo" }) }),
      409,
      "annullata",
    );
  });

  it("is in each member's calendar feed, with the same UID and SEQUENCE", async () => {
    const meeting = await call(leader, { day: "2027-10-29", start: "15:00", end: "16:00" });
    const made = await member.post("/profilo", { intent: "calendar" });
    const token = /\/calendario\/([A-Za-z0-9_-]{20,})\.ics/.exec(await made.text())![1]!;
    const feed = await new Client(h.server.url).get(`/calendario/${token}.ics`);
    expect(feed.status).toBe(200);
    const parsed = parse(await feed.text());
    const event = parsed.events.find((e) => e.uid === `riunione-${meeting.id}@${new URL(h.server.url).host}`);
    expect(event).toMatchObject({ sequence: 0, start: "2027-10-29T13:00:00.000Z", status: "CONFIRMED" });
    // Not in the feed of a colleague outside the group.
    const other = await employee.post("/profilo", { intent: "calendar" });
    const otherToken = /\/calendario\/([A-Za-z0-9_-]{20,})\.ics/.exec(await other.text())![1]!;
    expect(await (await new Client(h.server.url).get(`/calendario/${otherToken}.ics`)).text()).not.toContain(
      meeting.id,
    );
  });
});

describe("answers", () => {
  it("come from the group's people until the start; names only for those who run it", async () => {
    const meeting = await call(leader);
    expect((await member.post(`/riunioni/${meeting.id}`, { intent: "respond", answer: "SI" })).status).toBe(302);
    expect((await member.post(`/riunioni/${meeting.id}`, { intent: "respond", answer: "FORSE" })).status).toBe(302);
    expect((await leader.post(`/riunioni/${meeting.id}`, { intent: "respond", answer: "NO" })).status).toBe(302);
    expect(await h.server.db.meetingResponse.count({ where: { meetingId: meeting.id } })).toBe(2);
    for (const client of [employee, observer, board, otherLeader])
      await refused(() => client.post(`/riunioni/${meeting.id}`, { intent: "respond", answer: "SI" }), 403);
    await refused(
      () => member.post(`/riunioni/${meeting.id}`, { intent: "respond", answer: "TANTO" }),
      400,
      "Scegli una risposta.",
    );
    const seenByEmployee = await text(await employee.get(`/riunioni/${meeting.id}`));
    expect(seenByEmployee).toContain("Partecipo: 0 · Forse: 1 · Non partecipo: 1");
    expect(seenByEmployee).not.toContain("Marta Membro");
    expect(seenByEmployee).not.toContain("Lia Logistica</");
    const seenByMember = await text(await member.get(`/riunioni/${meeting.id}`));
    expect(seenByMember).not.toContain("Chi ha risposto");
    for (const client of [leader, board]) {
      const page = await text(await client.get(`/riunioni/${meeting.id}`));
      expect(page).toContain("Chi ha risposto");
      expect(page).toContain("Marta Membro");
    }
    // Once it started, answers are closed (409), and so are changes and the cancellation.
    await h.server.db.meeting.update({
      where: { id: meeting.id },
      data: { startsAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() + 3_600_000) },
    });
    await refused(
      () => member.post(`/riunioni/${meeting.id}`, { intent: "respond", answer: "SI" }),
      409,
      "già iniziata",
    );
    await refused(() => leader.post(`/riunioni/${meeting.id}`, { intent: "cancel" }), 409, "già iniziata");
    expect((await leader.get(`/riunioni/${meeting.id}/modifica`)).status).toBe(409);
  });
});

describe("the meeting's page", () => {
  it("shows the agenda in its order with its links, who called it, and each person's own answer", async () => {
    const { db } = h.server;
    const objective = await buildObjective(db, {
      groupId: h.scenario.groups.logistica!.id,
      title: "Segnaletica entro marzo",
      startOn: inDays(1),
      dueOn: inDays(60),
    });
    const meeting = await call(leader, {}, [
      ["Prima il totem", `idea:${idea.id}`],
      ["Poi la segnaletica", `obiettivo:${objective.id}`],
      ["Infine le varie", ""],
    ]);
    expect((await member.post(`/riunioni/${meeting.id}`, { intent: "respond", answer: "FORSE" })).status).toBe(302);
    expect((await leader.post(`/riunioni/${meeting.id}`, { intent: "respond", answer: "SI" })).status).toBe(302);

    const seenByMember = await text(await member.get(`/riunioni/${meeting.id}`));
    expect(seenByMember).toContain("Convocata da Lia Logistica");
    expect(seenByMember).toContain("La tua risposta: Forse.");
    expect(seenByMember).toContain("Partecipo: 1 · Forse: 1 · Non partecipo: 0");
    const agenda = ["Prima il totem", "Poi la segnaletica", "Infine le varie"].map((title) =>
      seenByMember.indexOf(title),
    );
    expect(agenda.every((at, i) => at > 0 && (i === 0 || at > agenda[i - 1]!))).toBe(true);
    const html = await (await member.get(`/riunioni/${meeting.id}`)).text();
    expect(html).toContain(`href="/idee/${idea.id}"`);
    expect(html).toContain(`href="/obiettivi/${objective.id}"`);
    expect(seenByMember).toContain("Segnaletica entro marzo");

    // A colleague who did not answer sees the counts, and no answer of their own.
    const seenByEmployee = await text(await employee.get(`/riunioni/${meeting.id}`));
    expect(seenByEmployee).toContain("Partecipo: 1 · Forse: 1");
    expect(seenByEmployee).not.toContain("La tua risposta");
    // Those who run it see the names in alphabetical order, each with their answer.
    const seenByLeader = await text(await leader.get(`/riunioni/${meeting.id}`));
    expect(seenByLeader).toContain("La tua risposta: Partecipo.");
    const names = seenByLeader.slice(seenByLeader.indexOf("Chi ha risposto"));
    expect(names.indexOf("Lia Logistica")).toBeGreaterThan(0);
    expect(names.indexOf("Lia Logistica")).toBeLessThan(names.indexOf("Marta Membro"));
  });

  it("answers 404 for a meeting that does not exist", async () => {
    expect((await member.get("/riunioni/nonesiste0000")).status).toBe(404);
  });
});

describe("minutes and decisions", () => {
  it("move an idea through its own workflow, in its story with a link to the meeting", async () => {
    const { db } = h.server;
    const meeting = await call(leader, {}, [
      ["Il totem", `idea:${idea.id}`],
      ["Varie", ""],
    ]);
    const items = await db.meetingItem.findMany({ where: { meetingId: meeting.id }, orderBy: { position: "asc" } });
    const minutes = (extra: Record<string, string>) => {
      const body = new URLSearchParams({ intent: "minutes", minutes: "## Presenti\n\nIn sei." });
      for (const item of items) body.append("itemId", item.id);
      for (const [name, value] of Object.entries(extra)) body.set(name, value);
      return body;
    };
    // Not before it starts.
    await refused(() => leader.post(`/riunioni/${meeting.id}`, {}, { body: minutes({}) }), 409, "dopo l'inizio");
    await db.meeting.update({
      where: { id: meeting.id },
      data: { startsAt: new Date(Date.now() - 2 * 3_600_000), endsAt: new Date(Date.now() - 3_600_000) },
    });
    // Not by a member, and not a step the workflow does not have (nothing written, minutes neither).
    await refused(() => member.post(`/riunioni/${meeting.id}`, {}, { body: minutes({}) }), 403);
    await refused(
      () => leader.post(`/riunioni/${meeting.id}`, {}, { body: minutes({ [`status-${items[0]!.id}`]: "ACCOLTA" }) }),
      400,
      "non è possibile per l'idea",
    );
    await refused(
      () =>
        leader.post(`/riunioni/${meeting.id}`, {}, { body: minutes({ [`status-${items[1]!.id}`]: "IN_DISCUSSIONE" }) }),
      400,
      "non è possibile per l'idea",
    );
    const done = await leader.post(
      `/riunioni/${meeting.id}`,
      {},
      {
        body: minutes({
          [`decision-${items[0]!.id}`]: "Si prova per due settimane.",
          [`status-${items[0]!.id}`]: "IN_DISCUSSIONE",
          [`decision-${items[1]!.id}`]: "Nessuna.",
        }),
      },
    );
    expect(done.status).toBe(302);
    expect((await db.idea.findUniqueOrThrow({ where: { id: idea.id } })).status).toBe("IN_DISCUSSIONE");
    const event = await db.ideaEvent.findFirstOrThrow({ where: { ideaId: idea.id, kind: "STATUS" } });
    expect(event).toMatchObject({
      meetingId: meeting.id,
      toStatus: "IN_DISCUSSIONE",
      reason: "Si prova per due settimane.",
    });
    const page = await text(await member.get(`/riunioni/${meeting.id}`));
    expect(page).toContain("Presenti");
    expect(page).toContain("l'idea passa a «In discussione»");
    const ideaPage = await (await member.get(`/idee/${idea.id}`)).text();
    expect(ideaPage).toContain(`href="/riunioni/${meeting.id}"`);
    expect(ideaPage).toContain("Deciso nella riunione");
    // The author follows the idea: the decision reaches them as a status notice, with its reason.
    await noticesSettled(db, 20_000);
    expect(
      await db.notification.count({ where: { userId: h.scenario.users.member.id, kind: "STATUS", ideaId: idea.id } }),
    ).toBe(1);
  });
});

describe("the group's page", () => {
  it("lists the coming and past meetings, and offers to call one only to those who may", async () => {
    const meeting = await call(leader, { title: "Riunione sulla pagina del gruppo" });
    const seen = await text(await employee.get("/gruppi/logistica"));
    expect(seen).toContain("Riunione sulla pagina del gruppo");
    expect(seen).not.toContain("Nuova riunione");
    expect(await leader.get("/gruppi/logistica").then((r) => r.text())).toContain(`/riunioni/nuova?gruppo=logistica`);
    expect(meeting.groupId).toBe(h.scenario.groups.logistica!.id);
  });
});
