import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/form";
import { Choices } from "~/components/choices";
import { POLL_LIMITS } from "~/domain/polls";
import { createPoll, mayCreatePolls, pollAudiences } from "~/domain/polls.server";
import { readPollForm } from "~/forms/poll.server";
import { requireUser } from "~/lib/auth.server";
import { addDays, today } from "~/lib/days";
import { redirectWithFlash } from "~/lib/flash.server";
import { httpError } from "~/lib/http.server";
import type { PageHandle } from "~/lib/i18n";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { pollsMessages } from "~/lib/i18n/messages/polls";
import { tm, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";

export const handle: PageHandle = { messages: [pollsMessages, formsMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "polls.new");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  if (!mayCreatePolls(user.actor)) httpError(403);
  const audiences = await pollAudiences(user.actor);
  const day = today();
  return json({ audiences, today: day, defaultEnd: addDays(day, 14), maxEnd: addDays(day, POLL_LIMITS.maxDays) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  if (!mayCreatePolls(user.actor)) httpError(403);
  const read = readPollForm(await request.formData());
  if (!read.ok)
    return json({ ok: false as const, fieldErrors: read.fieldErrors, values: read.values }, { status: 400 });
  const poll = await createPoll(user.actor, read.data);
  return redirectWithFlash(`/sondaggi/${poll.id}`, "polls.created");
}

export default function NewPoll() {
  const t = useT();
  const { audiences, defaultEnd, today: day, maxEnd } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors = failed?.fieldErrors;
  const fields = failed?.values.fields ?? {};
  const options = failed?.values.options ?? [];
  const boxes = Math.max(POLL_LIMITS.maxOptions, options.length);
  return (
    <>
      <Breadcrumb parents={[{ to: "/sondaggi", label: t("polls.title") }]} current={t("polls.new")} />
      <h1>{t("polls.new")}</h1>
      <p>{t("polls.newIntro")}</p>
      <Form method="post" noValidate className="pionieri-poll-form">
        <FormErrors errors={errors} />
        <TextField
          name="question"
          label={t("polls.fieldQuestion")}
          required
          maxLength={POLL_LIMITS.question}
          defaultValue={fields.question}
          errors={errors}
          autoComplete="off"
        />
        <TextAreaField
          id="f-description"
          name="description"
          label={t("polls.fieldDescription")}
          hint={t("polls.fieldDescriptionHint")}
          maxLength={POLL_LIMITS.description}
          defaultValue={fields.description}
          errors={errors}
        />
        <fieldset className="mb-3" aria-describedby={`option-hint${errors?.option ? " option-error" : ""}`}>
          <legend className="pionieri-label">{t("polls.fieldOptions")}</legend>
          <small id="option-hint" className="form-text d-block">
            {t("polls.fieldOptionsHint")}
          </small>
          {errors?.option ? (
            <div id="option-error" className="invalid-feedback d-block" role="alert">
              {tm(t, errors.option)}
            </div>
          ) : null}
          {Array.from({ length: boxes }, (_, index) => (
            <TextField
              key={index}
              id={`f-option-${index + 1}`}
              name="option"
              label={t("polls.fieldOption", { n: index + 1 })}
              maxLength={POLL_LIMITS.option}
              defaultValue={options[index] ?? ""}
              required={index < POLL_LIMITS.minOptions}
              autoComplete="off"
            />
          ))}
        </fieldset>
        <Choices
          name="multiple"
          type="radio"
          legend={t("polls.fieldMultiple")}
          options={[
            { id: "0", name: t("polls.single") },
            { id: "1", name: t("polls.multiple") },
          ]}
          checked={[fields.multiple ?? "0"]}
          errors={errors}
        />
        <Choices
          name="showResults"
          type="radio"
          legend={t("polls.fieldShowResults")}
          options={[
            { id: "AFTER_VOTE", name: t("polls.afterVote") },
            { id: "AFTER_END", name: t("polls.afterEnd") },
          ]}
          checked={[fields.showResults ?? "AFTER_VOTE"]}
          errors={errors}
        />
        <TextField
          name="endsOn"
          type="date"
          label={t("polls.fieldEndsOn")}
          hint={t("polls.fieldEndsOnHint")}
          required
          min={day}
          max={maxEnd}
          defaultValue={fields.endsOn ?? defaultEnd}
          errors={errors}
        />
        <SelectField
          name="audience"
          label={t("polls.fieldAudience")}
          required
          errors={errors}
          defaultValue={fields.audience}
          options={[
            ...(audiences.everyone ? [{ value: "tutti", label: t("polls.everyone") }] : []),
            ...audiences.groups.map((group) => ({
              value: group.id,
              label: t("polls.groupAudience", { group: group.name }),
            })),
          ]}
        />
        <button type="submit" className="btn btn-primary">
          {t("polls.publish")}
        </button>
      </Form>
    </>
  );
}
