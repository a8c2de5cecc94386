import { typedValues } from "~/lib/forms";
import { parseForm } from "~/lib/forms.server";
import { objectiveSchema } from "./schemas.server";

/** The objective form as typed (to show again) and validated (to save). */
export function readObjectiveForm(form: FormData) {
  const ideaIds = form
    .getAll("ideaId")
    .filter((v): v is string => typeof v === "string" && /^\d{1,10}$/.test(v))
    .slice(0, 50);
  const values = { ...typedValues(form), ideaIds };
  const parsed = parseForm(objectiveSchema, form);
  return { values, parsed, ideaIds: ideaIds.map(Number) };
}
