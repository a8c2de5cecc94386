import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import type { FieldErrors } from "~/lib/forms";
import { FormErrors } from "./form";

/**
 * Editing one row of a table in place: a button that unfolds the row's form, open again when the
 * server sends it back with something to fix. A <details> and a plain form: no JavaScript needed.
 */
export function EditFold({
  summary,
  fields,
  submit,
  errors,
  children,
  formClassName,
}: {
  /** The button that unfolds it (an ActionLabel: rows repeat it). */
  summary: ReactNode;
  /** The hidden fields that say what to do to what. */
  fields: Record<string, string>;
  submit: string;
  errors?: FieldErrors;
  children: ReactNode;
  formClassName?: string;
}) {
  return (
    <details open={Boolean(errors)}>
      <summary className="btn btn-outline-primary btn-sm">{summary}</summary>
      <FormErrors errors={errors} />
      <Form method="post" className={`mt-2${formClassName ? ` ${formClassName}` : ""}`}>
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {children}
        <button type="submit" className="btn btn-primary btn-sm">
          {submit}
        </button>
      </Form>
    </details>
  );
}
