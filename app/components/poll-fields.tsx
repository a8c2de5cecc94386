import type { ReactNode } from "react";
import type { Message } from "~/lib/i18n";
import { tm, useT } from "~/lib/i18n/react";

/**
 * A group of radio buttons or check boxes under a legend, with the group's error tied to it
 * (a poll's ballot, the new-poll form's choices). Works without JavaScript.
 */
export function ChoiceGroup({
  name,
  legend,
  type,
  options,
  checked,
  error,
  hint,
}: {
  name: string;
  legend: string;
  type: "radio" | "checkbox";
  options: { value: string; label: ReactNode }[];
  checked: readonly string[];
  error?: Message;
  hint?: string;
}) {
  const t = useT();
  const described = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset className="mb-3" aria-describedby={described || undefined}>
      <legend className="pionieri-label">{legend}</legend>
      {hint ? (
        <small id={`${name}-hint`} className="form-text d-block">
          {hint}
        </small>
      ) : null}
      {error ? (
        <div id={`${name}-error`} className="invalid-feedback d-block" role="alert">
          {tm(t, error)}
        </div>
      ) : null}
      {options.map((option) => (
        <div key={option.value} className="pionieri-check-field">
          <input
            type={type}
            id={`${name}-${option.value}`}
            name={name}
            value={option.value}
            defaultChecked={checked.includes(option.value)}
            aria-invalid={error ? true : undefined}
          />
          <label htmlFor={`${name}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
