import { json, redirect } from "@remix-run/node";
import { answerSurvey, publicSurvey } from "~/domain/survey-answers.server";
import { OBSERVE_LIMITS } from "~/domain/observation";
import type { PionieriContext } from "~/lib/context";
import { httpError, tooMany } from "~/lib/http.server";
import { isLocale } from "~/lib/i18n";
import { surveyLimits } from "~/lib/rate-limit.server";
import { cleanText } from "~/lib/text";

/**
 * The citizens' survey pages (the QR poster's and the kiosk's): one loader and one action for
 * both. The survey and place come from the address's token only; nothing that identifies the
 * person is stored (the rate limits keep an address in memory for an hour, never on disk).
 */

const HONEYPOT = "sito_web";
type Via = "QR" | "CHIOSCO";

async function target(via: Via, token: string | undefined) {
  if (!token || !/^[A-Za-z0-9_-]{16,40}$/.test(token)) httpError(404, "citizen.unknown");
  const found = await publicSurvey(via, token);
  if (!found) httpError(404, "citizen.unknown");
  return found;
}

const PRIVATE = { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" };

export async function surveyLoader(via: Via, token: string | undefined, request: Request) {
  const survey = await target(via, token);
  const url = new URL(request.url);
  return json(
    {
      title: survey.title,
      place: survey.place,
      open: survey.open,
      questions: survey.questions,
      services: survey.services,
      thanks: url.searchParams.get("grazie") === "1",
    },
    { headers: PRIVATE },
  );
}

type Problems = Record<string, { key: "citizen.badScore" | "citizen.nothing" | "v.tooLong"; params?: { max: number } }>;

export async function surveyAction(via: Via, token: string | undefined, request: Request, context: PionieriContext) {
  const survey = await target(via, token);
  if (!survey.open) httpError(409, "survey.closed");
  const url = new URL(request.url);
  const lang = url.searchParams.get("lang");
  const back = `${url.pathname}?grazie=1${isLocale(lang) ? `&lang=${lang}` : ""}`;
  // Counted before reading anything: a flood stops here.
  const limiter = via === "QR" ? surveyLimits.perAddress : surveyLimits.perKiosk;
  const key = via === "QR" ? `${survey.surveyId}|${context.clientIp}` : token!;
  const wait = Math.max(surveyLimits.all.retryAfter("all"), limiter.retryAfter(key));
  if (wait > 0) tooMany(wait);
  const form = await request.formData();
  // A bot fills every field; a person never sees this one. It is thanked and nothing is kept.
  if (String(form.get(HONEYPOT) ?? "") !== "") return redirect(back);
  const scores: Record<string, number | null> = {};
  const problems: Problems = {};
  for (const question of survey.questions) {
    const value = form.get(`q_${question.id}`);
    if (value === null || value === "") continue;
    if (value === "0") scores[question.id] = null;
    else if (typeof value === "string" && /^[1-5]$/.test(value)) scores[question.id] = Number(value);
    else problems[`q_${question.id}`] = { key: "citizen.badScore" };
  }
  const freeText = cleanText(String(form.get("testo") ?? "")).trim();
  if (freeText.length > OBSERVE_LIMITS.freeText)
    problems.testo = { key: "v.tooLong", params: { max: OBSERVE_LIMITS.freeText } };
  const serviceId = String(form.get("servizio") ?? "");
  if (Object.keys(scores).length === 0 && !freeText && Object.keys(problems).length === 0)
    problems._form = { key: "citizen.nothing" };
  if (Object.keys(problems).length > 0) {
    const values: Record<string, string> = {};
    for (const [name, value] of form.entries())
      if (typeof value === "string" && name !== HONEYPOT) values[name] = value.slice(0, 600);
    return json({ ok: false as const, fieldErrors: problems, values }, { status: 400, headers: PRIVATE });
  }
  // Both windows written before the answer: a restart right after does not forget it.
  await Promise.all([limiter.hit(key), surveyLimits.all.hit("all")]);
  await answerSurvey(survey, via, { scores, serviceId: serviceId || null, freeText });
  return redirect(back);
}
