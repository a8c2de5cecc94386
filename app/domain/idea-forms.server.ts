import type { z } from "zod";
import { typedValues } from "~/lib/forms";
import { parseForm } from "~/lib/forms.server";

/** What the idea form sent, as typed (to show again) and as validated by `schema` (to save). */
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
