import { Form } from "@remix-run/react";
import { FormErrors, SelectField, TextField } from "~/components/form";
import { MEETING_LIMITS } from "~/domain/meetings";
import type { FieldErrors } from "~/lib/forms";
import { tm, useT } from "~/lib/i18n/react";

/** How many agenda boxes the form offers (the empty ones are ignored). */
const AGENDA_BOXES = 6;

/**
 * A meeting's form (new and edit): title, day and hours (Rome), place and/or video link, and the
 * agenda, each item with what it is about among the group's ideas and objectives. Server-drawn,
 * a plain POST: it works without JavaScript.
 */
export function MeetingForm({
  values,
  errors,
  choices,
  minDay,
  submitLabel,
}: {
  values: { fields: Record<string, string>; items: { title: string; ref: string }[] };
  errors?: FieldErrors;
  choices: { ideas: { id: number; title: string }[]; objectives: { id: number; title: string }[] };
  minDay: string;
  submitLabel: string;
}) {
  const t = useT();
  const { fields, items } = values;
  const boxes = Math.max(AGENDA_BOXES, items.length);
  const refOptions = [
    { value: "", label: t("gmeetings.refNone") },
    ...choices.ideas.map((idea) => ({
      value: `idea:${idea.id}`,
      label: t("gmeetings.refIdea", { title: idea.title }),
    })),
    ...choices.objectives.map((objective) => ({
      value: `obiettivo:${objective.id}`,
      label: t("gmeetings.refObjective", { title: objective.title }),
    })),
  ];
  return (
    <Form method="post" noValidate className="pionieri-meeting-form">
      <FormErrors errors={errors} />
      <TextField
        name="title"
        label={t("gmeetings.fieldTitle")}
        required
        maxLength={MEETING_LIMITS.title}
        defaultValue={fields.title}
        errors={errors}
        autoComplete="off"
      />
      <div className="pionieri-meeting-when">
        <TextField
          name="day"
          type="date"
          label={t("gmeetings.fieldDay")}
          required
          min={minDay}
          defaultValue={fields.day}
          errors={errors}
        />
        <TextField
          name="start"
          type="time"
          label={t("gmeetings.fieldStart")}
          hint={t("gmeetings.timeHint")}
          required
          defaultValue={fields.start}
          errors={errors}
        />
        <TextField
          name="end"
          type="time"
          label={t("gmeetings.fieldEnd")}
          required
          defaultValue={fields.end}
          errors={errors}
        />
      </div>
      <TextField
        name="place"
        label={t("gmeetings.fieldPlace")}
        hint={t("gmeetings.placeHint")}
        maxLength={MEETING_LIMITS.place}
        defaultValue={fields.place}
        errors={errors}
      />
      <TextField
        name="videoUrl"
        type="url"
        label={t("gmeetings.fieldVideo")}
        maxLength={MEETING_LIMITS.videoUrl}
        defaultValue={fields.videoUrl}
        errors={errors}
        inputMode="url"
      />
      <fieldset className="mb-3" aria-describedby={`item-hint${errors?.item ? " item-error" : ""}`}>
        <legend className="pionieri-label">{t("gmeetings.fieldAgenda")}</legend>
        <small id="item-hint" className="form-text d-block">
          {t("gmeetings.agendaHint", { max: MEETING_LIMITS.maxItems })}
        </small>
        {errors?.item ? (
          <div id="item-error" className="invalid-feedback d-block" role="alert">
            {tm(t, errors.item)}
          </div>
        ) : null}
        <ol className="pionieri-agenda-boxes">
          {Array.from({ length: boxes }, (_, index) => (
            <li key={index}>
              <TextField
                id={`f-item-${index + 1}`}
                name="item"
                label={t("gmeetings.fieldItem", { n: index + 1 })}
                maxLength={MEETING_LIMITS.item}
                defaultValue={items[index]?.title ?? ""}
                autoComplete="off"
              />
              <SelectField
                id={`f-itemRef-${index + 1}`}
                name="itemRef"
                label={t("gmeetings.fieldItemRef", { n: index + 1 })}
                options={refOptions}
                defaultValue={items[index]?.ref ?? ""}
              />
            </li>
          ))}
        </ol>
      </fieldset>
      <button type="submit" className="btn btn-primary">
        {submitLabel}
      </button>
    </Form>
  );
}
