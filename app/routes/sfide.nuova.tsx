import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/form";
import { CHALLENGE_LIMITS } from "~/domain/challenges";
import { challengeAudiences, createChallenge, evidenceChoices, mayCreateChallenges } from "~/domain/challenges.server";
import { citeFigure } from "~/domain/evidence.server";
import { readChallengeForm } from "~/forms/challenge.server";
import { requireUser } from "~/lib/auth.server";
import { addDays, today } from "~/lib/days";
import { redirectWithFlash } from "~/lib/flash.server";
import type { FieldErrors } from "~/lib/forms";
import { httpError } from "~/lib/http.server";
import type { PageHandle } from "~/lib/i18n";
import { challengesMessages } from "~/lib/i18n/messages/challenges";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";

export const handle: PageHandle = { messages: [challengesMessages, formsMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "challenges.new");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  if (!mayCreateChallenges(user.actor)) httpError(403);
  const [audiences, figures] = await Promise.all([challengeAudiences(user.actor), evidenceChoices()]);
  const day = today();
  return json({
    audiences,
    figures,
    defaults: {
      opensOn: day,
      closesOn: addDays(day, 30),
      // Started from a figure's page (/sfide/nuova?evidenza=...), as the idea form is.
      evidenza: new URL(request.url).searchParams.get("evidenza") ?? "",
    },
    today: day,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  if (!mayCreateChallenges(user.actor)) httpError(403);
  const form = await request.formData();
  const read = readChallengeForm(form);
  if (!read.ok) return json({ fieldErrors: read.fieldErrors, values: read.values }, { status: 400 });
  const { evidenceKey, ...data } = read.data;
  // The figure as it stands today, frozen with the challenge; a key that names nothing is refused.
  const evidence = evidenceKey ? await citeFigure(evidenceKey) : null;
  if (evidenceKey && !evidence) {
    const values: Record<string, string> = {};
    for (const [name, value] of form.entries()) if (typeof value === "string") values[name] ??= value;
    return json(
      { fieldErrors: { evidenza: { key: "challenges.evidenceInvalid" } } as FieldErrors, values },
      { status: 400 },
    );
  }
  const challenge = await createChallenge(user.actor, { ...data, evidence });
  return redirectWithFlash(`/sfide/${challenge.id}`, "challenges.created");
}

export default function NewChallenge() {
  const t = useT();
  const { audiences, figures, defaults, today: day } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors = failed?.fieldErrors;
  const values: Record<string, string> = failed?.values ?? defaults;
  return (
    <>
      <Breadcrumb parents={[{ to: "/sfide", label: t("challenges.title") }]} current={t("challenges.new")} />
      <h1>{t("challenges.new")}</h1>
      <p>{t("challenges.newIntro")}</p>
      <Form method="post" noValidate>
        <FormErrors errors={errors} />
        <TextField
          name="title"
          label={t("challenges.fieldTitle")}
          hint={t("challenges.fieldTitleHint")}
          required
          maxLength={CHALLENGE_LIMITS.title}
          defaultValue={values.title}
          errors={errors}
          autoComplete="off"
        />
        <TextAreaField
          id="f-description"
          name="description"
          label={t("challenges.fieldDescription")}
          hint={t("challenges.fieldDescriptionHint")}
          required
          rows={6}
          maxLength={CHALLENGE_LIMITS.description}
          defaultValue={values.description}
          errors={errors}
        />
        <SelectField
          name="audience"
          label={t("challenges.fieldAudience")}
          required
          errors={errors}
          defaultValue={values.audience}
          options={[
            ...(audiences.everyone ? [{ value: "tutti", label: t("challenges.everyone") }] : []),
            ...audiences.groups.map((group) => ({
              value: group.id,
              label: t("challenges.groupAudience", { group: group.name }),
            })),
          ]}
        />
        <SelectField
          name="evidenza"
          label={t("challenges.fieldEvidence")}
          hint={t("challenges.fieldEvidenceHint")}
          errors={errors}
          defaultValue={values.evidenza}
          options={[
            { value: "", label: t("challenges.evidenceNone") },
            ...figures.map((figure) => ({
              value: figure.key,
              label: t("challenges.evidenceOption", {
                measure: t(`challenges.measure.${figure.measure}`),
                source: figure.source,
              }),
            })),
          ]}
        />
        <div className="pionieri-meeting-when">
          <TextField
            name="opensOn"
            type="date"
            label={t("challenges.fieldOpensOn")}
            required
            min={day}
            defaultValue={values.opensOn}
            errors={errors}
          />
          <TextField
            name="closesOn"
            type="date"
            label={t("challenges.fieldClosesOn")}
            hint={t("challenges.fieldClosesOnHint")}
            required
            min={day}
            defaultValue={values.closesOn}
            errors={errors}
          />
        </div>
        <button type="submit" className="btn btn-primary">
          {t("challenges.publish")}
        </button>
      </Form>
    </>
  );
}
