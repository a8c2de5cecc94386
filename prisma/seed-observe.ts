/**
 * Observation campaigns and surveys made up for the demo, the benchmark and the tests (issue 15):
 * a campaign's visits with a morning peak and one clearly slower office (the Anagrafe), and a
 * survey's answers. Fixed-seed random numbers: the same data on every machine.
 */
import { randomBytes } from "node:crypto";
import { METHOD_QUESTIONS } from "../app/domain/observation";
import { weekOf } from "../app/lib/days";
import type { Prisma, PrismaClient } from "../app/generated/prisma/client";

export const PLACES = [
  "Ingresso e accoglienza",
  "Anagrafe",
  "Stato civile",
  "Ufficio tributi",
  "Servizi sociali",
  "Protocollo",
] as const;
export const SERVICES = [
  "Carta d'identità",
  "Cambio di residenza",
  "Certificati",
  "TARI",
  "Contributi e assistenza",
  "Consegna documenti",
] as const;

export function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The places and services (created when missing), by name. */
export async function catalogue(db: PrismaClient) {
  for (const [position, name] of PLACES.entries())
    await db.place.upsert({ where: { name }, create: { name, position }, update: {} });
  for (const [position, name] of SERVICES.entries())
    await db.service.upsert({ where: { name }, create: { name, position }, update: {} });
  const places = await db.place.findMany({ where: { name: { in: [...PLACES] } } });
  const services = await db.service.findMany({ where: { name: { in: [...SERVICES] } } });
  const byName = <T extends { name: string }>(rows: T[], names: readonly string[]) =>
    names.map((name) => rows.find((row) => row.name === name)!);
  return { places: byName(places, PLACES), services: byName(services, SERVICES) };
}

const DAY_MS = 86_400_000;
function days(from: string, to: string) {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T12:00:00Z`); t <= Date.parse(`${to}T12:00:00Z`); t += DAY_MS) {
    const weekday = (new Date(t).getUTCDay() + 6) % 7;
    if (weekday < 5 || weekday === 5) out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/**
 * A campaign with `visits` visits between its dates. Arrivals peak between 9 and 11; the
 * Anagrafe's waits are about three times the others'; about a quarter of citizens go on to a
 * second office, some to a third.
 */
export async function seedCampaign(
  db: PrismaClient,
  options: {
    title: string;
    startsOn: string;
    endsOn: string;
    visits: number;
    groupId: string | null;
    createdById: string;
    recorders: string[];
    seed?: number;
    slowFactor?: number;
  },
) {
  const rand = random(options.seed ?? 15);
  const { places, services } = await catalogue(db);
  const campaign = await db.campaign.create({
    data: {
      title: options.title,
      purpose: "Capire dove vanno i cittadini al piano terra, quando arrivano e quanto aspettano.",
      groupId: options.groupId,
      startsOn: options.startsOn,
      endsOn: options.endsOn,
      createdById: options.createdById,
      places: { create: places.map((place) => ({ placeId: place.id })) },
      services: { create: services.map((service) => ({ serviceId: service.id })) },
      members: { create: [...new Set(options.recorders)].map((userId) => ({ userId })) },
    },
  });
  const open = days(options.startsOn, options.endsOn);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const firstWeights = [0.34, 0.26, 0.1, 0.14, 0.08, 0.08];
  const weighted = () => {
    let r = rand();
    for (const [index, weight] of firstWeights.entries()) {
      r -= weight;
      if (r <= 0) return index;
    }
    return 0;
  };
  const slow = options.slowFactor ?? 3;
  const visits: Prisma.VisitCreateManyInput[] = [];
  const stops: { visitId: string; position: number; placeId: string }[] = [];
  for (let index = 0; index < options.visits; index += 1) {
    const day = pick(open);
    const weekday = (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7;
    // The morning peak: most arrivals between 9 and 11; Saturday only in the morning.
    const r = rand();
    const hour =
      weekday === 5 ? 8 + Math.floor(rand() * 4) : r < 0.55 ? 9 + Math.floor(rand() * 2) : 8 + Math.floor(rand() * 10);
    const arrivalMinute = hour * 60 + Math.floor(rand() * 60);
    const first = weighted();
    const path = [first];
    if (rand() < 0.27) path.push((first + 1 + Math.floor(rand() * 5)) % 6);
    if (path.length === 2 && rand() < 0.2) path.push((path[1]! + 1 + Math.floor(rand() * 5)) % 6);
    const base = places[first]!.name === "Anagrafe" ? 6 * slow : 6;
    const waitSeconds = Math.round((base * (0.3 + rand() * 1.7) + (hour >= 9 && hour < 11 ? 4 : 0)) * 60);
    const serviceSeconds = Math.round((3 + rand() * 12) * 60);
    const outcome =
      path.length > 1 ? "RINVIATO" : rand() < 0.72 ? "RISOLTO" : rand() < 0.5 ? "INFORMAZIONI" : "TORNARE";
    const id = randomBytes(12).toString("base64url");
    visits.push({
      id,
      campaignId: campaign.id,
      recordedById: pick(options.recorders),
      day,
      arrivalMinute,
      weekday,
      hour,
      placeId: places[first]!.id,
      stopCount: path.length,
      serviceId: rand() < 0.9 ? pick(services).id : null,
      waitSeconds: rand() < 0.95 ? waitSeconds : null,
      serviceSeconds: outcome === "INFORMAZIONI" ? null : serviceSeconds,
      outcome,
      channel: pick(["SPONTANEO", "SPONTANEO", "SPONTANEO", "APPUNTAMENTO", "TELEFONO", "WEB", "RINVIO"]),
      note: "",
    });
    path.forEach((placeIndex, position) => stops.push({ visitId: id, position, placeId: places[placeIndex]!.id }));
  }
  for (let start = 0; start < visits.length; start += 2000)
    await db.visit.createMany({ data: visits.slice(start, start + 2000) });
  for (let start = 0; start < stops.length; start += 4000)
    await db.visitStop.createMany({ data: stops.slice(start, start + 4000) });
  return campaign;
}

const COMMENTS = [
  "Personale gentilissimo, ma l'attesa è stata lunga.",
  "Non sapevo quali documenti portare: sul sito non era chiaro.",
  "Tutto veloce, grazie!",
  "Il modulo per la residenza è difficile da capire.",
  "Sarebbe utile poter prendere appuntamento online.",
  "Mi hanno mandato in tre uffici diversi per una sola pratica.",
];

/** A survey with the method's questions at the given places and `responses` answers between two days. */
export async function seedSurvey(
  db: PrismaClient,
  options: {
    title: string;
    from: string;
    to: string;
    responses: number;
    createdById: string;
    status?: "APERTO" | "CHIUSO";
    seed?: number;
  },
) {
  const rand = random(options.seed ?? 16);
  const { places, services } = await catalogue(db);
  const counters = [places[0]!, places[1]!, places[3]!];
  const survey = await db.survey.create({
    data: {
      title: options.title,
      status: options.status ?? "CHIUSO",
      createdById: options.createdById,
      openedAt: new Date(`${options.from}T08:00:00Z`),
      closedAt: options.status === "APERTO" ? null : new Date(`${options.to}T18:00:00Z`),
      questions: {
        create: METHOD_QUESTIONS.map((question, position) => ({
          position,
          topic: question.topic,
          textIt: question.it,
          textEn: question.en,
        })),
      },
      places: {
        create: counters.map((place) => ({
          placeId: place.id,
          token: randomBytes(16).toString("base64url"),
          kioskToken: randomBytes(16).toString("base64url"),
        })),
      },
    },
    include: { questions: true },
  });
  const open = days(options.from, options.to);
  const responses: {
    id: string;
    surveyId: string;
    placeId: string;
    serviceId: string | null;
    day: string;
    via: string;
    freeText: string | null;
    textStatus: string | null;
  }[] = [];
  const answers: Prisma.SurveyAnswerCreateManyInput[] = [];
  for (let index = 0; index < options.responses; index += 1) {
    const place = counters[Math.floor(rand() * counters.length)]!;
    const id = `r${randomBytes(10).toString("hex")}`;
    const withText = rand() < 0.08;
    const serviceId = rand() < 0.7 ? services[Math.floor(rand() * services.length)]!.id : null;
    const day = open[Math.floor(rand() * open.length)]!;
    responses.push({
      id,
      surveyId: survey.id,
      placeId: place.id,
      serviceId,
      day,
      via: rand() < 0.6 ? "QR" : "CHIOSCO",
      freeText: withText ? COMMENTS[Math.floor(rand() * COMMENTS.length)]! : null,
      textStatus: withText ? (rand() < 0.6 ? "PUBBLICATO" : "DA_LEGGERE") : null,
    });
    for (const question of survey.questions) {
      if (rand() < 0.05) continue;
      // Waiting at the Anagrafe is what citizens like least.
      const low = place.name === "Anagrafe" && question.topic === "ATTESA" ? 1.6 : 0;
      const score = rand() < 0.06 ? null : Math.max(1, Math.min(5, Math.round(2.4 + rand() * 2.8 - low)));
      answers.push({
        responseId: id,
        surveyId: survey.id,
        placeId: place.id,
        serviceId,
        week: weekOf(day),
        questionId: question.id,
        score,
      });
    }
  }
  for (let start = 0; start < responses.length; start += 2000)
    await db.surveyResponse.createMany({ data: responses.slice(start, start + 2000) });
  for (let start = 0; start < answers.length; start += 5000)
    await db.surveyAnswer.createMany({ data: answers.slice(start, start + 5000) });
  return survey;
}
