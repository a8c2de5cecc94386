import type { InputHTMLAttributes, ReactNode } from "react";
import type { FieldErrors } from "~/lib/forms";
import type { MessageKey } from "~/lib/i18n";
import { tm, useT } from "~/lib/i18n/react";

type FieldProps = {
  name: string;
  label: string;
  errors?: FieldErrors;
  hint?: string;
  type?: string;
  defaultValue?: string;
  required?: boolean;
  children?: ReactNode;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "type" | "defaultValue" | "children">;

/** A labelled input with its hint and error tied to it (aria-describedby, aria-invalid). */
export function TextField({ name, label, errors, hint, type = "text", defaultValue, required, id, ...rest }: FieldProps) {
  const t = useT();
  const inputId = id ?? `f-${name}`;
  const error = errors?.[name];
  const describedBy = [hint ? `${inputId}-hint` : null, error ? `${inputId}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="pionieri-field">
      <label htmlFor={inputId} className="pionieri-label">
        {label}
        {required ? <span className="pionieri-required"> {t("field.required")}</span> : null}
      </label>
      <input
        id={inputId}
        name={name}
        type={type}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`form-control${error ? " is-invalid" : ""}`}
        {...rest}
      />
      {hint ? (
        <small id={`${inputId}-hint`} className="form-text">
          {hint}
        </small>
      ) : null}
      {error ? (
        <div id={`${inputId}-error`} className="invalid-feedback d-block" role="alert">
          {tm(t, error)}
        </div>
      ) : null}
    </div>
  );
}

export function SelectField({
  name,
  label,
  errors,
  options,
  defaultValue,
  required,
}: {
  name: string;
  label: string;
  errors?: FieldErrors;
  options: { value: string; label: string }[];
  defaultValue?: string;
  required?: boolean;
}) {
  const t = useT();
  const id = `f-${name}`;
  const error = errors?.[name];
  return (
    <div className="pionieri-field">
      <label htmlFor={id} className="pionieri-label">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        required={required}
        className={`form-select${error ? " is-invalid" : ""}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
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

/** A labelled textarea, wired to its error like TextField. */
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
}) {
  const t = useT();
  const error = errors?.[name];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="pionieri-field">
      <label htmlFor={id} className="pionieri-label">
        {label}
        {required ? <span className="pionieri-required"> {t("field.required")}</span> : null}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        required={required}
        defaultValue={defaultValue}
        className={`form-control${error ? " is-invalid" : ""}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
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
