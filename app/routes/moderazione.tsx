import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { TextAreaField } from "~/components/form";
import { dismissReport, hideComment, moderationQueue } from "~/domain/comments.server";
import { reasonSchema } from "~/forms/schemas.server";
import { requireUser } from "~/lib/auth.server";
import { formatDate } from "~/lib/dates";
import { redirectWithFlash } from "~/lib/flash.server";
import { failureOf, field, typedValues } from "~/lib/forms";
import { idField, invalid, parseForm } from "~/lib/forms.server";
import { httpError } from "~/lib/http.server";
import { isolate } from "~/lib/i18n/isolate";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import type { PageHandle } from "~/lib/i18n";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { ideaMessages } from "~/lib/i18n/messages/idea";

export const handle: PageHandle = { messages: [formsMessages, ideaMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "moderation.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  return json(await moderationQueue(user.actor));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const form = await request.formData();
  const intent = field(form, "intent");
  if (intent === "dismiss") {
    await dismissReport(user.actor, field(form, "reportId"));
    return redirectWithFlash("/moderazione", "moderation.dismissed", undefined, { tone: "info" });
  }
  if (intent === "hide") {
    const commentId = idField(form, "commentId");
    const formName = `hide-${commentId}`;
    const parsed = parseForm(reasonSchema, form);
    if (!parsed.ok) return invalid(parsed.fieldErrors, parsed.values, { form: formName });
    if (!parsed.data.reason)
      return invalid({ reason: { key: "ideas.reasonRequired" } }, typedValues(form), { form: formName });
    await hideComment(user.actor, commentId, parsed.data.reason);
    return redirectWithFlash("/moderazione", "comments.hidden", undefined, { tone: "info" });
  }
  httpError(400, "v.unknownIntent");
}

export default function Moderation() {
  const t = useT();
  const locale = useLocale();
  const { reports, groups } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>{t("moderation.title")}</h1>
      <p>{t("moderation.intro", { groups: groups.map((g) => g.name).join(", ") })}</p>
      {reports.length === 0 ? <p role="status">{t("moderation.none")}</p> : null}
      <ol className="pionieri-comments">
        {reports.map((report) => {
          const failed = failureOf(actionData, `hide-${report.comment.id}`);
          return (
            <li key={report.id} className="pionieri-panel mb-3">
              <p className="mb-1">
                {isolate(t, "moderation.reportedBy", {
                  who: report.reporter.displayName,
                  date: formatDate(report.createdAt, locale, "dateTime"),
                })}
              </p>
              <p className="pionieri-reason">{isolate(t, "story.reason", { reason: report.reason })}</p>
              <p className="mb-1">
                <Link to={`/idee/${report.comment.idea.id}#commento-${report.comment.id}`}>
                  {report.comment.idea.title} ({report.comment.idea.group.name})
                </Link>{" "}
                · {report.comment.author?.displayName ?? t("ideas.formerColleague")}
              </p>
              {report.comment.hiddenAt || report.comment.deletedAt ? (
                <p className="pionieri-muted">{t("comments.removed")}</p>
              ) : (
                <blockquote
                  className="pionieri-markdown"
                  dangerouslySetInnerHTML={{ __html: report.comment.bodyHtml }}
                />
              )}
              <Form method="post">
                <input type="hidden" name="intent" value="hide" />
                <input type="hidden" name="commentId" value={report.comment.id} />
                <TextAreaField
                  id={`f-hide-${report.id}`}
                  name="reason"
                  label={t("comments.reasonLabel")}
                  maxLength={1000}
                  required
                  errors={failed?.fieldErrors}
                  defaultValue={failed?.values.reason}
                />
                <button type="submit" className="btn btn-primary btn-sm">
                  {t("comments.hideSubmit")}
                </button>
              </Form>
              <Form method="post" className="mt-2">
                <input type="hidden" name="intent" value="dismiss" />
                <input type="hidden" name="reportId" value={report.id} />
                <button type="submit" className="btn btn-outline-secondary btn-sm">
                  {t("moderation.dismiss")}
                </button>
              </Form>
            </li>
          );
        })}
      </ol>
    </>
  );
}
