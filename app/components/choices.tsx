import type { FieldErrors } from "~/lib/forms";
import { tm, useT } from "~/lib/i18n/react";

/** A group of check boxes (places, services), with its error tied to the group. */
export function Choices({
  name,
  legend,
  options,
  errors,
  checked = [],
  idPrefix = "c",
}: {
  name: string;
  legend: string;
  options: { id: string; name: string }[];
  errors?: FieldErrors;
  checked?: string[];
  idPrefix?: string;
}) {
  const t = useT();
  const error = errors?.[name];
  return (
    <fieldset className="mb-3" aria-describedby={error ? `${idPrefix}-${name}-error` : undefined}>
      <legend className="h6">{legend}</legend>
      {error ? (
        <div id={`${idPrefix}-${name}-error`} className="invalid-feedback d-block" role="alert">
          {tm(t, error)}
        </div>
      ) : null}
      <div className="pionieri-choices">
        {options.map((option) => (
          <div key={option.id} className="pionieri-check-field">
            <input
              type="checkbox"
              id={`${idPrefix}-${name}-${option.id}`}
              name={name}
              value={option.id}
              defaultChecked={checked.includes(option.id)}
            />
            <label htmlFor={`${idPrefix}-${name}-${option.id}`}>{option.name}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
