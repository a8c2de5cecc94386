import type { LoaderFunctionArgs } from "@remix-run/node";
import { listPlaces } from "~/domain/campaigns.server";
import { getSurvey, responseRows } from "~/domain/surveys.server";
import { requireUser } from "~/lib/auth.server";
import { csvResponse, toCsv } from "~/lib/csv";
import { translator } from "~/lib/i18n";

/** Every answer of a survey as CSV: one row per citizen, one column per question; free texts only once published. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const survey = await getSurvey(params.id ?? "");
  const [rows, { places }] = await Promise.all([responseRows(survey.id), listPlaces(true)]);
  const placeName = new Map(places.map((place) => [place.id, place.name]));
  const t = translator(user.locale);
  const body = toCsv(
    [
      t("csv.response"),
      t("visit.day"),
      t("obs.place"),
      t("visit.service"),
      t("csv.via"),
      ...survey.questions.map(
        (question, index) => `${index + 1}. ${user.locale === "en" ? question.textEn : question.textIt}`,
      ),
      t("csv.freeText"),
    ],
    rows.map((row) => {
      const scores = new Map(row.answers.map((answer) => [answer.questionId, answer.score]));
      return [
        row.id,
        row.day,
        placeName.get(row.placeId) ?? "",
        row.service?.name ?? "",
        row.via,
        ...survey.questions.map((question) =>
          scores.has(question.id) ? (scores.get(question.id) ?? t("survey.dontKnow")) : "",
        ),
        row.textStatus === "PUBBLICATO" ? (row.freeText ?? "") : "",
      ];
    }),
  );
  return csvResponse(`risposte-${survey.id}.csv`, body);
}
