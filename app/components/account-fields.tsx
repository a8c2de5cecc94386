import { LIMITS } from "~/domain/limits";
import { PASSWORD_MAX, PASSWORD_MIN } from "~/domain/passwords";
import type { FieldErrors } from "~/lib/forms";
import { useT } from "~/lib/i18n/react";
import { TextField } from "./form";

/** Name and office, as the invitation asks them and the profile changes them. */
export function PersonFields({
  errors,
  values,
}: {
  errors?: FieldErrors;
  values: { displayName: string; office: string };
}) {
  const t = useT();
  return (
    <>
      <TextField
        name="displayName"
        label={t("field.displayName")}
        required
        maxLength={LIMITS.displayName}
        autoComplete="name"
        errors={errors}
        defaultValue={values.displayName}
      />
      <TextField
        name="office"
        label={t("field.office")}
        hint={t("field.officeHint")}
        maxLength={LIMITS.office}
        autoComplete="organization-title"
        errors={errors}
        defaultValue={values.office}
      />
    </>
  );
}

/** A new password typed twice, with the rule it must follow (newPasswordSchema checks it). */
export function NewPasswordFields({ errors, label }: { errors?: FieldErrors; label: "password" | "newPassword" }) {
  const t = useT();
  return (
    <>
      <TextField
        name="password"
        type="password"
        label={t(label === "password" ? "field.password" : "field.newPassword")}
        hint={t("field.passwordHint")}
        required
        minLength={PASSWORD_MIN}
        maxLength={PASSWORD_MAX}
        autoComplete="new-password"
        errors={errors}
      />
      <TextField
        name="passwordConfirm"
        type="password"
        label={t("field.passwordConfirm")}
        required
        autoComplete="new-password"
        errors={errors}
      />
    </>
  );
}
