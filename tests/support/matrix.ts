/**
 * The authorization matrix: every route file's loader and action × every kind of person, with the
 * answer each must get, and the fixture its requests point at. Shared by the matrix's own test
 * (tests/integration/authorization-matrix.test.ts), which also checks that every route file has
 * an entry, and by the accessibility test, which opens every page of it as everyone who may read it.
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { seedCampaign, seedSurvey } from "../../prisma/seed-observe";
import { buildComment, buildIdea, buildObjective, buildStatusChange } from "./factories";
import type { useServer } from "./harness";
import { inDays } from "./days";

export const ACTORS = [
  "anonymous",
  "observer",
  "employee",
  "author",
  "leader",
  "otherLeader",
  "board",
  "admin",
  "deactivated",
] as const;
export type ActorName = (typeof ACTORS)[number];
/** "login": sent to /login (anonymous, or a session that stopped being valid). "write": 302/303 and rows changed. */
export type Answer = 200 | 400 | 401 | 403 | 404 | 409 | 410 | "login" | "redirect" | "write";
export type Row = Record<ActorName, Answer>;

export const EMAILS: Record<Exclude<ActorName, "anonymous">, string> = {
  observer: "osservatore@test.example",
  employee: "dipendente@test.example",
  author: "membro@test.example",
  leader: "leader.logistica@test.example",
  otherLeader: "leader.informatica@test.example",
  board: "cabina@test.example",
  admin: "admin@test.example",
  deactivated: "inattivo@test.example",
};

export type Harness = ReturnType<typeof useServer>;

/** The matrix's rows and the records they point at (made by `arrange`, once the server runs). */
export function authorizationMatrix(harness: Harness) {
  let fixture: Fixture;

  /** Everyone logged in gets `answer`; anonymous and deactivated accounts go to the login page. */
  const members = (answer: Answer): Row => ({ ...byActor(() => answer), anonymous: "login", deactivated: "login" });
  const everyone = (answer: Answer): Row => byActor(() => answer);
  /** Only `allowed` get `yes`; other logged-in people get `no`. */
  const only = (allowed: ActorName[], yes: Answer = 200, no: Answer = 403): Row => ({
    ...byActor((actor) => (allowed.includes(actor) ? yes : no)),
    anonymous: "login",
    deactivated: "login",
  });
  function byActor(answer: (actor: ActorName) => Answer) {
    return Object.fromEntries(ACTORS.map((actor) => [actor, answer(actor)])) as Row;
  }
  const writers: ActorName[] = ["employee", "author", "leader", "otherLeader", "board", "admin"];

  /** `body` when a field comes more than once (a poll's options). */
  type Request = { path: string; form?: Record<string, string>; body?: URLSearchParams };
  type Case = { name: string; expect: Row; request: (actor: ActorName) => Promise<Request> | Request };
  type Entry = { loader?: Case[]; action?: Case[] };

  const get = (name: string, expect: Row, pathFor: (f: Fixture) => string): Case => ({
    name,
    expect,
    request: () => ({ path: pathFor(fixture) }),
  });
  const post = (name: string, expect: Row, make: (actor: ActorName) => Promise<Request> | Request): Case => ({
    name,
    expect,
    request: make,
  });

  /** A fresh idea of `logistica` by the author, for writes that change its state. */
  async function freshIdea(status = "NUOVA") {
    const { db } = harness.server;
    const { users, groups } = harness.scenario;
    const idea = await buildIdea(db, {
      title: `Idea della matrice ${Math.random()}`,
      groupId: groups.logistica!.id,
      authorId: users.member.id,
    });
    if (status !== "NUOVA")
      await buildStatusChange(db, {
        ideaId: idea.id,
        from: "NUOVA",
        to: status,
        actorId: users.leader.id,
        reason: "Per la matrice",
      });
    return idea;
  }
  async function freshComment() {
    const idea = await freshIdea();
    const comment = await buildComment(harness.server.db, {
      ideaId: idea.id,
      authorId: harness.scenario.users.member.id,
      body: "Un commento dell'autrice",
    });
    return { idea, comment };
  }
  async function freshObjective() {
    return buildObjective(harness.server.db, {
      groupId: harness.scenario.groups.logistica!.id,
      title: `Obiettivo ${Math.random()}`,
      startOn: "2026-10-01",
      dueOn: "2027-03-31",
    });
  }
  /** A meeting of Logistica called by its leader, `days` from now (negative: already held). */
  async function freshMeeting(days = 10) {
    const { db } = harness.server;
    const { users, groups } = harness.scenario;
    const startsAt = new Date(Date.now() + days * 86_400_000);
    return db.meeting.create({
      data: {
        groupId: groups.logistica!.id,
        title: `Riunione della matrice ${Math.random()}`,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3_600_000),
        place: "Sala riunioni",
        createdById: users.leader.id,
        items: { create: [{ position: 0, title: "Punto unico" }] },
      },
    });
  }
  /** A challenge of the Cabina for everyone: open (the default), or closed yesterday. */
  async function freshChallenge(closed = false) {
    const day = inDays;
    return harness.server.db.challenge.create({
      data: {
        title: `Come sarebbe bello se… ${Math.random()}`,
        description: "Una sfida della matrice.",
        descriptionHtml: "<p>Una sfida della matrice.</p>",
        opensOn: day(closed ? -20 : -2),
        closesOn: day(closed ? -1 : 20),
        createdById: harness.scenario.users.board.id,
      },
    });
  }
  /** A webhook that never sends: paused, to an address nobody listens on. */
  async function pausedWebhook() {
    const hook = await harness.server.db.webhook.create({
      data: { url: "http://127.0.0.1:9/", events: '["idea.created"]', secret: "whsec_matrice", active: false },
    });
    return hook.id;
  }
  /** A CSV import checked and waiting for its confirmation: one colleague ready to invite. */
  async function checkedImport() {
    const email = `importato.${Math.random().toString(36).slice(2)}@test.example`;
    const row = { line: 2, name: "Ida", surname: "Importata", email, office: "URP", role: "DIPENDENTE" };
    const created = await harness.server.db.userImport.create({
      data: {
        createdById: harness.scenario.users.admin.id,
        fileName: "colleghi.csv",
        rows: JSON.stringify([{ ...row, groupIds: [], groupNames: [], problem: null }]),
        total: 1,
      },
    });
    return created.id;
  }

  /** A file on disk and an attachment of it, on the given page, uploaded by the author (member). */
  async function attached(owner: { ideaId?: number; objectiveId?: number; documentId?: string }, by = "member") {
    const { db, filesDir } = harness.server;
    const bytes = Buffer.from(`Allegato della matrice ${Math.random()}\n`);
    const hash = createHash("sha256").update(bytes).digest("hex");
    mkdirSync(path.join(filesDir, hash.slice(0, 2)), { recursive: true });
    writeFileSync(path.join(filesDir, hash.slice(0, 2), hash), bytes);
    await db.storedFile.create({ data: { hash, size: bytes.length, mime: "text/plain; charset=utf-8" } });
    const uploadedById = harness.scenario.users[by as "member"].id;
    const attachment = await db.attachment.create({
      data: { fileHash: hash, name: "matrice.txt", size: bytes.length, uploadedById, ...owner },
    });
    return attachment.id;
  }
  /** A version of a Logistica document, added by the author (member). */
  async function documentVersion() {
    const document = await harness.server.db.groupDocument.create({
      data: { groupId: harness.scenario.groups.logistica!.id, title: "Documento della matrice" },
    });
    return attached({ documentId: document.id });
  }

  /** An e-mail the relay refused, waiting for the administrator to send it again. */
  async function failedMail() {
    const id = `m${Date.now().toString(36)}${Math.random().toString(16).slice(2, 10)}`;
    await harness.server.db.outboxMail.create({
      data: {
        id,
        toAddress: "qualcuno@test.example",
        kind: "NOTICE",
        subject: "Un avviso",
        text: "Testo",
        html: "<p>Testo</p>",
        status: "FAILED",
        attempts: 1,
        lastError: "550 Mailbox unavailable",
      },
    });
    return id;
  }

  /** A Logistica campaign opened by its leader, which the author (member) joined, with a few visits. */
  async function freshCampaign() {
    const { users, groups } = harness.scenario;
    const campaign = await seedCampaign(harness.server.db, {
      title: `Rilevazione della matrice ${Math.random()}`,
      startsOn: "2026-10-01",
      endsOn: "2026-12-31",
      visits: 6,
      groupId: groups.logistica!.id,
      createdById: users.leader.id,
      recorders: [users.member.id],
    });
    return campaign.id;
  }
  /** A visit as the recording form sends it, with a fresh id. */
  async function visitForm(campaignId: string) {
    const place = await harness.server.db.place.findFirstOrThrow({ where: { name: "Anagrafe" } });
    return {
      visitId: `v${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`,
      day: "2026-11-02",
      arrival: "09:10",
      start: "09:25",
      end: "09:31",
      stop0: place.id,
      outcome: "RISOLTO",
      channel: "SPONTANEO",
      note: "",
      campaignId,
    };
  }
  /** A survey of the Cabina: open, or a draft whose questions may still change. */
  async function freshSurvey(status: "APERTO" | "CHIUSO" = "APERTO", responses = 8) {
    const survey = await seedSurvey(harness.server.db, {
      title: `Questionario della matrice ${Math.random()}`,
      from: "2026-10-05",
      to: "2026-10-09",
      responses,
      createdById: harness.scenario.users.board.id,
      status,
    });
    const place = await harness.server.db.surveyPlace.findFirstOrThrow({ where: { surveyId: survey.id } });
    return { id: survey.id, token: place.token, kioskToken: place.kioskToken, placeId: place.placeId };
  }
  async function draftSurvey() {
    const survey = await freshSurvey("APERTO", 0);
    await harness.server.db.survey.update({ where: { id: survey.id }, data: { status: "BOZZA" } });
    return survey.id;
  }
  /** A citizen's text waiting for a moderator. */
  async function pendingText() {
    const response = await harness.server.db.surveyResponse.create({
      data: {
        surveyId: fixture.survey.id,
        placeId: fixture.survey.placeId,
        day: "2026-10-06",
        via: "QR",
        freeText: "Attesa lunga",
        textStatus: "DA_LEGGERE",
      },
    });
    return response.id;
  }
  const citizenAnswer = (questionId: string) => ({ [`q_${questionId}`]: "4", testo: "", sito_web: "" });

  const forgedUnsubscribe = `u=nessuno&k=REPLY&t=${"A".repeat(32)}`;
  const objectiveForm = (groupId: string, extra: Record<string, string> = {}) => ({
    groupId,
    title: "Obiettivo scritto nella matrice",
    description: "",
    ownerId: "",
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
    ...extra,
  });

  const MATRIX: Record<string, Entry> = {
    "rilevazioni._index": {
      loader: [get("rilevazioni e questionari", members(200), () => "/rilevazioni")],
      action: [
        post("apre una rilevazione per Logistica", only(["leader", "board"], "write"), async () => {
          const place = await harness.server.db.place.findFirstOrThrow({ where: { name: "Anagrafe" } });
          return {
            path: "/rilevazioni",
            form: {
              intent: "campaign",
              title: "Rilevazione aperta nella matrice",
              purpose: "",
              groupId: fixture.groups.logistica.id,
              startsOn: "2026-12-01",
              endsOn: "2026-12-12",
              placeIds: place.id,
            },
          };
        }),
      ],
    },
    "rilevazioni.luoghi": {
      loader: [get("uffici, sportelli e servizi", only(["board", "admin"]), () => "/rilevazioni/luoghi")],
      action: [
        post("aggiunge uno sportello", only(["board", "admin"], "write"), () => ({
          path: "/rilevazioni/luoghi",
          form: { intent: "add", kind: "place", name: `Sportello ${Math.random().toFixed(6)}` },
        })),
      ],
    },
    "rilevazioni.confronto": {
      loader: [
        get(
          "confronto tra rilevazioni",
          members(200),
          (f) => `/rilevazioni/confronto?a=${f.campaignId}&b=${f.campaignId}`,
        ),
      ],
    },
    "rilevazioni.$id": {
      loader: [
        get("risultati di una rilevazione", members(200), (f) => `/rilevazioni/${f.campaignId}`),
        get("rilevazione inesistente", members(404), () => "/rilevazioni/cnonesiste000000"),
      ],
      action: [
        post(
          "partecipa come rilevatore (l'autrice partecipa già)",
          { ...only(["employee", "leader", "otherLeader", "board", "admin"], "write"), author: 403, observer: 403 },
          async () => ({ path: `/rilevazioni/${await freshCampaign()}`, form: { intent: "join" } }),
        ),
        post("modifica la rilevazione", only(["leader", "board"], "write"), async () => {
          const id = await freshCampaign();
          const places = await harness.server.db.campaignPlace.findMany({ where: { campaignId: id } });
          return {
            path: `/rilevazioni/${id}`,
            form: {
              intent: "edit",
              title: `Rinominata ${Math.random().toFixed(6)}`,
              purpose: "",
              startsOn: "2026-10-01",
              endsOn: "2026-12-31",
              placeIds: places[0]!.placeId,
            },
          };
        }),
      ],
    },
    "rilevazioni.$id_.visita": {
      loader: [
        get(
          "pagina per registrare le visite",
          only(["author", "observer", "leader", "board"]),
          (f) => `/rilevazioni/${f.campaignId}/visita`,
        ),
      ],
      action: [
        post("registra una visita", only(["author", "observer", "leader", "board"], "write"), async () => {
          const id = await freshCampaign();
          return { path: `/rilevazioni/${id}/visita`, form: await visitForm(id) };
        }),
      ],
    },
    "rilevazioni.$id_.coda": {
      loader: [get("la coda non ha pagina", { ...everyone(404) }, (f) => `/rilevazioni/${f.campaignId}/coda`)],
      action: [
        post(
          "visita inviata dalla coda del telefono",
          only(["author", "observer", "leader", "board"], "write"),
          async () => {
            const id = await freshCampaign();
            return { path: `/rilevazioni/${id}/coda`, form: await visitForm(id) };
          },
        ),
      ],
    },
    "rilevazioni.$id_.visite[.]csv": {
      loader: [get("visite in CSV", members(200), (f) => `/rilevazioni/${f.campaignId}/visite.csv`)],
    },
    "questionari.$id": {
      loader: [get("risultati di un questionario", members(200), (f) => `/questionari/${f.survey.id}`)],
      action: [
        post("aggiunge una domanda a una bozza", only(["board"], "write"), async () => ({
          path: `/questionari/${await draftSurvey()}`,
          form: { intent: "addQuestion", textIt: "Tornerebbe?", textEn: "Would you come back?" },
        })),
      ],
    },
    "questionari.$id_.moderazione": {
      loader: [get("testi da leggere", only(["board", "admin"]), (f) => `/questionari/${f.survey.id}/moderazione`)],
      action: [
        post("pubblica un testo", only(["board", "admin"], "write"), async () => ({
          path: `/questionari/${fixture.survey.id}/moderazione`,
          form: { responseId: await pendingText(), decision: "publish", text: "Attesa lunga" },
        })),
      ],
    },
    "questionari.$id_.risposte[.]csv": {
      loader: [get("risposte in CSV", members(200), (f) => `/questionari/${f.survey.id}/risposte.csv`)],
    },
    "questionari.$id_.manifesto.$placeId": {
      loader: [
        get("manifesto con il QR", members(200), (f) => `/questionari/${f.survey.id}/manifesto/${f.survey.placeId}`),
      ],
    },
    "q.$token": {
      loader: [
        get("questionario dal QR, senza account", everyone(200), (f) => `/q/${f.survey.token}`),
        get("QR inventato", everyone(404), () => `/q/${"x".repeat(22)}`),
      ],
      action: [
        post("un cittadino risponde dal QR", everyone("write"), async () => {
          const survey = await freshSurvey("APERTO", 0);
          const question = await harness.server.db.surveyQuestion.findFirstOrThrow({ where: { surveyId: survey.id } });
          return { path: `/q/${survey.token}`, form: citizenAnswer(question.id) };
        }),
        post("risposta a un questionario chiuso", everyone(409), async () => {
          const survey = await freshSurvey("CHIUSO", 0);
          const question = await harness.server.db.surveyQuestion.findFirstOrThrow({ where: { surveyId: survey.id } });
          return { path: `/q/${survey.token}`, form: citizenAnswer(question.id) };
        }),
      ],
    },
    "chiosco.$token": {
      loader: [
        get("chiosco", everyone(200), (f) => `/chiosco/${f.survey.kioskToken}`),
        // The poster's public address is not the kiosk's.
        get("chiosco con l'indirizzo del manifesto", everyone(404), (f) => `/chiosco/${f.survey.token}`),
      ],
      action: [
        post("un cittadino risponde al chiosco", everyone("write"), async () => {
          const survey = await freshSurvey("APERTO", 0);
          const question = await harness.server.db.surveyQuestion.findFirstOrThrow({ where: { surveyId: survey.id } });
          return { path: `/chiosco/${survey.kioskToken}`, form: citizenAnswer(question.id) };
        }),
      ],
    },
    $: {
      loader: [get("pagina inesistente", everyone(404), () => "/pagina-che-non-esiste")],
      action: [
        post("POST a pagina inesistente", everyone(404), () => ({ path: "/pagina-che-non-esiste", form: { a: "1" } })),
      ],
    },
    _index: { loader: [get("home", members(200), () => "/")] },
    accessibilita: { loader: [get("dichiarazione di accessibilità", everyone(200), () => "/accessibilita")] },
    "admin.gruppi": {
      loader: [get("gruppi (admin)", only(["admin"]), () => "/admin/gruppi")],
      action: [
        post("modifica gruppo", only(["admin"], "write"), () => ({
          path: "/admin/gruppi",
          form: {
            groupId: fixture.groups.comunicazione.id,
            name: `Comunicazione ${Math.random().toFixed(6)}`,
            description: "Nuova descrizione",
            colour: "#a66300",
            position: "30",
          },
        })),
      ],
    },
    "admin.posta": {
      loader: [get("posta in uscita", only(["admin"]), () => "/admin/posta")],
      action: [
        post("invia di nuovo un'e-mail non inviata", only(["admin"], "write"), async () => ({
          path: "/admin/posta",
          form: { intent: "resend", mailId: await failedMail() },
        })),
      ],
    },
    "admin.webhook": {
      loader: [get("webhook e registro delle consegne", only(["admin"]), () => "/admin/webhook")],
      action: [
        // A paused webhook paused again: the audit log records it; it never sends anything.
        post("sospende un webhook", only(["admin"], "write"), async () => ({
          path: "/admin/webhook",
          form: { intent: "disable", webhookId: await pausedWebhook() },
        })),
      ],
    },
    "admin.privacy": {
      loader: [get("informativa privacy (modifica)", only(["admin"]), () => "/admin/privacy")],
      action: [
        post("scrive l'informativa", only(["admin"], "write"), () => ({
          path: "/admin/privacy",
          form: { markdown: `## Titolare\n\nComune di Cesena ${Math.random().toFixed(6)}` },
        })),
      ],
    },
    "admin.temi": {
      loader: [get("temi", only(["admin"]), () => "/admin/temi")],
      action: [
        post("nuovo tema", only(["admin"], "write"), () => ({
          path: "/admin/temi",
          form: { intent: "add", kind: "CANALE", name: `Canale ${Math.random().toFixed(6)}` },
        })),
      ],
    },
    "admin.utenti": {
      loader: [get("utenti", only(["admin"]), () => "/admin/utenti")],
      action: [
        post("invito", only(["admin"], 200), () => ({
          path: "/admin/utenti",
          form: {
            intent: "invite",
            email: `nuovo.${Math.random().toString(36).slice(2)}@test.example`,
            role: "DIPENDENTE",
          },
        })),
      ],
    },
    "admin.utenti_.importa": {
      loader: [get("importazione di colleghi da CSV", only(["admin"]), () => "/admin/utenti/importa")],
      action: [
        post("conferma un'importazione controllata", only(["admin"], 200), async () => ({
          path: "/admin/utenti/importa",
          form: { intent: "run", importId: await checkedImport() },
        })),
      ],
    },
    "admin.utenti_.importa_.modello[.csv]": {
      loader: [get("modello CSV dell'importazione", only(["admin"]), () => "/admin/utenti/importa/modello.csv")],
    },
    "admin.allegati": {
      loader: [get("spazio per i file", only(["admin"]), () => "/admin/allegati")],
      action: [
        post("fissa lo spazio per persona", only(["admin"], "write"), () => ({
          path: "/admin/allegati",
          form: { quotaMb: "600" },
        })),
      ],
    },
    "allegati.$id": {
      loader: [
        get("un allegato", members(200), (f) => `/allegati/${f.attachmentId}`),
        get("un allegato che non c'è", members(404), () => "/allegati/non-esiste"),
      ],
    },
    "bench.floor": {
      loader: [get("floor del benchmark (solo in modalità bench)", everyone(404), () => "/bench/floor")],
    },
    "cabina-di-regia._index": {
      loader: [get("cruscotto", members(200), () => "/cabina-di-regia")],
      action: [
        post("decisione", only(["board"], "write"), async () => {
          const idea = await freshIdea("IN_VALUTAZIONE");
          return {
            path: "/cabina-di-regia",
            form: { intent: "decide", ideaId: String(idea.id), to: "ACCOLTA", reason: "Accolta in riunione" },
          };
        }),
      ],
    },
    "cabina-di-regia.confronto": {
      loader: [
        get(
          "confronto tra due riunioni",
          members(200),
          (f) => `/cabina-di-regia/confronto?a=${f.snapshotId}&b=${f.laterSnapshotId}`,
        ),
      ],
    },
    "cabina-di-regia.esporta.$kind": {
      loader: [get("esportazione idee", only(["board"]), () => "/cabina-di-regia/esporta/idee")],
    },
    "cabina-di-regia.riunioni.$id": {
      loader: [get("riunione", members(200), (f) => `/cabina-di-regia/riunioni/${f.snapshotId}`)],
    },
    "cabina-di-regia.riunioni.$id_.stampa": {
      loader: [get("stampa riunione", members(200), (f) => `/cabina-di-regia/riunioni/${f.snapshotId}/stampa`)],
    },
    "cabina-di-regia.riunioni._index": {
      loader: [get("riunioni", members(200), () => "/cabina-di-regia/riunioni")],
      action: [
        post("congela riunione", only(["board"], "write"), () => ({
          path: "/cabina-di-regia/riunioni",
          form: { meetingDate: "2026-11-20", notes: "Riunione" },
        })),
      ],
    },
    "calendario.$token": {
      loader: [
        get("calendario con il segreto giusto", everyone(200), (f) => `/calendario/${f.calendarToken}.ics`),
        get("calendario con un segreto inventato", everyone(404), () => `/calendario/${"a".repeat(43)}.ics`),
      ],
    },
    "crono-programma._index": { loader: [get("crono-programma", members(200), () => "/crono-programma")] },
    "crono-programma.gestione": {
      loader: [get("gestione fasi e traguardi", only(["board"]), () => "/crono-programma/gestione")],
      action: [
        post("nuovo traguardo", only(["board"], "write"), () => ({
          path: "/crono-programma/gestione",
          form: { intent: "createMilestone", title: "Traguardo", date: "2027-01-15", groupId: "" },
        })),
      ],
    },
    "crono-programma.obiettivi[.]csv": {
      loader: [get("obiettivi in CSV", members(200), () => "/crono-programma/obiettivi.csv")],
    },
    "gruppi.$slug": {
      loader: [get("pagina di gruppo", members(200), () => "/gruppi/logistica")],
      action: [
        post("entra nel gruppo", only(writers, "write"), () => ({
          path: "/gruppi/prodotti",
          form: { intent: "join" },
        })),
      ],
    },
    "gruppi.$slug_.documenti": {
      loader: [get("documenti del gruppo", members(200), () => "/gruppi/logistica/documenti")],
      action: [
        post("toglie una versione di un documento", only(["author", "leader"], "write"), async () => ({
          path: "/gruppi/logistica/documenti",
          form: { intent: "deleteAttachment", attachmentId: await documentVersion(), confirm: "1" },
        })),
      ],
    },
    "gruppi._index": { loader: [get("gruppi", members(200), () => "/gruppi")] },
    "idee.$id": {
      loader: [get("idea", members(200), (f) => `/idee/${f.idea.id}`)],
      action: [
        post("toglie un allegato dell'idea", only(["author", "leader"], "write"), async () => {
          const idea = await freshIdea();
          return {
            path: `/idee/${idea.id}`,
            form: { intent: "deleteAttachment", attachmentId: await attached({ ideaId: idea.id }), confirm: "1" },
          };
        }),
        post("sostegno", only(writers, "write"), async () => ({
          path: `/idee/${(await freshIdea()).id}`,
          form: { intent: "support" },
        })),
        post("commento (anche gli osservatori, issue 15)", only([...writers, "observer"], "write"), async () => ({
          path: `/idee/${(await freshIdea()).id}`,
          form: { intent: "comment", body: "Commento della matrice" },
        })),
        post("cambio di stato NUOVA → IN_DISCUSSIONE", only(["leader", "board"], "write"), async () => ({
          path: `/idee/${(await freshIdea()).id}`,
          form: { intent: "status", to: "IN_DISCUSSIONE", reason: "Ne discutiamo" },
        })),
        post("modifica di un commento", only(["author"], "write"), async () => {
          const { idea, comment } = await freshComment();
          return {
            path: `/idee/${idea.id}`,
            form: { intent: "editComment", commentId: String(comment.id), body: "Testo corretto" },
          };
        }),
        post("nascondi un commento", only(["leader", "board", "admin"], "write"), async () => {
          const { idea, comment } = await freshComment();
          return {
            path: `/idee/${idea.id}`,
            form: { intent: "hideComment", commentId: String(comment.id), reason: "Fuori tema" },
          };
        }),
      ],
    },
    "idee.$id_.modifica": {
      loader: [get("modifica idea", only(["author"]), (f) => `/idee/${f.idea.id}/modifica`)],
      action: [
        post("salva modifica", only(["author"], "write"), async () => ({
          path: `/idee/${(await freshIdea()).id}/modifica`,
          form: { title: "Titolo nuovo e chiaro", body: "Corpo nuovo" },
        })),
      ],
    },
    "idee._index": { loader: [get("elenco idee", members(200), () => "/idee")] },
    "idee.anteprima": {
      loader: [get("anteprima (solo POST)", everyone(404), () => "/idee/anteprima")],
      action: [
        post("anteprima Markdown (non scrive)", members(200), () => ({
          path: "/idee/anteprima",
          form: { body: "**ciao**" },
        })),
      ],
    },
    "idee.nuova": {
      loader: [get("nuova idea", only(writers), () => "/idee/nuova")],
      action: [
        post("pubblica idea", only(writers, "write"), () => ({
          path: "/idee/nuova",
          form: { title: "Un'idea nuova della matrice", body: "Il testo", groupId: fixture.groups.logistica.id },
        })),
      ],
    },
    "idee.simili": { loader: [get("idee simili", members(200), () => "/idee/simili?q=sportello")] },
    "invito.$token": {
      loader: [get("invito inesistente", everyone(404), () => `/invito/${"b".repeat(43)}`)],
      action: [
        post("accetta invito inesistente", everyone(410), () => ({
          path: `/invito/${"b".repeat(43)}`,
          form: { displayName: "X", office: "", password: "una frase lunga", passwordConfirm: "una frase lunga" },
        })),
      ],
    },
    login: {
      loader: [
        get("pagina di accesso", { ...byActor(() => "redirect"), anonymous: 200, deactivated: 200 }, () => "/login"),
      ],
      action: [
        post("password sbagliata", { ...byActor(() => "redirect"), anonymous: 401, deactivated: 401 }, (actor) => ({
          path: "/login",
          form: { email: `nessuno.${actor}@test.example`, password: "sbagliata-del-tutto" },
        })),
      ],
    },
    logout: {
      loader: [get("GET /logout", everyone("redirect"), () => "/logout")],
      action: [post("esci", everyone("redirect"), () => ({ path: "/logout", form: {} }))],
    },
    moderazione: {
      loader: [get("moderazione", only(["leader", "otherLeader", "admin"]), () => "/moderazione")],
      action: [
        post("archivia segnalazione", only(["leader", "admin"], "write"), async () => {
          const { comment } = await freshComment();
          const report = await harness.server.db.commentReport.create({
            data: { commentId: comment.id, reporterId: harness.scenario.users.employee.id, reason: "Tono" },
          });
          return { path: "/moderazione", form: { intent: "dismiss", reportId: report.id } };
        }),
      ],
    },
    notifiche: {
      loader: [get("notifiche", members(200), () => "/notifiche")],
      action: [
        post("segna tutte lette", members("write"), async (actor) => {
          const user = userOf(actor);
          if (user)
            await harness.server.db.notification.create({ data: { userId: user.id, kind: "COMMENT", data: "{}" } });
          return { path: "/notifiche", form: { intent: "readAll" } };
        }),
      ],
    },
    "obiettivi.$id": {
      loader: [get("obiettivo", members(200), (f) => `/obiettivi/${f.objective.id}`)],
      action: [
        post("aggiornamento di avanzamento", only(["leader", "board"], "write"), async () => ({
          path: `/obiettivi/${(await freshObjective()).id}`,
          form: { intent: "update", date: "2026-11-20", progress: "30", status: "IN_CORSO", note: "Avanti" },
        })),
        post("toglie un allegato dell'obiettivo", only(["leader", "board"], "write"), async () => {
          const objective = await freshObjective();
          return {
            path: `/obiettivi/${objective.id}`,
            form: {
              intent: "deleteAttachment",
              attachmentId: await attached({ objectiveId: objective.id }),
              confirm: "1",
            },
          };
        }),
      ],
    },
    "obiettivi.$id_.modifica": {
      loader: [get("modifica obiettivo", only(["leader", "board"]), (f) => `/obiettivi/${f.objective.id}/modifica`)],
      action: [
        post("salva obiettivo", only(["leader", "board"], "write"), async () => {
          const objective = await freshObjective();
          return {
            path: `/obiettivi/${objective.id}/modifica`,
            form: objectiveForm(objective.groupId, { version: String(objective.version), title: "Titolo rivisto" }),
          };
        }),
      ],
    },
    "obiettivi.nuovo": {
      loader: [get("nuovo obiettivo", only(["leader", "board"]), () => "/obiettivi/nuovo?gruppo=logistica")],
      action: [
        post("crea obiettivo", only(["leader", "board"], "write"), () => ({
          path: "/obiettivi/nuovo?gruppo=logistica",
          form: objectiveForm(fixture.groups.logistica.id),
        })),
      ],
    },
    "persone.$handle": { loader: [get("profilo pubblico", members(200), () => "/persone/dipendente")] },
    "profilo.dati[.zip]": { loader: [get("i miei dati e i miei file (ZIP)", members(200), () => "/profilo/dati.zip")] },
    "profilo.dati": { loader: [get("i miei dati (JSON)", members(200), () => "/profilo/dati")] },
    profilo: {
      loader: [get("profilo", members(200), () => "/profilo")],
      action: [
        post("cambia lingua e nome", members("write"), (actor) => ({
          path: "/profilo",
          form: { intent: "profile", displayName: `Nome ${actor}`, office: "URP", locale: "en" },
        })),
      ],
    },
    "password-dimenticata": {
      loader: [
        get(
          "password dimenticata",
          { ...byActor(() => "redirect"), anonymous: 200, deactivated: 200 },
          () => "/password-dimenticata",
        ),
      ],
      // E-mail is off here: nothing written; a signed-in colleague is sent to the profile.
      action: [
        post("chiede il link", { ...byActor(() => "redirect"), anonymous: 200, deactivated: 200 }, () => ({
          path: "/password-dimenticata",
          form: { email: "dipendente@test.example" },
        })),
      ],
    },
    disiscrizione: {
      loader: [get("disiscrizione con un link falso", everyone(400), () => `/disiscrizione?${forgedUnsubscribe}`)],
      action: [
        post("disiscrizione con un link falso", everyone(400), () => ({
          path: `/disiscrizione?${forgedUnsubscribe}`,
          form: { "List-Unsubscribe": "One-Click" },
        })),
      ],
    },
    privacy: { loader: [get("informativa privacy", everyone(200), () => "/privacy")] },
    // The machine room's probes (issue 24): open to anyone, signed in or not.
    healthz: { loader: [get("processo attivo", everyone(200), () => "/healthz")] },
    readyz: { loader: [get("pronto a servire", everyone(200), () => "/readyz")] },
    // Served only to a token or an address configured in the environment (operations.test.ts):
    // here neither is, so to nobody.
    metrics: { loader: [get("metriche Prometheus", everyone(404), () => "/metrics")] },
    // The API takes a personal access token, never the session: with a session alone, 401 for
    // everyone. Its own matrix, by token and scope, is in api.test.ts.
    "api.v1.$": {
      loader: [
        get("l'API senza token", everyone(401), () => "/api/v1/ideas"),
        get("la descrizione OpenAPI, pubblica", everyone(200), () => "/api/v1/openapi.json"),
      ],
      action: [
        post("un commento attraverso l'API senza token", everyone(401), () => ({
          path: `/api/v1/ideas/${fixture.idea.id}/comments`,
          form: { body: "Dal browser" },
        })),
      ],
    },
    // Staff polls (issue 23): everyone reads them; the Cabina asks anyone, a leader their group;
    // a group's poll is voted by its members (the author and the leader of Logistica).
    "sondaggi._index": { loader: [get("sondaggi", members(200), () => "/sondaggi")] },
    "sondaggi.nuovo": {
      loader: [get("nuovo sondaggio", only(["leader", "otherLeader", "board"]), () => "/sondaggi/nuovo")],
      action: [
        post("pubblica un sondaggio per Logistica", only(["leader", "board"], "write"), () => ({
          path: "/sondaggi/nuovo",
          body: new URLSearchParams([
            ["question", `Quale orario per la riunione plenaria? ${Math.random().toFixed(6)}`],
            ["description", ""],
            ["option", "Mattina"],
            ["option", "Pomeriggio"],
            ["multiple", "0"],
            ["showResults", "AFTER_VOTE"],
            ["endsOn", inDays(7)],
            ["audience", fixture.groups.logistica.id],
          ]),
        })),
      ],
    },
    "sondaggi.$id": {
      loader: [
        get("sondaggio di Logistica", members(200), () => `/sondaggi/${fixture.polls.group.id}`),
        get("sondaggio che non esiste", members(404), () => "/sondaggi/nonesiste00000"),
      ],
      action: [
        post("vota nel sondaggio di Logistica", only(["author", "leader"], "write"), () => ({
          path: `/sondaggi/${fixture.polls.group.id}`,
          form: { intent: "vote", option: fixture.polls.group.options[0]!.id },
        })),
        post("vota nel sondaggio per tutti", only(writers, "write"), () => ({
          path: `/sondaggi/${fixture.polls.everyone.id}`,
          form: { intent: "vote", option: fixture.polls.everyone.options[1]!.id },
        })),
        post("vota in un sondaggio chiuso", only(writers, 409), () => ({
          path: `/sondaggi/${fixture.polls.ended.id}`,
          form: { intent: "vote", option: fixture.polls.ended.options[0]!.id },
        })),
      ],
    },
    // Group meetings (issue 23): everyone reads them; the group's leaders and the Cabina call,
    // change, cancel and write the minutes; the group's people (the author and the leader) answer.
    "riunioni.nuova": {
      loader: [
        get("nuova riunione di Logistica", only(["leader", "board"]), () => "/riunioni/nuova?gruppo=logistica"),
        get("nuova riunione di un gruppo che non esiste", members(404), () => "/riunioni/nuova?gruppo=nessuno"),
      ],
      action: [
        post("convoca una riunione di Logistica", only(["leader", "board"], "write"), () => ({
          path: "/riunioni/nuova?gruppo=logistica",
          form: {
            title: `Riunione ${Math.random().toFixed(6)}`,
            day: inDays(9),
            start: "10:00",
            end: "11:00",
            place: "Sala riunioni",
            videoUrl: "",
          },
        })),
      ],
    },
    "riunioni.$id": {
      loader: [
        get("riunione di Logistica", members(200), () => `/riunioni/${fixture.meeting.id}`),
        get("riunione che non esiste", members(404), () => "/riunioni/nonesiste00000"),
      ],
      action: [
        post("risponde alla riunione di Logistica", only(["author", "leader"], "write"), () => ({
          path: `/riunioni/${fixture.meeting.id}`,
          form: { intent: "respond", answer: "SI" },
        })),
        post("annulla una riunione di Logistica", only(["leader", "board"], "write"), async () => ({
          path: `/riunioni/${(await freshMeeting()).id}`,
          form: { intent: "cancel" },
        })),
        post("scrive il verbale di una riunione svolta", only(["leader", "board"], "write"), async () => ({
          path: `/riunioni/${(await freshMeeting(-1)).id}`,
          form: { intent: "minutes", minutes: "Presenti in cinque." },
        })),
        post("risponde a una riunione già svolta", only(["author", "leader"], 409), () => ({
          path: `/riunioni/${fixture.pastMeeting.id}`,
          form: { intent: "respond", answer: "SI" },
        })),
      ],
    },
    "riunioni.$id_.modifica": {
      loader: [
        get(
          "modifica della riunione di Logistica",
          only(["leader", "board"]),
          () => `/riunioni/${fixture.meeting.id}/modifica`,
        ),
      ],
      action: [
        post("sposta una riunione di Logistica", only(["leader", "board"], "write"), async () => ({
          path: `/riunioni/${(await freshMeeting()).id}/modifica`,
          form: {
            title: "Riunione spostata",
            day: inDays(12),
            start: "15:00",
            end: "16:00",
            place: "",
            videoUrl: "https://video.test.example/stanza",
          },
        })),
      ],
    },
    // Challenges (issue 23): everyone reads them; the Cabina opens them for anyone, a leader for
    // their group; once closed, whoever could open one concludes it.
    "sfide._index": { loader: [get("sfide", members(200), () => "/sfide")] },
    "sfide.nuova": {
      loader: [get("nuova sfida", only(["leader", "otherLeader", "board"]), () => "/sfide/nuova")],
      action: [
        post("apre una sfida per Logistica", only(["leader", "board"], "write"), () => ({
          path: "/sfide/nuova",
          form: {
            title: `Come sarebbe bello se… ${Math.random().toFixed(6)}`,
            description: "Una sfida per il gruppo.",
            audience: fixture.groups.logistica.id,
            opensOn: inDays(0),
            closesOn: inDays(20),
            evidenza: "",
          },
        })),
      ],
    },
    "sfide.$id": {
      loader: [
        get("sfida aperta", members(200), () => `/sfide/${fixture.challenge.id}`),
        get("sfida che non esiste", members(404), () => "/sfide/nonesiste00000"),
      ],
      action: [
        post("conclude una sfida chiusa", only(["board"], "write"), async () => ({
          path: `/sfide/${(await freshChallenge(true)).id}`,
          form: { intent: "conclude", conclusion: "Grazie a tutti." },
        })),
        post("conclude una sfida ancora aperta", only(["board"], 409), () => ({
          path: `/sfide/${fixture.challenge.id}`,
          form: { intent: "conclude", conclusion: "Troppo presto." },
        })),
      ],
    },
    registro: { loader: [get("registro delle attività", only(["board", "admin"]), () => "/registro")] },
    "registro[.]csv": {
      loader: [get("registro delle attività (CSV)", only(["board", "admin"]), () => "/registro.csv")],
    },
  };

  function userOf(actor: ActorName) {
    const { users } = harness.scenario;
    const map: Partial<Record<ActorName, { id: string }>> = {
      observer: users.observer,
      employee: users.employee,
      author: users.member,
      leader: users.leader,
      otherLeader: users.otherLeader,
      board: users.board,
      admin: users.admin,
    };
    return map[actor];
  }

  async function arrangeFixture() {
    const { db } = harness.server;
    const { users, groups } = harness.scenario;
    const idea = await buildIdea(db, {
      title: "L'idea di cui si parla",
      groupId: groups.logistica!.id,
      authorId: users.member.id,
    });
    const objective = await freshObjective();
    const frozen = (meetingDate: string) =>
      db.snapshot.create({
        data: {
          meetingDate,
          data: JSON.stringify({
            groups: [],
            ideasByStatus: {},
            decisions: [],
            objectives: [],
            asOf: new Date().toISOString(),
          }),
          createdById: users.board.id,
        },
      });
    const snapshot = await frozen("2026-10-15");
    const later = await frozen("2026-11-12");
    const campaignId = await freshCampaign();
    const survey = await freshSurvey();
    const poll = (question: string, groupId: string | null, endsAt: Date) =>
      db.poll.create({
        data: {
          question,
          groupId,
          endsAt,
          createdById: groupId ? users.leader.id : users.board.id,
          options: { create: ["Sì", "No", "Non so"].map((label, position) => ({ label, position })) },
        },
        include: { options: { orderBy: { position: "asc" } } },
      });
    const nextWeek = new Date(Date.now() + 7 * 86_400_000);
    const polls = {
      group: await poll("Spostiamo la riunione di Logistica al giovedì?", groups.logistica!.id, nextWeek),
      everyone: await poll("Vi è utile la newsletter interna?", null, nextWeek),
      ended: await poll("Festa di fine anno in sede?", null, new Date(Date.now() - 86_400_000)),
    };
    return {
      polls,
      meeting: await freshMeeting(),
      pastMeeting: await freshMeeting(-2),
      challenge: await freshChallenge(),
      campaignId,
      survey,
      idea,
      objective,
      snapshotId: snapshot.id,
      laterSnapshotId: later.id,
      attachmentId: await attached({ ideaId: idea.id }),
      calendarToken: "",
      groups: { logistica: groups.logistica!, comunicazione: groups.comunicazione!, prodotti: groups.prodotti! },
    };
  }
  type Fixture = Awaited<ReturnType<typeof arrangeFixture>>;
  return {
    MATRIX,
    /** Makes the records the rows point at; call once the server runs. */
    async arrange() {
      fixture = await arrangeFixture();
      return fixture;
    },
  };
}
