import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { ObjectiveForm } from "~/components/objective-form";
import { readObjectiveForm } from "~/domain/objective-forms.server";
import { getObjectiveForEdit, objectiveFormOptions, updateObjective } from "~/domain/objectives.server";
import { requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { field, type FieldErrors } from "~/lib/forms";
import { httpError } from "~/lib/http.server";
import { useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import "~/lib/i18n/messages/objectives";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "objectives.editTitle");

function objectiveId(param: string | undefined) {
  if (!param || !/^\d{1,10}$/.test(param)) httpError(404);
  return Number(param);
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const objective = await getObjectiveForEdit(user.actor, objectiveId(params.id));
  return json({ objective, ...(await objectiveFormOptions(objective.groupId)) });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const id = objectiveId(params.id);
  const current = await getObjectiveForEdit(user.actor, id);
  const form = await request.formData();
  const { values, parsed, ideaIds } = readObjectiveForm(form);
  if (!parsed.ok) return json({ values, fieldErrors: parsed.fieldErrors, stale: false }, { status: 400 });
  const version = Number.parseInt(field(form, "version"), 10);
  const { groupId: _ignored, ...input } = parsed.data;
  const result = await updateObjective(user.actor, id, Number.isSafeInteger(version) ? version : -1, {
    ...input,
    ideaIds,
  });
  if (!result.ok && "stale" in result) {
    return json({ values, fieldErrors: {} as FieldErrors, stale: true, version: current.version }, { status: 409 });
  }
  if (!result.ok) return json({ values, fieldErrors: result.fieldErrors, stale: false }, { status: 400 });
  return redirectWithFlash(`/obiettivi/${id}`, "objectives.updated");
}

const asText = (value: string | number | null) => (value === null ? "" : String(value).replace(".", ","));

export default function EditObjective() {
  const t = useT();
  const { objective, members, ideas } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // After a stale refusal the form carries the current version, so saving again overwrites knowingly.
  const version = actionData && "version" in actionData ? actionData.version : objective.version;
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
          actionData?.values ?? {
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
        errors={actionData?.fieldErrors}
        stale={actionData?.stale}
        members={members}
        ideas={ideas}
        groupId={objective.groupId}
        version={version}
        submitLabel={t("objectives.save")}
      />
    </>
  );
}
