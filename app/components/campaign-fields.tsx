import type { ReactNode } from "react";
import { OBSERVE_LIMITS } from "~/domain/observation";
import type { FieldErrors } from "~/lib/forms";
import { useT } from "~/lib/i18n/react";
import { Choices } from "./choices";
import { TextAreaField, TextField } from "./form";

type Option = { id: string; name: string };

/**
 * A campaign's fields, the same when it is opened and when it is changed: what was typed comes
 * back after a refusal, else the campaign's own values. `children` goes after the purpose (the
 * group, chosen only when opening).
 */
export function CampaignFields({
  values,
  current,
  errors,
  places,
  services,
  children,
}: {
  values?: Record<string, string>;
  current: {
    title: string;
    purpose: string;
    startsOn: string;
    endsOn: string;
    placeIds: string[];
    serviceIds: string[];
  };
  errors?: FieldErrors;
  places: Option[];
  services: Option[];
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <>
      <TextField
        name="title"
        label={t("obs.campaignTitle")}
        required
        maxLength={OBSERVE_LIMITS.title}
        errors={errors}
        defaultValue={values?.title ?? current.title}
      />
      <TextAreaField
        id="f-purpose"
        name="purpose"
        label={t("obs.purpose")}
        hint={t("obs.purposeHint")}
        maxLength={OBSERVE_LIMITS.purpose}
        errors={errors}
        defaultValue={values?.purpose ?? current.purpose}
      />
      {children}
      <div className="pionieri-inline-form">
        <TextField
          name="startsOn"
          type="date"
          label={t("obs.startsOn")}
          required
          errors={errors}
          defaultValue={values?.startsOn ?? current.startsOn}
        />
        <TextField
          name="endsOn"
          type="date"
          label={t("obs.endsOn")}
          required
          errors={errors}
          defaultValue={values?.endsOn ?? current.endsOn}
        />
      </div>
      <Choices name="placeIds" legend={t("obs.places")} options={places} checked={current.placeIds} errors={errors} />
      <Choices
        name="serviceIds"
        legend={t("obs.services")}
        options={services}
        checked={current.serviceIds}
        errors={errors}
      />
    </>
  );
}
