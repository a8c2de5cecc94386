import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { ActionLabel } from "~/components/action-label";
import { ConfirmAction } from "~/components/confirm-action";
import { EditFold } from "~/components/edit-fold";
import { DataTable } from "~/components/data-table";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/form";
import { groupOptions } from "~/domain/groups.server";
import { currentPhase, timelineData } from "~/domain/timeline.server";
import { assertCan } from "~/domain/policy.server";
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
import { failureOf, field, typedValues, type FieldErrors } from "~/lib/forms";
import { invalid, parseForm } from "~/lib/forms.server";
import { httpError } from "~/lib/http.server";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import type { PageHandle } from "~/lib/i18n";
import { adminMessages } from "~/lib/i18n/messages/admin";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { objectivesMessages } from "~/lib/i18n/messages/objectives";
import { planMessages } from "~/lib/i18n/messages/plan";

export const handle: PageHandle = {
  messages: [adminMessages, formsMessages, objectivesMessages, planMessages],
  hydrate: false,
};

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "timeline.manage");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  assertCan(user.actor, "timeline.manage");
  const [{ phases, milestones }, groups, current] = await Promise.all([timelineData(), groupOptions(), currentPhase()]);
  return json({
    phases,
    milestones,
    currentId: current?.id ?? null,
    groups: groups.map(({ id, name }) => ({ id, name })),
  });
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
    case "deletePhase": {
      const phaseId = field(form, "phaseId");
      if (field(form, "confirm") !== "1")
        return invalid({ confirm: { key: "v.confirmRequired" } }, typedValues(form), { form: `delete-${phaseId}` });
      await deletePhase(user.actor, phaseId);
      return back("timeline.phaseDeleted");
    }
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
    case "deleteMilestone": {
      const milestoneId = field(form, "milestoneId");
      if (field(form, "confirm") !== "1")
        return invalid({ confirm: { key: "v.confirmRequired" } }, typedValues(form), { form: `delete-${milestoneId}` });
      await deleteMilestone(user.actor, milestoneId);
      return back("timeline.milestoneDeleted");
    }
    default:
      httpError(400, "v.unknownIntent");
  }
}

export default function ManageTimeline() {
  const t = useT();
  const locale = useLocale();
  const { phases, milestones, groups, currentId } = useLoaderData<typeof loader>();
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
      <DataTable
        caption={t("timeline.phases")}
        captionHidden
        rows={phases}
        rowKey={(phase) => phase.id}
        columns={[
          {
            label: t("timeline.phase"),
            rowHeader: true,
            cell: (phase) => (
              <>
                {phase.name}
                {phase.id === currentId ? <span className="pionieri-badge">{t("timeline.current")}</span> : null}
                {phase.pinned ? <span className="pionieri-badge">{t("timeline.pinned")}</span> : null}
              </>
            ),
          },
          { label: t("timeline.from"), cell: (phase) => formatDay(romeDay(phase.startsOn), locale) },
          { label: t("timeline.to"), cell: (phase) => formatDay(romeDay(phase.endsOn), locale) },
          {
            label: t("tags.actions"),
            cell: (phase) => {
              const values = valuesFor(phase.id);
              const errors = errorsFor(phase.id);
              return (
                <div className="pionieri-row-actions">
                  <EditFold
                    summary={<ActionLabel text={t("timeline.edit")} about={phase.name} />}
                    fields={{ intent: "updatePhase", phaseId: phase.id }}
                    submit={t("timeline.savePhase", { name: phase.name })}
                    errors={errors}
                  >
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
                  </EditFold>
                  <Form method="post">
                    <input type="hidden" name="intent" value="pinPhase" />
                    <input type="hidden" name="phaseId" value={phase.pinned ? "" : phase.id} />
                    <button type="submit" className="btn btn-outline-primary btn-sm">
                      {phase.pinned ? t("timeline.unpin") : <ActionLabel text={t("timeline.pin")} about={phase.name} />}
                    </button>
                  </Form>
                  <ConfirmAction
                    id={`confirm-${phase.id}`}
                    summary={<ActionLabel text={t("tags.delete")} about={phase.name} />}
                    fields={{ intent: "deletePhase", phaseId: phase.id }}
                    explain={t("timeline.deletePhaseExplain", { name: phase.name })}
                    confirm={t("timeline.deleteConfirm")}
                    submit={t("timeline.deletePhase", { name: phase.name })}
                    errors={errorsFor(`delete-${phase.id}`)}
                  />
                </div>
              );
            },
          },
        ]}
      />
      <details className="pionieri-panel mb-4" open={Boolean(newPhase)}>
        <summary className="h5">{t("timeline.newPhase")}</summary>
        <FormErrors errors={errorsFor("new-phase")} />
        <Form method="post" className="mt-2">
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
      </details>

      <h2 className="h4">{t("timeline.milestones")}</h2>
      {milestones.length === 0 ? <p>{t("timeline.noMilestones")}</p> : null}
      <DataTable
        caption={t("timeline.milestones")}
        captionHidden
        rows={milestones}
        rowKey={(m) => m.id}
        columns={[
          { label: t("timeline.milestoneTitle"), rowHeader: true, cell: (m) => m.title },
          { label: t("timeline.milestoneDate"), cell: (m) => formatDay(m.date, locale) },
          { label: t("timeline.milestoneGroup"), cell: (m) => m.groupName ?? t("timeline.wholeProject") },
          {
            label: t("tags.actions"),
            cell: (m) => {
              const errors = errorsFor(m.id);
              return (
                <div className="pionieri-row-actions">
                  <EditFold
                    summary={<ActionLabel text={t("timeline.edit")} about={m.title} />}
                    fields={{ intent: "updateMilestone", milestoneId: m.id }}
                    submit={t("timeline.saveMilestone", { name: m.title })}
                    errors={errors}
                  >
                    <MilestoneFields
                      prefix={m.id}
                      errors={errors}
                      groups={groups}
                      values={valuesFor(m.id) ?? { title: m.title, date: m.date, groupId: m.groupId ?? "" }}
                    />
                  </EditFold>
                  <ConfirmAction
                    id={`confirm-${m.id}`}
                    summary={<ActionLabel text={t("tags.delete")} about={m.title} />}
                    fields={{ intent: "deleteMilestone", milestoneId: m.id }}
                    explain={t("timeline.deleteMilestoneExplain", { name: m.title })}
                    confirm={t("timeline.deleteConfirm")}
                    submit={t("timeline.deleteMilestone", { name: m.title })}
                    errors={errorsFor(`delete-${m.id}`)}
                  />
                </div>
              );
            },
          },
        ]}
      />
      <details className="pionieri-panel" open={Boolean(newMilestone)}>
        <summary className="h5">{t("timeline.newMilestone")}</summary>
        <Form method="post" className="mt-2">
          <input type="hidden" name="intent" value="createMilestone" />
          <MilestoneFields
            prefix="ms"
            errors={errorsFor("new-milestone")}
            groups={groups}
            values={newMilestone ?? {}}
          />
          <button type="submit" className="btn btn-primary">
            {t("timeline.addMilestone")}
          </button>
        </Form>
      </details>
    </>
  );
}

/** The fields of a milestone, the same for editing one and adding one. */
function MilestoneFields({
  prefix,
  errors,
  groups,
  values,
}: {
  prefix: string;
  errors?: FieldErrors;
  groups: { id: string; name: string }[];
  values: Partial<Record<"title" | "date" | "groupId", string>>;
}) {
  const t = useT();
  return (
    <div className="pionieri-inline-form">
      <TextField
        id={`${prefix}-title`}
        name="title"
        label={t("timeline.milestoneTitle")}
        required
        maxLength={120}
        defaultValue={values.title}
        errors={errors}
      />
      <TextField
        id={`${prefix}-date`}
        name="date"
        type="date"
        label={t("timeline.milestoneDate")}
        required
        defaultValue={values.date}
        errors={errors}
      />
      <SelectField
        id={`${prefix}-group`}
        name="groupId"
        label={t("timeline.milestoneGroup")}
        defaultValue={values.groupId ?? ""}
        options={[
          { value: "", label: t("timeline.wholeProject") },
          ...groups.map((g) => ({ value: g.id, label: g.name })),
        ]}
      />
    </div>
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
