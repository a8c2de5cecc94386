import { randomBytes } from "node:crypto";
import type { Actor } from "~/lib/actor";
import { db } from "~/lib/db/client.server";
import { httpError } from "~/lib/http.server";
import { contentVersion, whileUnchanged } from "~/lib/db/cache.server";
import { audit } from "./audit.server";
import { touchSource } from "./findings.server";
import { METHOD_QUESTIONS, OBSERVE_LIMITS, type SurveyStatus } from "./observation";
import { assertCan } from "./policy.server";

/**
 * Satisfaction surveys (issue 15): the Cabina writes the questions, each place gets a QR
 * poster's address and a kiosk's, citizens answer without an account, and their free texts wait
 * for a moderator before staff read them.
 */

const secret = () => randomBytes(16).toString("base64url");

export async function createSurvey(actor: Actor, input: { title: string; placeIds: string[] }) {
  assertCan(actor, "survey.manage");
  const places = await db.place.count({ where: { id: { in: input.placeIds }, archived: false } });
  if (input.placeIds.length === 0) return { ok: false as const, field: "placeIds", key: "obs.placesRequired" as const };
  if (places !== input.placeIds.length)
    return { ok: false as const, field: "placeIds", key: "obs.unknownPlace" as const };
  const id = await db.$transaction(async (tx) => {
    const survey = await tx.survey.create({
      data: {
        title: input.title,
        createdById: actor.id,
        questions: {
          create: METHOD_QUESTIONS.map((question, position) => ({
            position,
            topic: question.topic,
            textIt: question.it,
            textEn: question.en,
          })),
        },
        places: { create: input.placeIds.map((placeId) => ({ placeId, token: secret(), kioskToken: secret() })) },
      },
    });
    await audit(tx, actor.id, "surveys.create", survey.id, { title: input.title });
    return survey.id;
  });
  return { ok: true as const, id };
}

export async function listSurveys() {
  const surveys = await db.survey.findMany({
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      status: true,
      openedAt: true,
      closedAt: true,
      _count: { select: { responses: true, places: true } },
    },
  });
  return surveys.map(({ _count, ...survey }) => ({ ...survey, responses: _count.responses, places: _count.places }));
}

export async function getSurvey(id: string) {
  // Read before the survey: what a page draws from its questions and places is kept under it.
  const drawnFrom = contentVersion();
  return { ...(await readSurvey(id)), drawnFrom };
}

function readSurvey(id: string) {
  // Read by every page of the survey and by its writes; the survey, its questions and places
  // change far less often than they are read (the content version covers all three).
  return whileUnchanged(`survey:${id}`, async () => {
    const survey = await db.survey.findUnique({
      where: { id },
      select: {
        id: true,
        title: true,
        status: true,
        openedAt: true,
        closedAt: true,
        createdAt: true,
        questions: { orderBy: { position: "asc" }, select: { id: true, topic: true, textIt: true, textEn: true } },
        places: {
          orderBy: { place: { position: "asc" } },
          select: { id: true, token: true, kioskToken: true, place: { select: { id: true, name: true } } },
        },
      },
    });
    if (!survey) httpError(404);
    return { ...survey, status: survey.status as SurveyStatus };
  });
}

/** Questions change only while the survey is a draft: once it opens, answers would stop being comparable. */
async function draft(id: string) {
  const survey = await db.survey.findUnique({
    where: { id },
    select: { status: true, _count: { select: { responses: true, questions: true } } },
  });
  if (!survey) httpError(404);
  if (survey.status !== "BOZZA" || survey._count.responses > 0) httpError(409, "survey.notDraft");
  return survey;
}

export async function addQuestion(actor: Actor, surveyId: string, input: { textIt: string; textEn: string }) {
  assertCan(actor, "survey.manage");
  const survey = await draft(surveyId);
  if (survey._count.questions >= OBSERVE_LIMITS.questions) httpError(409, "survey.tooManyQuestions");
  const last = await db.surveyQuestion.aggregate({ where: { surveyId }, _max: { position: true } });
  await db.$transaction(async (tx) => {
    const question = await tx.surveyQuestion.create({
      data: { surveyId, position: (last._max.position ?? -1) + 1, textIt: input.textIt, textEn: input.textEn },
    });
    await audit(tx, actor.id, "survey.question.add", surveyId, { question: question.id, text: input.textIt });
  });
}

export async function removeQuestion(actor: Actor, surveyId: string, questionId: string) {
  assertCan(actor, "survey.manage");
  const survey = await draft(surveyId);
  if (survey._count.questions <= 1) httpError(409, "survey.lastQuestion");
  const question = await db.surveyQuestion.findFirst({ where: { id: questionId, surveyId }, select: { textIt: true } });
  if (!question) httpError(404);
  await db.$transaction(async (tx) => {
    await tx.surveyQuestion.delete({ where: { id: questionId } });
    await audit(tx, actor.id, "survey.question.remove", surveyId, { text: question.textIt });
  });
}

/** Places may be added at any time (a new counter joins); one with answers is never taken away. */
export async function addSurveyPlace(actor: Actor, surveyId: string, placeId: string) {
  assertCan(actor, "survey.manage");
  await getSurvey(surveyId);
  const place = await db.place.findFirst({ where: { id: placeId, archived: false }, select: { name: true } });
  if (!place) httpError(400, "obs.unknownPlace");
  const exists = await db.surveyPlace.findUnique({ where: { surveyId_placeId: { surveyId, placeId } } });
  if (exists) return;
  await db.$transaction(async (tx) => {
    await tx.surveyPlace.create({ data: { surveyId, placeId, token: secret(), kioskToken: secret() } });
    await audit(tx, actor.id, "survey.place.add", surveyId, { place: place.name });
  });
}

export async function setSurveyStatus(actor: Actor, surveyId: string, status: "APERTO" | "CHIUSO") {
  assertCan(actor, "survey.manage");
  const survey = await getSurvey(surveyId);
  const allowed = status === "APERTO" ? survey.status !== "APERTO" : survey.status === "APERTO";
  if (!allowed) httpError(409, "survey.badStatus");
  await db.$transaction(async (tx) => {
    await tx.survey.update({
      where: { id: surveyId },
      data:
        status === "APERTO"
          ? { status, openedAt: survey.openedAt ?? new Date(), closedAt: null }
          : {
              status,
              closedAt: new Date(),
            },
    });
    await audit(tx, actor.id, status === "APERTO" ? "surveys.open" : "surveys.close", surveyId, {
      title: survey.title,
    });
  });
}

/** The free texts waiting for a moderator, oldest first. */
export async function moderationQueue(actor: Actor, surveyId: string) {
  assertCan(actor, "survey.moderate");
  await getSurvey(surveyId);
  return db.surveyResponse.findMany({
    where: { surveyId, textStatus: "DA_LEGGERE" },
    orderBy: [{ day: "asc" }, { id: "asc" }],
    take: 50,
    select: { id: true, day: true, freeText: true, via: true, placeId: true },
  });
}

/**
 * Publishes a free text as the moderator leaves it (they may cut out a name, a phone number,
 * an insult), or discards it. Only published texts reach staff pages and the export.
 */
export async function moderate(
  actor: Actor,
  surveyId: string,
  responseId: string,
  decision: { publish: true; text: string } | { publish: false },
) {
  assertCan(actor, "survey.moderate");
  const response = await db.surveyResponse.findFirst({
    where: { id: responseId, surveyId },
    select: { freeText: true, textStatus: true },
  });
  if (!response || response.textStatus === null) httpError(404);
  const redacted = decision.publish && decision.text !== response.freeText;
  await db.$transaction(async (tx) => {
    await tx.surveyResponse.update({
      where: { id: responseId },
      data: decision.publish
        ? { freeText: decision.text, textStatus: "PUBBLICATO", moderatedById: actor.id }
        : { freeText: null, textStatus: "SCARTATO", moderatedById: actor.id },
    });
    await audit(tx, actor.id, decision.publish ? "citizenText.publish" : "citizenText.discard", surveyId, {
      response: responseId,
      redacted,
    });
  });
  // The published texts are kept with the survey's figures (findings.server.ts).
  touchSource(surveyId);
}

/** Every answer of a survey for the CSV export: free texts only once published. */
export async function responseRows(surveyId: string) {
  return db.surveyResponse.findMany({
    where: { surveyId },
    orderBy: [{ day: "asc" }, { id: "asc" }],
    select: {
      id: true,
      day: true,
      via: true,
      placeId: true,
      freeText: true,
      textStatus: true,
      service: { select: { name: true } },
      answers: { select: { questionId: true, score: true } },
    },
  });
}
