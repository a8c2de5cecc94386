import type { InputHTMLAttributes, ReactNode } from "react";
import type { FieldErrors } from "~/lib/forms";
import type { Message, MessageKey } from "~/lib/i18n";
import { tm, useT } from "~/lib/i18n/react";

type Control = {
  id: string;
  /** props that tie the control to its label's hint and error */
  a11y: { "aria-invalid"?: true; "aria-describedby"?: string };
  invalid: boolean;
};

/**
 * The frame every field shares: a label (with "obbligatorio" when required), the control, its
 * hint and its error, tied together with aria-describedby and aria-invalid.
 */
function Field({
  id,
  label,
  required,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  required?: boolean;
  hint?: string;
  error?: Message;
  children: (control: Control) => ReactNode;
}) {
  const t = useT();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="pionieri-field">
      <label htmlFor={id} className="pionieri-label">
        {label}
        {required ? <span className="pionieri-required"> {t("field.required")}</span> : null}
      </label>
      {children({
        id,
        invalid: Boolean(error),
        a11y: {
          ...(error ? { "aria-invalid": true as const } : {}),
          ...(describedBy ? { "aria-describedby": describedBy } : {}),
        },
      })}
      {hint ? (
        <small id={`${id}-hint`} className="form-text">
          {hint}
        </small>
      ) : null}
      {error ? (
        <div id={`${id}-error`} className="invalid-feedback d-block" role="alert">
          {tm(t, error)}
        </div>
      ) : null}
    </div>
  );
}

type FieldProps = {
  name: string;
  label: string;
  errors?: FieldErrors;
  hint?: string;
  type?: string;
  defaultValue?: string;
  required?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "type" | "defaultValue" | "children">;

export function TextField({
  name,
  label,
  errors,
  hint,
  type = "text",
  defaultValue,
  required,
  id,
  ...rest
}: FieldProps) {
  return (
    <Field id={id ?? `f-${name}`} label={label} required={required} hint={hint} error={errors?.[name]}>
      {(control) => (
        <input
          id={control.id}
          name={name}
          type={type}
          defaultValue={defaultValue}
          required={required}
          className={`form-control${control.invalid ? " is-invalid" : ""}`}
          {...control.a11y}
          {...rest}
        />
      )}
    </Field>
  );
}

export function SelectField({
  id,
  name,
  label,
  hint,
  errors,
  options,
  defaultValue,
  required,
}: {
  id?: string;
  name: string;
  label: string;
  hint?: string;
  errors?: FieldErrors;
  options: { value: string; label: string }[];
  defaultValue?: string;
  required?: boolean;
}) {
  return (
    <Field id={id ?? `f-${name}`} label={label} hint={hint} required={required} error={errors?.[name]}>
      {(control) => (
        <select
          id={control.id}
          name={name}
          defaultValue={defaultValue}
          required={required}
          className={`form-select${control.invalid ? " is-invalid" : ""}`}
          {...control.a11y}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function TextAreaField({
  id,
  name,
  label,
  errors,
  defaultValue,
  rows = 3,
  maxLength,
  required,
  hint,
  onChange,
}: {
  id: string;
  name: string;
  label: string;
  errors?: FieldErrors;
  defaultValue?: string;
  rows?: number;
  maxLength?: number;
  required?: boolean;
  hint?: string;
  onChange?: (value: string) => void;
}) {
  return (
    <Field id={id} label={label} required={required} hint={hint} error={errors?.[name]}>
      {(control) => (
        <textarea
          id={control.id}
          name={name}
          rows={rows}
          maxLength={maxLength}
          required={required}
          defaultValue={defaultValue}
          className={`form-control${control.invalid ? " is-invalid" : ""}`}
          onChange={onChange ? (event) => onChange(event.currentTarget.value) : undefined}
          {...control.a11y}
        />
      )}
    </Field>
  );
}

/** One checkbox with its label beside it (a confirmation, an option), its error tied to it. */
export function CheckField({
  id,
  name,
  label,
  value = "1",
  errors,
  defaultChecked,
}: {
  id: string;
  name: string;
  label: string;
  value?: string;
  errors?: FieldErrors;
  defaultChecked?: boolean;
}) {
  const t = useT();
  const error = errors?.[name];
  return (
    <div className="pionieri-check-field">
      <input
        id={id}
        type="checkbox"
        name={name}
        value={value}
        defaultChecked={defaultChecked}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <label htmlFor={id}>{label}</label>
      {error ? (
        <div id={`${id}-error`} className="invalid-feedback d-block" role="alert">
          {tm(t, error)}
        </div>
      ) : null}
    </div>
  );
}

/** Shown above a form that came back with errors, so a screen reader hears it first. */
export function FormErrors({ errors, message }: { errors?: FieldErrors; message?: MessageKey }) {
  const t = useT();
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <div className="alert alert-danger" role="alert" tabIndex={-1}>
      {t(message ?? "form.errorSummary")}
    </div>
  );
}
