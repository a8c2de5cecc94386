import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { Choices } from "~/components/choices";
import { DataTable } from "~/components/data-table";
import { FormErrors, SelectField, TextAreaField } from "~/components/form";
import { isMeetingAnswer, MEETING_ANSWERS, MEETING_LIMITS } from "~/domain/meetings";
import { cancelMeeting, meetingPage, recordMinutes, respond } from "~/domain/meetings.server";
import { readMinutesForm } from "~/forms/meeting.server";
import { requireUser } from "~/lib/auth.server";
import { formatDate } from "~/lib/dates";
import { meetingWhen } from "~/lib/clock";
import { redirectWithFlash } from "~/lib/flash.server";
import { field, type FieldErrors } from "~/lib/forms";
import { httpError, keyParam, notFoundUnless } from "~/lib/http.server";
import type { PageHandle } from "~/lib/i18n";
import { ideaStatusLabel } from "~/lib/i18n/labels";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { groupMeetingsMessages } from "~/lib/i18n/messages/groupMeetings";
import { tm, useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";

export const handle: PageHandle = {
  messages: [groupMeetingsMessages, formsMessages],
  hydrate: false,
};

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "gmeetings.pageTitle", { title: data?.meeting.title ?? "" });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  return json(notFoundUnless(meetingPage(user.actor, keyParam(params.id))));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const id = keyParam(params.id);
  const form = await request.formData();
  const intent = field(form, "intent");
  if (intent === "respond") {
    const answer = field(form, "answer");
    if (!isMeetingAnswer(answer))
      return json(
        { form: "respond" as const, fieldErrors: { answer: { key: "gmeetings.answerMissing" } } as FieldErrors },
        { status: 400 },
      );
    await respond(user.actor, id, answer);
    return redirectWithFlash(`/riunioni/${id}`, "gmeetings.answerSaved");
  }
  if (intent === "cancel") {
    const meeting = await cancelMeeting(user.actor, id);
    return redirectWithFlash(`/gruppi/${meeting.group.slug}`, "gmeetings.cancelled", { title: meeting.title });
  }
  if (intent === "minutes") {
    const itemIds = form.getAll("itemId").filter((value): value is string => typeof value === "string");
    const read = readMinutesForm(form, itemIds.slice(0, MEETING_LIMITS.maxItems));
    if (!read.ok)
      return json({ form: "minutes" as const, fieldErrors: read.fieldErrors, values: read.values }, { status: 400 });
    const done = await recordMinutes(user.actor, id, read.data);
    if (!done.ok) {
      const values: Record<string, string> = {};
      for (const [name, value] of form.entries()) if (typeof value === "string") values[name] = value;
      return json({ form: "minutes" as const, fieldErrors: done.fieldErrors, values }, { status: done.status });
    }
    return redirectWithFlash(`/riunioni/${id}`, "gmeetings.minutesSaved");
  }
  httpError(400, "v.unknownIntent");
}

export default function MeetingPage() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { meeting, items, counts, may } = data;
  const respondErrors = failed?.form === "respond" ? failed.fieldErrors : undefined;
  const minutesFailed = failed?.form === "minutes" ? failed : undefined;
  const answerLabel = (answer: string) => t(`gmeetings.answer.${answer}` as "gmeetings.answer.SI");
  const state = data.cancelled ? "cancelled" : data.upcoming ? "upcoming" : "past";
  return (
    <>
      <Breadcrumb
        parents={[
          { to: "/gruppi", label: t("nav.groups") },
          { to: `/gruppi/${meeting.group.slug}`, label: meeting.group.name },
        ]}
        current={meeting.title}
      />
      <header className="pionieri-group-header" style={{ borderLeftColor: meeting.group.colour }}>
        <p className="pionieri-muted mb-1">{t("gmeetings.ofGroup", { group: meeting.group.name })}</p>
        <h1>{meeting.title}</h1>
        <p className="mb-0">
          <span className={`badge pionieri-meeting-state is-${state}`}>{t(`gmeetings.state.${state}`)}</span>
        </p>
      </header>
      <dl className="pionieri-facts mt-3">
        <div>
          <dt>{t("gmeetings.when")}</dt>
          <dd>
            <time dateTime={meeting.startsAt}>{meetingWhen(meeting.startsAt, meeting.endsAt, locale)}</time>
          </dd>
        </div>
        {meeting.place ? (
          <div>
            <dt>{t("gmeetings.where")}</dt>
            <dd>{meeting.place}</dd>
          </div>
        ) : null}
        {meeting.videoUrl ? (
          <div>
            <dt>{t("gmeetings.video")}</dt>
            <dd>
              <a href={meeting.videoUrl} rel="noopener noreferrer" className="pionieri-break">
                {meeting.videoUrl}
              </a>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t("gmeetings.calledBy")}</dt>
          <dd>{meeting.createdBy?.displayName ?? t("ideas.formerColleague")}</dd>
        </div>
      </dl>
      {may.manage ? (
        <div className="pionieri-actions mb-4">
          <Link to={`/riunioni/${meeting.id}/modifica`} className="btn btn-outline-primary btn-sm">
            {t("gmeetings.edit")}
          </Link>
          <details className="pionieri-confirm">
            <summary className="btn btn-outline-danger btn-sm">{t("gmeetings.cancel")}</summary>
            <Form method="post" className="mt-2">
              <input type="hidden" name="intent" value="cancel" />
              <p>{t("gmeetings.cancelConfirm")}</p>
              <button type="submit" className="btn btn-danger btn-sm">
                {t("gmeetings.cancelYes")}
              </button>
            </Form>
          </details>
        </div>
      ) : null}

      <section aria-labelledby="agenda-title" className="mt-4">
        <h2 id="agenda-title" className="h4">
          {t("gmeetings.agenda")}
        </h2>
        {items.length === 0 ? (
          <p>{t("gmeetings.agendaNone")}</p>
        ) : (
          <ol className="pionieri-agenda">
            {items.map((item) => (
              <li key={item.id}>
                <p className="mb-1">
                  <strong>{item.title}</strong>
                  {item.idea ? (
                    <>
                      {" · "}
                      <Link to={`/idee/${item.idea.id}`}>{t("gmeetings.refIdea", { title: item.idea.title })}</Link>
                    </>
                  ) : null}
                  {item.objective ? (
                    <>
                      {" · "}
                      <Link to={`/obiettivi/${item.objective.id}`}>
                        {t("gmeetings.refObjective", { title: item.objective.title })}
                      </Link>
                    </>
                  ) : null}
                </p>
                {item.decision || item.ideaStatus ? (
                  <p className="pionieri-decision mb-1">
                    <strong>{t("gmeetings.decision")}:</strong>{" "}
                    {item.ideaStatus
                      ? `${t("gmeetings.ideaNowIs", { status: ideaStatusLabel(t, item.ideaStatus) })} `
                      : ""}
                    {item.decision}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="attendance-title" className="mt-4">
        <h2 id="attendance-title" className="h4">
          {t("gmeetings.attendance")}
        </h2>
        <p>
          {MEETING_ANSWERS.map((answer) =>
            t("gmeetings.countOf", { label: answerLabel(answer), count: counts[answer] ?? 0 }),
          ).join(" · ")}
        </p>
        {data.myAnswer ? <p>{t("gmeetings.yourAnswer", { answer: answerLabel(data.myAnswer) })}</p> : null}
        {may.respond ? (
          <Form method="post" noValidate className="mb-3">
            <input type="hidden" name="intent" value="respond" />
            <Choices
              name="answer"
              type="radio"
              legend={t("gmeetings.doYouCome")}
              hint={t("gmeetings.countsOnly")}
              options={MEETING_ANSWERS.map((answer) => ({ id: answer, name: answerLabel(answer) }))}
              checked={data.myAnswer ? [data.myAnswer] : []}
              errors={respondErrors}
            />
            <button type="submit" className="btn btn-primary btn-sm">
              {t("gmeetings.sendAnswer")}
            </button>
          </Form>
        ) : data.upcoming && !data.cancelled ? (
          <p className="pionieri-muted">{t("gmeetings.membersAnswer")}</p>
        ) : null}
        {data.attendees ? (
          data.attendees.length === 0 ? (
            <p>{t("gmeetings.noAnswers")}</p>
          ) : (
            <DataTable
              caption={t("gmeetings.whoAnswered")}
              rows={data.attendees}
              rowKey={(row) => row.name + row.answer}
              columns={[
                { label: t("gmeetings.colName"), rowHeader: true, cell: (row) => row.name },
                { label: t("gmeetings.colAnswer"), cell: (row) => answerLabel(row.answer) },
              ]}
            />
          )
        ) : null}
      </section>

      <section aria-labelledby="minutes-title" className="mt-4">
        <h2 id="minutes-title" className="h4">
          {t("gmeetings.minutes")}
        </h2>
        {meeting.minutesHtml ? (
          <>
            <div className="pionieri-markdown" dangerouslySetInnerHTML={{ __html: meeting.minutesHtml }} />
            {meeting.minutesAt ? (
              <p className="pionieri-muted">
                {t("gmeetings.minutesOn", { date: formatDate(meeting.minutesAt, locale) })}
              </p>
            ) : null}
          </>
        ) : (
          <p>{data.upcoming ? t("gmeetings.minutesLater") : t("gmeetings.minutesNone")}</p>
        )}
        {may.minutes ? (
          // Once written, the form stays folded under the minutes (open again when it came back to fix).
          meeting.minutesHtml && !minutesFailed ? (
            <details className="mt-3">
              <summary>{t("gmeetings.editMinutes")}</summary>
              <MinutesForm items={items} minutes={meeting.minutes ?? ""} />
            </details>
          ) : (
            <MinutesForm
              items={items}
              minutes={minutesFailed?.values.minutes ?? meeting.minutes ?? ""}
              values={minutesFailed?.values}
              errors={minutesFailed?.fieldErrors}
            />
          )
        ) : null}
      </section>
    </>
  );
}

/** The minutes and one decision per item; for an item on an idea, the status it moves to. */
function MinutesForm({
  items,
  minutes,
  values,
  errors,
}: {
  items: ReturnType<typeof useLoaderData<typeof loader>>["items"];
  minutes: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const t = useT();
  return (
    <Form method="post" noValidate className="pionieri-minutes-form">
      <h3 className="h5">{t("gmeetings.writeMinutes")}</h3>
      <FormErrors errors={errors} />
      <input type="hidden" name="intent" value="minutes" />
      <TextAreaField
        id="f-minutes"
        name="minutes"
        label={t("gmeetings.fieldMinutes")}
        hint={t("gmeetings.minutesHint")}
        rows={8}
        maxLength={MEETING_LIMITS.minutes}
        defaultValue={minutes}
        errors={errors}
      />
      {items.map((item, index) => (
        <fieldset key={item.id} className="pionieri-decision-box">
          <legend className="h6">{t("gmeetings.decisionOn", { n: index + 1, title: item.title })}</legend>
          <input type="hidden" name="itemId" value={item.id} />
          <TextAreaField
            id={`f-decision-${item.id}`}
            name={`decision-${item.id}`}
            label={t("gmeetings.fieldDecision")}
            rows={2}
            maxLength={MEETING_LIMITS.decision}
            defaultValue={values?.[`decision-${item.id}`] ?? item.decision ?? ""}
            errors={errors}
          />
          {item.idea && item.transitions.length > 0 ? (
            <SelectField
              id={`f-status-${item.id}`}
              name={`status-${item.id}`}
              label={t("gmeetings.fieldIdeaStatus", { title: item.idea.title })}
              hint={t("gmeetings.ideaStatusHint", { status: ideaStatusLabel(t, item.idea.status) })}
              options={[
                { value: "", label: t("gmeetings.statusKeep") },
                ...item.transitions.map((status) => ({ value: status, label: ideaStatusLabel(t, status) })),
              ]}
              defaultValue={values?.[`status-${item.id}`] ?? ""}
              errors={errors}
            />
          ) : errors?.[`status-${item.id}`] ? (
            // A status sent for an item whose idea has no step to offer (a forged form).
            <div className="invalid-feedback d-block" role="alert">
              {tm(t, errors[`status-${item.id}`]!)}
            </div>
          ) : null}
        </fieldset>
      ))}
      <button type="submit" className="btn btn-primary">
        {t("gmeetings.saveMinutes")}
      </button>
    </Form>
  );
}
