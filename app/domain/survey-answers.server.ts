import { db } from "~/lib/db/client.server";
import { today, weekOf } from "~/lib/days";
import { httpError } from "~/lib/http.server";
import { refreshIndicators } from "./findings.server";

/**
 * The citizens' side of a survey (issue 15): what the poster's and the kiosk's pages show, and
 * one citizen's answers. Apart from surveys.server.ts so that the public pages carry nothing of
 * the staff's side.
 */

/** What a citizen's page needs, found by the poster's token or the kiosk's; null for an unknown one. */
export async function publicSurvey(by: "QR" | "CHIOSCO", token: string) {
  const target = await db.surveyPlace.findUnique({
    where: by === "QR" ? { token } : { kioskToken: token },
    select: {
      surveyId: true,
      placeId: true,
      place: { select: { name: true } },
      survey: {
        select: {
          title: true,
          status: true,
          questions: { orderBy: { position: "asc" }, select: { id: true, textIt: true, textEn: true } },
        },
      },
    },
  });
  if (!target) return null;
  const services = await db.service.findMany({
    where: { archived: false },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, name: true },
  });
  return {
    surveyId: target.surveyId,
    placeId: target.placeId,
    place: target.place.name,
    title: target.survey.title,
    open: target.survey.status === "APERTO",
    questions: target.survey.questions,
    services,
  };
}

export type PublicSurvey = NonNullable<Awaited<ReturnType<typeof publicSurvey>>>;

/**
 * One citizen's answers, written together or not at all. The survey and place come from the
 * address's token alone, never from the form. Only the day is stored.
 */
export async function answerSurvey(
  target: PublicSurvey,
  via: "QR" | "CHIOSCO",
  input: { scores: Record<string, number | null>; serviceId: string | null; freeText: string },
) {
  if (!target.open) httpError(409, "survey.closed");
  if (input.serviceId && !target.services.some((service) => service.id === input.serviceId))
    httpError(400, "survey.badAnswer");
  const day = today();
  await db.$transaction(async (tx) => {
    await tx.surveyResponse.create({
      data: {
        surveyId: target.surveyId,
        placeId: target.placeId,
        serviceId: input.serviceId,
        day,
        via,
        freeText: input.freeText || null,
        textStatus: input.freeText ? "DA_LEGGERE" : null,
        answers: {
          create: target.questions
            .filter((question) => question.id in input.scores)
            .map((question) => ({
              surveyId: target.surveyId,
              placeId: target.placeId,
              serviceId: input.serviceId,
              week: weekOf(day),
              questionId: question.id,
              score: input.scores[question.id] ?? null,
            })),
        },
      },
    });
  });
  await refreshIndicators(target.surveyId);
}
