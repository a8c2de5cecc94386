import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Bars, Distribution, Trend } from "~/components/charts";
import { ConfirmAction } from "~/components/confirm-action";
import { DataTable } from "~/components/data-table";
import { CachedFragment } from "~/components/cached-fragment";
import { drawingSlot, useDrawingData } from "~/lib/drawing-data";
import { CiteLink, CitingIdeas, useFigureText } from "~/components/findings";
import { FormErrors, SelectField, TextField } from "~/components/form";
import { listPlaces } from "~/domain/campaigns.server";
import { ideasCiting, publishedTexts, surveyFindings } from "~/domain/findings.server";
import { leaveForDrawing } from "~/lib/drawing-data.server";
import { figureKey, OBSERVE_LIMITS } from "~/domain/observation";
import { assertCan, can } from "~/domain/policy.server";
import { addQuestion, addSurveyPlace, getSurvey, removeQuestion, setSurveyStatus } from "~/domain/surveys.server";
import { questionSchema } from "~/forms/observation.server";
import { requireUser } from "~/lib/auth.server";
import { formatDay } from "~/lib/dates";
import { redirectWithFlash } from "~/lib/flash.server";
import { failureOf, field, typedValues } from "~/lib/forms";
import { invalid, parseForm } from "~/lib/forms.server";
import { httpError } from "~/lib/http.server";
import type { MessageKey, PageHandle } from "~/lib/i18n";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { observeMessages } from "~/lib/i18n/messages/observe";
import { visitMessages } from "~/lib/i18n/messages/visit";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";

export const handle: PageHandle = { messages: [observeMessages, formsMessages, visitMessages], hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "survey.titleOf", { title: data?.survey.title ?? "" });

/**
 * The figures, for the kept drawing and the few counts around it: left on the server, not sent
 * as the loader's JSON (decision 0041).
 */
const drawnFindings = drawingSlot<Awaited<ReturnType<typeof surveyFindings>>>("survey-findings");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const survey = await getSurvey(params.id ?? "");
  const manage = can(user.actor, "survey.manage");
  const [findings, texts, citing, catalogue] = await Promise.all([
    surveyFindings(survey.id),
    publishedTexts(survey.id),
    ideasCiting(survey.id),
    listPlaces(true),
  ]);
  leaveForDrawing(context, drawnFindings, findings);
  return json({
    // The kiosk's address is the staff's secret: only those who run the survey see it.
    survey: { ...survey, places: survey.places.map((p) => ({ ...p, kioskToken: manage ? p.kioskToken : null })) },
    texts,
    citing,
    addable: manage
      ? catalogue.places.filter((place) => !place.archived && !survey.places.some((p) => p.place.id === place.id))
      : [],
    services: catalogue.services.map((service) => ({ id: service.id, name: service.name })),
    can: { manage, moderate: can(user.actor, "survey.moderate") },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  assertCan(user.actor, "survey.manage");
  const id = params.id ?? "";
  const here = `/questionari/${id}`;
  const form = await request.formData();
  const intent = field(form, "intent");
  if (intent === "addQuestion") {
    const parsed = parseForm(questionSchema, form);
    if (!parsed.ok) return invalid(parsed.fieldErrors, typedValues(form), { form: "question" });
    await addQuestion(user.actor, id, parsed.data);
    return redirectWithFlash(here, "survey.questionAdded");
  }
  if (intent === "removeQuestion") {
    await removeQuestion(user.actor, id, field(form, "questionId"));
    return redirectWithFlash(here, "survey.questionRemoved", undefined, { tone: "info" });
  }
  if (intent === "addPlace") {
    await addSurveyPlace(user.actor, id, field(form, "placeId"));
    return redirectWithFlash(here, "survey.placeAdded");
  }
  if (intent === "open" || intent === "close") {
    if (field(form, "confirm") !== "1")
      return invalid({ confirm: { key: "v.confirmRequired" } }, typedValues(form), { form: intent });
    await setSurveyStatus(user.actor, id, intent === "open" ? "APERTO" : "CHIUSO");
    return redirectWithFlash(here, intent === "open" ? "survey.opened" : "survey.closedDone");
  }
  httpError(400, "v.unknownIntent");
}

export default function SurveyPage() {
  const t = useT();
  const locale = useLocale();
  const text = useFigureText();
  const findings = useDrawingData(drawnFindings);
  const { survey, texts, citing, addable, services, can: may } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const questionFailure = failureOf(actionData, "question");
  const draft = survey.status === "BOZZA" && findings.responses === 0;
  const placeName = new Map(survey.places.map((p) => [p.place.id, p.place.name]));
  const serviceName = new Map(services.map((service) => [service.id, service.name]));
  const questionText = (id: string) => {
    const question = survey.questions.find((q) => q.id === id);
    return question ? (locale === "en" ? question.textEn : question.textIt) : "";
  };
  const byQuestion = survey.questions.map((question, index) => ({
    ...question,
    label: t("survey.qShort", { n: index + 1 }),
    result: findings.questions.find((row) => row.questionId === question.id),
  }));
  return (
    <>
      <p>
        <Link to="/rilevazioni">{t("obs.back")}</Link>
      </p>
      <h1>{survey.title}</h1>
      <p className="text-muted">
        {t(`survey.status.${survey.status}` as MessageKey)}
        {" · "}
        {t(findings.responses === 1 ? "survey.responseCountOne" : "survey.responseCount", {
          count: findings.responses,
        })}
      </p>
      <div className="pionieri-row-actions mb-4">
        <a href={`/questionari/${survey.id}/risposte.csv`} className="btn btn-outline-primary" download>
          {t("survey.export")}
        </a>
        {may.moderate ? (
          <Link to={`/questionari/${survey.id}/moderazione`} className="btn btn-outline-primary">
            {t("survey.moderation")}
          </Link>
        ) : null}
        {may.manage && survey.status !== "APERTO" ? (
          <ConfirmAction
            id="confirm-open"
            summary={t("survey.open")}
            fields={{ intent: "open" }}
            explain={t(draft ? "survey.openExplainDraft" : "survey.openExplain")}
            confirm={t("survey.openConfirm")}
            submit={t("survey.open")}
            errors={failureOf(actionData, "open")?.fieldErrors}
          />
        ) : null}
        {may.manage && survey.status === "APERTO" ? (
          <ConfirmAction
            id="confirm-close"
            summary={t("survey.close")}
            fields={{ intent: "close" }}
            explain={t("survey.closeExplain")}
            confirm={t("survey.closeConfirm")}
            submit={t("survey.close")}
            errors={failureOf(actionData, "close")?.fieldErrors}
          />
        ) : null}
      </div>

      <section aria-labelledby="where" className="mb-5">
        <h2 id="where">{t("survey.where")}</h2>
        <p>{t("survey.whereIntro")}</p>
        <DataTable
          caption={t("survey.where")}
          captionHidden
          rows={survey.places}
          rowKey={(p) => p.id}
          columns={[
            { label: t("obs.place"), rowHeader: true, cell: (p) => p.place.name },
            {
              label: t("survey.poster"),
              cell: (p) => (
                <Link to={`/questionari/${survey.id}/manifesto/${p.place.id}`}>
                  {t("survey.posterLink")}
                  <span className="visually-hidden"> {p.place.name}</span>
                </Link>
              ),
            },
            {
              label: t("survey.publicPage"),
              cell: (p) => <a href={`/q/${p.token}`} className="pionieri-poster-address">{`/q/${p.token}`}</a>,
            },
            ...(may.manage
              ? [
                  {
                    label: t("survey.kiosk"),
                    cell: (p: (typeof survey.places)[number]) =>
                      p.kioskToken ? <a href={`/chiosco/${p.kioskToken}`}>{t("survey.kioskLink")}</a> : null,
                  },
                ]
              : []),
          ]}
        />
        {may.manage && addable.length > 0 ? (
          <Form method="post" className="pionieri-inline-form mt-2">
            <input type="hidden" name="intent" value="addPlace" />
            <SelectField
              name="placeId"
              label={t("survey.addPlace")}
              options={addable.map((place) => ({ value: place.id, label: place.name }))}
            />
            <button type="submit" className="btn btn-outline-primary">
              {t("survey.addPlaceSubmit")}
            </button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="questions" className="mb-5">
        <h2 id="questions">{t("survey.questions")}</h2>
        {may.manage ? <p>{t(draft ? "survey.questionsDraft" : "survey.questionsLocked")}</p> : null}
        <ol>
          {survey.questions.map((question) => (
            <li key={question.id}>
              {locale === "en" ? question.textEn : question.textIt}
              {may.manage && draft && survey.questions.length > 1 ? (
                <Form method="post" className="d-inline">
                  <input type="hidden" name="intent" value="removeQuestion" />
                  <input type="hidden" name="questionId" value={question.id} />
                  <button type="submit" className="btn btn-link btn-sm">
                    {t("survey.removeQuestion")}
                    <span className="visually-hidden"> {question.textIt}</span>
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ol>
        {may.manage && draft && survey.questions.length < OBSERVE_LIMITS.questions ? (
          <details className="pionieri-panel" open={Boolean(questionFailure)}>
            <summary className="btn btn-outline-primary btn-sm">{t("survey.addQuestion")}</summary>
            <FormErrors errors={questionFailure?.fieldErrors} />
            <Form method="post" className="mt-2">
              <input type="hidden" name="intent" value="addQuestion" />
              <TextField
                name="textIt"
                label={t("survey.textIt")}
                required
                maxLength={OBSERVE_LIMITS.question}
                errors={questionFailure?.fieldErrors}
                defaultValue={questionFailure?.values.textIt}
              />
              <TextField
                name="textEn"
                label={t("survey.textEn")}
                required
                maxLength={OBSERVE_LIMITS.question}
                errors={questionFailure?.fieldErrors}
                defaultValue={questionFailure?.values.textEn}
              />
              <button type="submit" className="btn btn-primary btn-sm">
                {t("survey.addQuestionSubmit")}
              </button>
            </Form>
          </details>
        ) : null}
      </section>

      {/* The figures, charts and tables: the same for everyone, drawn once while neither the
          survey nor its answers change (decision 0033). */}
      <CachedFragment name={`survey|${survey.id}|${locale}`} version={`${survey.drawnFrom}/${findings.computed}`}>
        <section aria-labelledby="results" className="mb-5">
          <h2 id="results">{t("survey.results")}</h2>
          <dl className="pionieri-figures">
            <div>
              <dt>{t("survey.responses")}</dt>
              <dd>{findings.responses}</dd>
            </div>
            <div>
              <dt>{t("findings.satisfied")}</dt>
              <dd>{text.share(findings.overall.share, findings.overall.n)}</dd>
              <dd className="pionieri-figure-note">
                <CiteLink
                  figure={figureKey({ measure: "satisfied", source: survey.id, place: null })}
                  about={t("findings.satisfied")}
                />
              </dd>
            </div>
          </dl>
          <p>{t("survey.satisfiedHint")}</p>
          <Distribution
            rows={byQuestion
              .filter((q) => q.result && q.result.share !== null)
              .map((q) => ({ label: q.label, counts: q.result!.counts }))}
            title={t("survey.distributionTitle")}
            description={t("survey.distributionDesc")}
          />
          <DataTable
            caption={t("survey.distributionTable")}
            rows={byQuestion}
            rowKey={(q) => q.id}
            columns={[
              { label: t("survey.question"), rowHeader: true, cell: (q) => `${q.label} · ${questionText(q.id)}` },
              ...[1, 2, 3, 4, 5].map((score) => ({
                label: String(score),
                numeric: true,
                cell: (q: (typeof byQuestion)[number]) =>
                  q.result && q.result.share !== null ? q.result.counts[score - 1] : "—",
              })),
              {
                label: t("survey.dontKnow"),
                numeric: true,
                cell: (q) => (q.result && q.result.share !== null ? q.result.dontKnow : "—"),
              },
              {
                label: t("findings.satisfied"),
                numeric: true,
                cell: (q) => text.share(q.result?.share ?? null, q.result?.n ?? 0),
              },
            ]}
          />
        </section>

        <section aria-labelledby="trend" className="mb-5">
          <h2 id="trend">{t("survey.trendTitle")}</h2>
          <Trend
            suffix="%"
            points={findings.weeks.map((week) => ({ label: formatDay(week.key, locale, "short"), value: week.share }))}
            title={t("survey.trendTitle")}
            description={t("survey.trendDesc")}
          />
          <DataTable
            caption={t("survey.trendTable")}
            rows={findings.weeks}
            rowKey={(week) => week.key}
            columns={[
              { label: t("survey.weekOf"), rowHeader: true, cell: (week) => formatDay(week.key, locale) },
              { label: t("survey.responses"), numeric: true, cell: (week) => week.n },
              { label: t("findings.satisfied"), numeric: true, cell: (week) => text.share(week.share, week.n) },
            ]}
          />
        </section>

        <section aria-labelledby="byquestion" className="mb-5">
          <h2 id="byquestion">{t("survey.byQuestionTitle")}</h2>
          <p>{t("survey.byQuestionIntro")}</p>
          <DataTable
            caption={t("survey.byQuestionWeekTable")}
            rows={byQuestion}
            rowKey={(q) => q.id}
            columns={[
              { label: t("survey.question"), rowHeader: true, cell: (q) => q.label },
              ...findings.weeks.slice(-10).map((week) => ({
                label: formatDay(week.key, locale, "short"),
                numeric: true,
                cell: (q: (typeof byQuestion)[number]) => {
                  const cell = findings.questionWeeks.find((row) => row.questionId === q.id && row.key === week.key);
                  return text.share(cell?.share ?? null, cell?.n ?? 0);
                },
              })),
            ]}
          />
          <DataTable
            caption={t("survey.byQuestionPlaceTable")}
            rows={byQuestion}
            rowKey={(q) => q.id}
            columns={[
              { label: t("survey.question"), rowHeader: true, cell: (q) => q.label },
              ...survey.places.map((p) => ({
                label: p.place.name,
                numeric: true,
                cell: (q: (typeof byQuestion)[number]) => {
                  const cell = findings.questionPlaces.find((row) => row.questionId === q.id && row.key === p.place.id);
                  return text.share(cell?.share ?? null, cell?.n ?? 0);
                },
              })),
            ]}
          />
        </section>

        <section aria-labelledby="byplace" className="mb-5">
          <h2 id="byplace">{t("survey.byPlaceTitle")}</h2>
          <Bars
            suffix="%"
            max={100}
            rows={findings.byPlace
              .filter((row) => row.share !== null)
              .map((row) => ({ label: placeName.get(row.key) ?? "?", value: row.share! }))}
            title={t("survey.byPlaceTitle")}
            description={t("survey.byPlaceDesc")}
          />
          <DataTable
            caption={t("survey.byPlaceTable")}
            rows={findings.byPlace}
            rowKey={(row) => row.key}
            columns={[
              { label: t("obs.place"), rowHeader: true, cell: (row) => placeName.get(row.key) ?? "?" },
              { label: t("survey.responses"), numeric: true, cell: (row) => row.n },
              { label: t("findings.satisfied"), numeric: true, cell: (row) => text.share(row.share, row.n) },
              {
                label: t("findings.use"),
                cell: (row) => (
                  <CiteLink
                    figure={figureKey({ measure: "satisfied", source: survey.id, place: row.key })}
                    about={placeName.get(row.key) ?? ""}
                  />
                ),
              },
            ]}
          />
          <DataTable
            caption={t("survey.byServiceTable")}
            rows={findings.byService}
            rowKey={(row) => row.key}
            columns={[
              { label: t("obs.service"), rowHeader: true, cell: (row) => serviceName.get(row.key) ?? "?" },
              { label: t("survey.responses"), numeric: true, cell: (row) => row.n },
              { label: t("findings.satisfied"), numeric: true, cell: (row) => text.share(row.share, row.n) },
            ]}
          />
        </section>
      </CachedFragment>

      <section aria-labelledby="texts" className="mb-5">
        <h2 id="texts">{t("survey.textsTitle")}</h2>
        <p>{t("survey.textsIntro")}</p>
        {texts.length === 0 ? (
          <p>{t("survey.textsNone")}</p>
        ) : (
          <ul className="pionieri-quotes">
            {texts.map((row) => (
              <li key={row.id}>
                <blockquote className="pionieri-prewrap">{row.freeText}</blockquote>
                <small className="text-muted">
                  {placeName.get(row.placeId) ?? ""} · {formatDay(row.day, locale)}
                </small>
              </li>
            ))}
          </ul>
        )}
      </section>

      <CitingIdeas ideas={citing} />
    </>
  );
}
