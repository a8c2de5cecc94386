import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import type { FieldErrors } from "~/lib/forms";
import { CheckField } from "./form";

/**
 * A destructive action that asks first: a button that unfolds what it does, a box to tick and the
 * button that does it. A <details> and a plain form, so it works without JavaScript; the server
 * refuses the action without the ticked box (v.confirmRequired), and then this opens again.
 */
export function ConfirmAction({
  id,
  summary,
  fields,
  explain,
  confirm,
  submit,
  errors,
  className,
}: {
  /** Unique on the page: the check box's id. */
  id: string;
  /** The button that unfolds it (with an ActionLabel where rows repeat it). */
  summary: ReactNode;
  /** The hidden fields that say what to do to what. */
  fields: Record<string, string>;
  explain: string;
  /** The check box's label. */
  confirm: string;
  submit: string;
  errors?: FieldErrors;
  className?: string;
}) {
  return (
    <details className={`pionieri-danger-zone${className ? ` ${className}` : ""}`} open={Boolean(errors)}>
      <summary className="btn btn-outline-danger btn-sm">{summary}</summary>
      <Form method="post" className="mt-2">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <p className="small mb-1">{explain}</p>
        <CheckField id={id} name="confirm" label={confirm} errors={errors} />
        <button type="submit" className="btn btn-danger btn-sm">
          {submit}
        </button>
      </Form>
    </details>
  );
}
