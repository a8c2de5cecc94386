import type { z } from "zod";
import { typedValues } from "~/lib/forms";
import { parseForm } from "~/lib/forms.server";
import { objectiveSchema } from "./schemas.server";

/** The readers of forms that carry more than a schema: lists of checkboxes beside the fields. */

/** The idea form as typed (to show again) and as validated by `schema` (to save). */
export function readIdeaForm<S extends z.ZodTypeAny>(form: FormData, schema: S) {
  const typed = typedValues(form);
  const values = {
    title: typed.title ?? "",
    body: typed.body ?? "",
    groupId: typed.groupId ?? "",
    tagIds: form
      .getAll("tag")
      .filter((v): v is string => typeof v === "string")
      .slice(0, 20),
  };
  return { values, parsed: parseForm(schema, form) };
}

/** The objective form validated (to save), with the ideas it carries (the ticked boxes). */
export function readObjectiveForm(form: FormData) {
  const ideaIds = form
    .getAll("ideaId")
    .filter((v): v is string => typeof v === "string" && /^\d{1,10}$/.test(v))
    .slice(0, 50)
    .map(Number);
  return { parsed: parseForm(objectiveSchema, form), ideaIds };
}
