import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { Choices } from "~/components/choices";
import { EvidenceCard } from "~/components/evidence";
import { FormErrors, TextAreaField } from "~/components/form";
import { IdeaCard } from "~/components/ideas";
import { CHALLENGE_LIMITS } from "~/domain/challenges";
import { challengePage, concludeChallenge, shortlistChoices } from "~/domain/challenges.server";
import { requireUser } from "~/lib/auth.server";
import { formatDate, formatDay } from "~/lib/dates";
import { redirectWithFlash } from "~/lib/flash.server";
import { field, type FieldErrors } from "~/lib/forms";
import { httpError, keyParam, notFoundUnless } from "~/lib/http.server";
import type { PageHandle } from "~/lib/i18n";
import { challengesMessages } from "~/lib/i18n/messages/challenges";
import { evidenceMessages } from "~/lib/i18n/messages/evidence";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { ideasMessages } from "~/lib/i18n/messages/ideas";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import { cleanText } from "~/lib/text";

export const handle: PageHandle = {
  messages: [challengesMessages, ideasMessages, evidenceMessages, formsMessages],
  hydrate: false,
};

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "challenges.pageTitle", { title: data?.challenge.title ?? "" });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const cursor = new URL(request.url).searchParams.get("cursor") ?? undefined;
  const page = notFoundUnless(await challengePage(user.actor, keyParam(params.id), cursor));
  return json({ ...page, choices: page.may.conclude ? await shortlistChoices(page.challenge.id) : null });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const id = keyParam(params.id);
  const form = await request.formData();
  if (field(form, "intent") !== "conclude") httpError(400, "v.unknownIntent");
  const conclusion = cleanText(field(form, "conclusion")).replace(/\r\n/g, "\n").trim();
  const raw = form.getAll("shortlist").filter((value): value is string => typeof value === "string");
  const shortlist = raw.map(Number);
  const values = { conclusion, shortlist: raw };
  const fail = (fieldErrors: FieldErrors) => json({ fieldErrors, values }, { status: 400 });
  if (!conclusion) return fail({ conclusion: { key: "v.required" } });
  if (conclusion.length > CHALLENGE_LIMITS.conclusion)
    return fail({ conclusion: { key: "v.tooLong", params: { max: CHALLENGE_LIMITS.conclusion } } });
  if (shortlist.some((n) => !Number.isSafeInteger(n) || n <= 0) || shortlist.length > 1000)
    return fail({ shortlist: { key: "challenges.shortlistInvalid" } });
  const done = await concludeChallenge(user.actor, id, { conclusion, shortlist });
  if (!done.ok) return fail({ [done.field]: done.problem });
  return redirectWithFlash(`/sfide/${id}`, "challenges.concludedFlash");
}

export default function ChallengePage() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { challenge, state, ideas, shortlist, may } = data;
  const next = data.nextCursor ? `?cursor=${encodeURIComponent(data.nextCursor)}#ideas-title` : null;
  return (
    <>
      <Breadcrumb parents={[{ to: "/sfide", label: t("challenges.title") }]} current={challenge.title} />
      <p className="pionieri-muted mb-1">
        {challenge.group ? t("challenges.groupAudience", { group: challenge.group.name }) : t("challenges.ofBoard")}
      </p>
      <h1>{challenge.title}</h1>
      <p>
        <span className={`badge pionieri-challenge-state is-${state.toLowerCase()}`}>
          {t(`challenges.state.${state}`)}
        </span>{" "}
        {t("challenges.period", {
          from: formatDay(challenge.opensOn, locale),
          to: formatDay(challenge.closesOn, locale),
        })}
      </p>
      <div className="pionieri-markdown" dangerouslySetInnerHTML={{ __html: challenge.descriptionHtml }} />
      {challenge.evidence ? (
        <EvidenceCard evidence={{ ...challenge.evidence, asOf: challenge.evidenceAsOf ?? undefined }} />
      ) : null}
      {may.answer ? (
        <p className="mt-3">
          <Link to={`/idee/nuova?sfida=${challenge.id}`} className="btn btn-primary">
            {t("challenges.propose")}
          </Link>
        </p>
      ) : null}

      {challenge.conclusionHtml ? (
        <section aria-labelledby="conclusion-title" className="mt-4 pionieri-conclusion">
          <h2 id="conclusion-title" className="h4">
            {t("challenges.conclusion")}
          </h2>
          <div className="pionieri-markdown" dangerouslySetInnerHTML={{ __html: challenge.conclusionHtml }} />
          {challenge.concludedAt ? (
            <p className="pionieri-muted">
              {t("challenges.concludedOn", { date: formatDate(challenge.concludedAt, locale) })}
            </p>
          ) : null}
          <h3 className="h5">{t("challenges.shortlist")}</h3>
          {shortlist.length === 0 ? (
            <p>{t("challenges.shortlistNone")}</p>
          ) : (
            <ol>
              {shortlist.map((idea) => (
                <li key={idea.id}>
                  <Link to={`/idee/${idea.id}`}>{idea.title}</Link>{" "}
                  <span className="pionieri-muted">{t("challenges.supports", { count: idea.supportCount })}</span>
                </li>
              ))}
            </ol>
          )}
        </section>
      ) : null}

      {may.conclude && data.choices ? (
        <section aria-labelledby="conclude-title" className="mt-4">
          <h2 id="conclude-title" className="h4">
            {challenge.concludedAt ? t("challenges.reviseConclusion") : t("challenges.conclude")}
          </h2>
          {challenge.concludedAt && !failed ? (
            // Once published, the form stays folded under the conclusion (open when it came back to fix).
            <details>
              <summary>{t("challenges.reviseOpen")}</summary>
              <ConcludeForm choices={data.choices} concluded conclusion={challenge.conclusion ?? ""} />
            </details>
          ) : (
            <ConcludeForm
              choices={data.choices}
              concluded={Boolean(challenge.concludedAt)}
              conclusion={failed?.values.conclusion ?? challenge.conclusion ?? ""}
              shortlist={failed?.values.shortlist}
              errors={failed?.fieldErrors}
            />
          )}
        </section>
      ) : null}

      <section aria-labelledby="ideas-title" className="mt-4">
        <h2 id="ideas-title" className="h4">
          {t("challenges.ideasTitle", { count: challenge.ideaCount })}
        </h2>
        {ideas.length === 0 ? (
          <p>{state === "APERTA" ? t("challenges.noIdeasYet") : t("challenges.noIdeas")}</p>
        ) : (
          <ol className="pionieri-idea-list">
            {ideas.map((idea) => (
              <li key={idea.id}>
                <IdeaCard idea={idea} headingLevel={3} />
              </li>
            ))}
          </ol>
        )}
        {next ? <Link to={next}>{t("challenges.moreIdeas")}</Link> : null}
      </section>
    </>
  );
}

/** The shortlist among the challenge's own ideas and the public conclusion. */
function ConcludeForm({
  choices,
  concluded,
  conclusion,
  shortlist,
  errors,
}: {
  choices: { id: number; title: string; supportCount: number; shortlisted: boolean }[];
  concluded: boolean;
  conclusion: string;
  shortlist?: string[];
  errors?: FieldErrors;
}) {
  const t = useT();
  return (
    <Form method="post" noValidate>
      <FormErrors errors={errors} />
      <input type="hidden" name="intent" value="conclude" />
      {choices.length > 0 ? (
        <Choices
          name="shortlist"
          legend={t("challenges.fieldShortlist")}
          hint={t("challenges.fieldShortlistHint")}
          options={choices.map((idea) => ({
            id: String(idea.id),
            name: `${idea.title} (${t("challenges.supports", { count: idea.supportCount })})`,
          }))}
          checked={shortlist ?? choices.filter((c) => c.shortlisted).map((c) => String(c.id))}
          errors={errors}
        />
      ) : null}
      <TextAreaField
        id="f-conclusion"
        name="conclusion"
        label={t("challenges.fieldConclusion")}
        hint={t("challenges.fieldConclusionHint")}
        required
        rows={6}
        maxLength={CHALLENGE_LIMITS.conclusion}
        defaultValue={conclusion}
        errors={errors}
      />
      <button type="submit" className="btn btn-primary">
        {concluded ? t("challenges.saveConclusion") : t("challenges.publishConclusion")}
      </button>
    </Form>
  );
}
