import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/form";
import { groupOptions } from "~/domain/groups.server";
import { timelineData } from "~/domain/timeline.server";
import { assertCan } from "~/domain/policy";
import { milestoneSchema, phaseSchema } from "~/forms/schemas.server";
import {
  createMilestone,
  createPhase,
  deleteMilestone,
  deletePhase,
  pinPhase,
  updateMilestone,
  updatePhase,
} from "~/domain/timeline.server";
import { requireUser } from "~/lib/auth.server";
import { formatDay, romeDay } from "~/lib/dates";
import { redirectWithFlash } from "~/lib/flash.server";
import { failureOf, field, type FieldErrors } from "~/lib/forms";
import { invalid, parseForm } from "~/lib/forms.server";
import { httpError } from "~/lib/http.server";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import type { PageHandle } from "~/lib/i18n";
import { adminMessages } from "~/lib/i18n/messages/admin";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { objectivesMessages } from "~/lib/i18n/messages/objectives";
import { planMessages } from "~/lib/i18n/messages/plan";

export const handle: PageHandle = { messages: [adminMessages, formsMessages, objectivesMessages, planMessages] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "timeline.manage");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  assertCan(user.actor, "timeline.manage");
  const [{ phases, milestones }, groups] = await Promise.all([timelineData(), groupOptions()]);
  return json({ phases, milestones, groups: groups.map(({ id, name }) => ({ id, name })) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  assertCan(user.actor, "timeline.manage");
  const form = await request.formData();
  const intent = field(form, "intent");
  const back = (key: Parameters<typeof redirectWithFlash>[1]) => redirectWithFlash("/crono-programma/gestione", key);
  switch (intent) {
    case "createPhase":
    case "updatePhase": {
      const parsed = parseForm(phaseSchema, form);
      const formName = intent === "createPhase" ? "new-phase" : field(form, "phaseId");
      if (!parsed.ok) return invalid(parsed.fieldErrors, parsed.values, { form: formName });
      if (intent === "createPhase") await createPhase(user.actor, parsed.data);
      else await updatePhase(user.actor, field(form, "phaseId"), parsed.data);
      return back("timeline.phaseSaved");
    }
    case "deletePhase":
      await deletePhase(user.actor, field(form, "phaseId"));
      return back("timeline.phaseDeleted");
    case "pinPhase":
      await pinPhase(user.actor, field(form, "phaseId") || null);
      return back("timeline.phasePinned");
    case "createMilestone":
    case "updateMilestone": {
      const parsed = parseForm(milestoneSchema, form);
      const formName = intent === "createMilestone" ? "new-milestone" : field(form, "milestoneId");
      if (!parsed.ok) return invalid(parsed.fieldErrors, parsed.values, { form: formName });
      if (intent === "createMilestone") await createMilestone(user.actor, parsed.data);
      else await updateMilestone(user.actor, field(form, "milestoneId"), parsed.data);
      return back("timeline.milestoneSaved");
    }
    case "deleteMilestone":
      await deleteMilestone(user.actor, field(form, "milestoneId"));
      return back("timeline.milestoneDeleted");
    default:
      httpError(400, "v.unknownIntent");
  }
}

export default function ManageTimeline() {
  const t = useT();
  const locale = useLocale();
  const { phases, milestones, groups } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errorsFor = (name: string) => failureOf(actionData, name)?.fieldErrors;
  const valuesFor = (name: string) => failureOf(actionData, name)?.values;
  const newPhase = valuesFor("new-phase");
  const newMilestone = valuesFor("new-milestone");
  return (
    <>
      <Breadcrumb parents={[{ to: "/crono-programma", label: t("nav.timeline") }]} current={t("timeline.manage")} />
      <h1>{t("timeline.manage")}</h1>
      <p>{t("timeline.manageIntro")}</p>

      <h2 className="h4">{t("timeline.phases")}</h2>
      {phases.map((phase) => {
        const values = valuesFor(phase.id);
        const errors = errorsFor(phase.id);
        return (
          <section key={phase.id} className="pionieri-panel mb-3" aria-labelledby={`ph-${phase.id}`}>
            <h3 id={`ph-${phase.id}`} className="h5">
              {phase.name} {phase.pinned ? <span className="badge bg-primary">{t("timeline.pinned")}</span> : null}
            </h3>
            <FormErrors errors={errors} />
            <Form method="post">
              <input type="hidden" name="intent" value="updatePhase" />
              <input type="hidden" name="phaseId" value={phase.id} />
              <PhaseFields
                prefix={phase.id}
                errors={errors}
                values={{
                  name: values?.name ?? phase.name,
                  startOn: values?.startOn ?? romeDay(phase.startsOn),
                  endOn: values?.endOn ?? romeDay(phase.endsOn),
                  position: values?.position ?? String(phase.position),
                  description: values?.description ?? phase.description,
                }}
              />
              <button type="submit" className="btn btn-primary btn-sm">
                {t("timeline.savePhase", { name: phase.name })}
              </button>
            </Form>
            <div className="pionieri-actions-row mt-2">
              <Form method="post">
                <input type="hidden" name="intent" value="pinPhase" />
                <input type="hidden" name="phaseId" value={phase.pinned ? "" : phase.id} />
                <button type="submit" className="btn btn-outline-primary btn-sm">
                  {phase.pinned ? t("timeline.unpin") : t("timeline.pin", { name: phase.name })}
                </button>
              </Form>
              <Form method="post">
                <input type="hidden" name="intent" value="deletePhase" />
                <input type="hidden" name="phaseId" value={phase.id} />
                <button type="submit" className="btn btn-outline-danger btn-sm">
                  {t("timeline.deletePhase", { name: phase.name })}
                </button>
              </Form>
            </div>
          </section>
        );
      })}
      <section className="pionieri-panel mb-4" aria-labelledby="new-phase">
        <h3 id="new-phase" className="h5">
          {t("timeline.newPhase")}
        </h3>
        <FormErrors errors={errorsFor("new-phase")} />
        <Form method="post">
          <input type="hidden" name="intent" value="createPhase" />
          <PhaseFields
            prefix="new-phase"
            errors={errorsFor("new-phase")}
            values={{ ...newPhase, position: newPhase?.position ?? String(phases.length) }}
          />
          <button type="submit" className="btn btn-primary btn-sm">
            {t("timeline.addPhase")}
          </button>
        </Form>
      </section>

      <h2 className="h4">{t("timeline.milestones")}</h2>
      <ul className="pionieri-plain-list mb-3">
        {milestones.map((m) => (
          <li key={m.id} className="pionieri-tag-row mb-2">
            <span>
              <strong>{formatDay(m.date, locale)}</strong> {m.title}
              {m.groupName ? ` (${m.groupName})` : ""}
            </span>
            <Form method="post">
              <input type="hidden" name="intent" value="deleteMilestone" />
              <input type="hidden" name="milestoneId" value={m.id} />
              <button type="submit" className="btn btn-outline-danger btn-xs">
                {t("timeline.deleteMilestone", { name: m.title })}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <section className="pionieri-panel" aria-labelledby="new-milestone">
        <h3 id="new-milestone" className="h5">
          {t("timeline.newMilestone")}
        </h3>
        <Form method="post" className="pionieri-inline-form">
          <input type="hidden" name="intent" value="createMilestone" />
          <TextField
            id="ms-title"
            name="title"
            label={t("timeline.milestoneTitle")}
            required
            maxLength={120}
            defaultValue={newMilestone?.title}
            errors={errorsFor("new-milestone")}
          />
          <TextField
            id="ms-date"
            name="date"
            type="date"
            label={t("timeline.milestoneDate")}
            required
            defaultValue={newMilestone?.date}
            errors={errorsFor("new-milestone")}
          />
          <SelectField
            name="groupId"
            label={t("timeline.milestoneGroup")}
            options={[
              { value: "", label: t("timeline.wholeProject") },
              ...groups.map((g) => ({ value: g.id, label: g.name })),
            ]}
          />
          <button type="submit" className="btn btn-primary">
            {t("timeline.addMilestone")}
          </button>
        </Form>
      </section>
    </>
  );
}

/** The fields of a phase, the same for editing one and adding one. */
function PhaseFields({
  prefix,
  errors,
  values,
}: {
  prefix: string;
  errors?: FieldErrors;
  values: Partial<Record<"name" | "startOn" | "endOn" | "position" | "description", string>>;
}) {
  const t = useT();
  return (
    <>
      <div className="pionieri-inline-form">
        <TextField
          id={`${prefix}-name`}
          name="name"
          label={t("timeline.phaseName")}
          required
          defaultValue={values.name}
          errors={errors}
          maxLength={80}
        />
        <TextField
          id={`${prefix}-start`}
          name="startOn"
          type="date"
          label={t("timeline.from")}
          required
          defaultValue={values.startOn}
          errors={errors}
        />
        <TextField
          id={`${prefix}-end`}
          name="endOn"
          type="date"
          label={t("timeline.to")}
          required
          defaultValue={values.endOn}
          errors={errors}
        />
        <TextField
          id={`${prefix}-pos`}
          name="position"
          type="number"
          label={t("admin.groups.position")}
          defaultValue={values.position}
          errors={errors}
        />
      </div>
      <TextAreaField
        id={`${prefix}-desc`}
        name="description"
        label={t("admin.groups.description")}
        defaultValue={values.description}
        errors={errors}
        maxLength={1000}
      />
    </>
  );
}
