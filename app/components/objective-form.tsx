import { Form } from "@remix-run/react";
import { OBJECTIVE_STATUSES } from "~/domain/objectives";
import type { FieldErrors } from "~/lib/forms";
import { useT } from "~/lib/i18n/react";
import { FormErrors, SelectField, TextAreaField, TextField } from "./form";
import { StatusBadge } from "./status-badge";
import { objectiveStatusLabel } from "~/lib/i18n/labels";

export type ObjectiveValues = Record<string, string> & { ideaIds?: string[] };

/** Creating and editing a micro-objective: the same fields, the edit also carries its version. */
export function ObjectiveForm({
  values,
  errors,
  members,
  ideas,
  groupId,
  version,
  submitLabel,
  stale,
}: {
  values: ObjectiveValues;
  errors?: FieldErrors;
  members: { id: string; displayName: string }[];
  ideas: { id: number; title: string; status: string; groupName: string; own: boolean }[];
  groupId: string;
  version?: number;
  submitLabel: string;
  stale?: boolean;
}) {
  const t = useT();
  const v = (name: string) => values[name] ?? "";
  const chosen = new Set(values.ideaIds ?? []);
  return (
    <Form method="post" noValidate className="pionieri-objective-form">
      {stale ? (
        <div className="alert alert-warning" role="alert">
          {t("objectives.stale")}
        </div>
      ) : (
        <FormErrors errors={errors} />
      )}
      <input type="hidden" name="groupId" value={groupId} />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <TextField
        name="title"
        label={t("objectives.fieldTitle")}
        required
        maxLength={140}
        defaultValue={v("title")}
        errors={errors}
      />
      <TextAreaField
        id="f-description"
        name="description"
        label={t("objectives.fieldDescription")}
        hint={t("ideas.markdownHint")}
        rows={5}
        maxLength={10_000}
        defaultValue={v("description")}
        errors={errors}
      />
      <SelectField
        name="ownerId"
        label={t("objectives.fieldOwner")}
        defaultValue={v("ownerId")}
        errors={errors}
        options={[
          { value: "", label: t("objectives.noOwner") },
          ...members.map((m) => ({ value: m.id, label: m.displayName })),
        ]}
      />
      <div className="pionieri-inline-form">
        <TextField
          name="startOn"
          type="date"
          label={t("objectives.fieldStart")}
          required
          defaultValue={v("startOn")}
          errors={errors}
          hint={t("objectives.dateHint")}
        />
        <TextField
          name="dueOn"
          type="date"
          label={t("objectives.fieldDue")}
          required
          defaultValue={v("dueOn")}
          errors={errors}
          hint={t("objectives.dateHint")}
        />
        <TextField
          name="forecastOn"
          type="date"
          label={t("objectives.fieldForecast")}
          defaultValue={v("forecastOn")}
          errors={errors}
          hint={t("objectives.forecastHint")}
        />
      </div>
      <div className="pionieri-inline-form">
        <SelectField
          name="status"
          label={t("objectives.fieldStatus")}
          defaultValue={v("status") || "PIANIFICATO"}
          errors={errors}
          options={OBJECTIVE_STATUSES.map((status) => ({
            value: status,
            label: objectiveStatusLabel(t, status),
          }))}
        />
        <TextField
          name="progress"
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
          label={t("objectives.fieldProgress")}
          required
          defaultValue={v("progress") || "0"}
          errors={errors}
        />
      </div>
      <fieldset className="pionieri-fieldset">
        <legend className="pionieri-label">{t("objectives.indicator")}</legend>
        <p className="form-text">{t("objectives.indicatorHint")}</p>
        <div className="pionieri-inline-form">
          <TextField
            name="indicatorName"
            label={t("objectives.indicatorName")}
            maxLength={80}
            defaultValue={v("indicatorName")}
            errors={errors}
          />
          <TextField
            name="indicatorUnit"
            label={t("objectives.indicatorUnit")}
            maxLength={20}
            defaultValue={v("indicatorUnit")}
            errors={errors}
          />
        </div>
        <div className="pionieri-inline-form">
          <TextField
            name="indicatorBaseline"
            inputMode="decimal"
            label={t("objectives.indicatorBaseline")}
            defaultValue={v("indicatorBaseline")}
            errors={errors}
          />
          <TextField
            name="indicatorTarget"
            inputMode="decimal"
            label={t("objectives.indicatorTarget")}
            defaultValue={v("indicatorTarget")}
            errors={errors}
          />
          <TextField
            name="indicatorCurrent"
            inputMode="decimal"
            label={t("objectives.indicatorCurrent")}
            defaultValue={v("indicatorCurrent")}
            errors={errors}
          />
        </div>
      </fieldset>
      <fieldset className="pionieri-fieldset">
        <legend className="pionieri-label">{t("objectives.carriedIdeas")}</legend>
        {ideas.length === 0 ? (
          <p>{t("objectives.noCarriable")}</p>
        ) : (
          <p className="form-text">{t("objectives.carriedHint")}</p>
        )}
        {[true, false].map((own) => {
          const shown = ideas.filter((idea) => idea.own === own);
          if (shown.length === 0) return null;
          return (
            <div key={String(own)} className="mb-2">
              <p className="pionieri-label mb-1">{t(own ? "objectives.ideasOwn" : "objectives.ideasOthers")}</p>
              {shown.map((idea) => (
                <label key={idea.id} className="pionieri-check">
                  <input type="checkbox" name="ideaId" value={idea.id} defaultChecked={chosen.has(String(idea.id))} /> #
                  {idea.id} {idea.title} <StatusBadge status={idea.status} />
                  {own ? null : <span className="pionieri-muted"> ({idea.groupName})</span>}
                </label>
              ))}
            </div>
          );
        })}
      </fieldset>
      <button type="submit" className="btn btn-primary">
        {submitLabel}
      </button>
    </Form>
  );
}
