import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { ObjectiveForm } from "~/components/objective-form";
import { readObjectiveForm } from "~/forms/readers.server";
import { getObjectiveForEdit, objectiveFormOptions, updateObjective } from "~/domain/objectives.server";
import { requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { failureOf, field, typedValues, type FieldErrors } from "~/lib/forms";
import { invalid } from "~/lib/forms.server";
import { idParam } from "~/lib/http.server";
import type { Message } from "~/lib/i18n";
import { useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import type { PageHandle } from "~/lib/i18n";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { objectivesMessages } from "~/lib/i18n/messages/objectives";

export const handle: PageHandle = { messages: [formsMessages, objectivesMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "objectives.editTitle");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const objective = await getObjectiveForEdit(user.actor, idParam(params.id));
  return json({ objective, ...(await objectiveFormOptions(objective.groupId)) });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const id = idParam(params.id);
  const current = await getObjectiveForEdit(user.actor, id);
  const form = await request.formData();
  const { parsed, ideaIds } = readObjectiveForm(form);
  const failed = (errors: FieldErrors, options: { status?: number; formError?: Message; version?: number } = {}) =>
    invalid(errors, typedValues(form), {
      ...options,
      extra: { ideaIds: ideaIds.map(String), version: options.version },
    });
  if (!parsed.ok) return failed(parsed.fieldErrors);
  const version = Number.parseInt(field(form, "version"), 10);
  const { groupId: _ignored, ...input } = parsed.data;
  const result = await updateObjective(user.actor, id, Number.isSafeInteger(version) ? version : -1, {
    ...input,
    ideaIds,
  });
  if (!result.ok && "stale" in result) {
    // Saving again from the form that comes back carries the current version: an informed overwrite.
    return failed({}, { status: 409, formError: { key: "objectives.stale" }, version: current.version });
  }
  if (!result.ok) return failed(result.fieldErrors);
  return redirectWithFlash(`/obiettivi/${id}`, "objectives.updated");
}

const asText = (value: string | number | null) => (value === null ? "" : String(value).replace(".", ","));

export default function EditObjective() {
  const t = useT();
  const { objective, members, ideas } = useLoaderData<typeof loader>();
  const failed = failureOf(useActionData<typeof action>());
  // After a stale refusal the form carries the current version, so saving again overwrites knowingly.
  const version = failed?.version ?? objective.version;
  return (
    <>
      <Breadcrumb
        parents={[
          { to: "/crono-programma", label: t("nav.timeline") },
          { to: `/obiettivi/${objective.id}`, label: objective.title },
        ]}
        current={t("objectives.editTitle")}
      />
      <h1>{t("objectives.editTitle")}</h1>
      <ObjectiveForm
        values={
          (failed && { ...failed.values, ideaIds: failed.ideaIds }) ?? {
            title: objective.title,
            description: objective.description,
            ownerId: objective.ownerId ?? "",
            startOn: objective.startOn,
            dueOn: objective.dueOn,
            forecastOn: objective.forecastOn ?? "",
            status: objective.status,
            progress: String(objective.progress),
            indicatorName: objective.indicatorName ?? "",
            indicatorUnit: objective.indicatorUnit ?? "",
            indicatorBaseline: asText(objective.indicatorBaseline),
            indicatorTarget: asText(objective.indicatorTarget),
            indicatorCurrent: asText(objective.indicatorCurrent),
            ideaIds: objective.ideaIds.map(String),
          }
        }
        errors={failed?.fieldErrors}
        stale={failed?.formError?.key === "objectives.stale"}
        members={members}
        ideas={ideas}
        groupId={objective.groupId}
        version={version}
        submitLabel={t("objectives.save")}
      />
    </>
  );
}
