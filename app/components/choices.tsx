import type { FieldErrors } from "~/lib/forms";
import { tm, useT } from "~/lib/i18n/react";

/**
 * A group of check boxes (places, services, a multiple-choice ballot) or radio buttons (a
 * single-choice ballot, a poll's settings) under a legend, with its hint and error tied to the
 * group. Works without JavaScript.
 */
export function Choices({
  name,
  legend,
  options,
  errors,
  checked = [],
  idPrefix = "c",
  type = "checkbox",
  hint,
}: {
  name: string;
  legend: string;
  options: { id: string; name: string }[];
  errors?: FieldErrors;
  checked?: readonly string[];
  idPrefix?: string;
  type?: "checkbox" | "radio";
  hint?: string;
}) {
  const t = useT();
  const error = errors?.[name];
  const hintId = `${idPrefix}-${name}-hint`;
  const errorId = `${idPrefix}-${name}-error`;
  const described = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <fieldset className="mb-3" aria-describedby={described || undefined}>
      <legend className="h6">{legend}</legend>
      {hint ? (
        <small id={hintId} className="form-text d-block">
          {hint}
        </small>
      ) : null}
      {error ? (
        <div id={errorId} className="invalid-feedback d-block" role="alert">
          {tm(t, error)}
        </div>
      ) : null}
      <div className="pionieri-choices">
        {options.map((option) => (
          <div key={option.id} className="pionieri-check-field">
            <input
              type={type}
              id={`${idPrefix}-${name}-${option.id}`}
              name={name}
              value={option.id}
              defaultChecked={checked.includes(option.id)}
              aria-invalid={error ? true : undefined}
            />
            <label htmlFor={`${idPrefix}-${name}-${option.id}`}>{option.name}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
