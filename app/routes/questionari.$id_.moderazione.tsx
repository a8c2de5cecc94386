import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { TextAreaField } from "~/components/form";
import { OBSERVE_LIMITS } from "~/domain/observation";
import { assertCan } from "~/domain/policy.server";
import { getSurvey, moderate, moderationQueue } from "~/domain/surveys.server";
import { moderationSchema } from "~/forms/observation.server";
import { requireUser } from "~/lib/auth.server";
import { formatDay } from "~/lib/dates";
import { redirectWithFlash } from "~/lib/flash.server";
import { parseForm } from "~/lib/forms.server";
import { httpError } from "~/lib/http.server";
import type { PageHandle } from "~/lib/i18n";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { observeMessages } from "~/lib/i18n/messages/observe";
import { visitMessages } from "~/lib/i18n/messages/visit";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";

export const handle: PageHandle = { messages: [observeMessages, formsMessages, visitMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "moderate.title");

/** Citizens' free texts wait here until a moderator publishes them (maybe cut) or discards them. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  assertCan(user.actor, "survey.moderate");
  const survey = await getSurvey(params.id ?? "");
  return json({
    survey: { id: survey.id, title: survey.title },
    places: survey.places.map((p) => ({ id: p.place.id, name: p.place.name })),
    queue: await moderationQueue(user.actor, survey.id),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  assertCan(user.actor, "survey.moderate");
  const id = params.id ?? "";
  const parsed = parseForm(moderationSchema, await request.formData());
  if (!parsed.ok) httpError(400, "v.unknownIntent");
  const { responseId, decision, text } = parsed.data;
  if (decision === "publish" && !text) httpError(400, "moderate.emptyText");
  await moderate(user.actor, id, responseId, decision === "publish" ? { publish: true, text } : { publish: false });
  return redirectWithFlash(
    `/questionari/${id}/moderazione`,
    decision === "publish" ? "moderate.published" : "moderate.discarded",
  );
}

export default function Moderation() {
  const t = useT();
  const locale = useLocale();
  const { survey, places, queue } = useLoaderData<typeof loader>();
  const placeName = new Map(places.map((p) => [p.id, p.name]));
  return (
    <>
      <p>
        <Link to={`/questionari/${survey.id}`}>{t("moderate.back", { title: survey.title })}</Link>
      </p>
      <h1>{t("moderate.title")}</h1>
      <p>{t("moderate.intro")}</p>
      {queue.length === 0 ? (
        <p>{t("moderate.none")}</p>
      ) : (
        <ol className="pionieri-moderation">
          {queue.map((row, index) => (
            <li key={row.id} className="pionieri-panel mb-3">
              <p className="text-muted">
                {placeName.get(row.placeId) ?? ""} · {formatDay(row.day, locale)}
              </p>
              <Form method="post">
                <input type="hidden" name="responseId" value={row.id} />
                <TextAreaField
                  id={`text-${row.id}`}
                  name="text"
                  label={t("moderate.textLabel", { n: index + 1 })}
                  hint={t("moderate.textHint")}
                  maxLength={OBSERVE_LIMITS.freeText}
                  defaultValue={row.freeText ?? ""}
                />
                <div className="pionieri-row-actions">
                  <button type="submit" name="decision" value="publish" className="btn btn-primary btn-sm">
                    {t("moderate.publish")}
                  </button>
                  <button type="submit" name="decision" value="discard" className="btn btn-outline-primary btn-sm">
                    {t("moderate.discard")}
                  </button>
                </div>
              </Form>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
