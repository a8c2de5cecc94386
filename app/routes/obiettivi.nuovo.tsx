import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { ObjectiveForm } from "~/components/objective-form";
import { findGroup } from "~/domain/groups.server";
import { readObjectiveForm } from "~/forms/readers.server";
import { createObjective, objectiveFormOptions } from "~/domain/objectives.server";
import { assertCan } from "~/domain/policy.server";
import { requireUser } from "~/lib/auth.server";
import { today } from "~/lib/days";
import { redirectWithFlash } from "~/lib/flash.server";
import { failureOf, typedValues, type FieldErrors } from "~/lib/forms";
import { invalid } from "~/lib/forms.server";
import { notFoundUnless } from "~/lib/http.server";
import { useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import type { PageHandle } from "~/lib/i18n";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { objectivesMessages } from "~/lib/i18n/messages/objectives";

export const handle: PageHandle = { messages: [formsMessages, objectivesMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "objectives.newTitle");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const group = notFoundUnless(await findGroup({ slug: new URL(request.url).searchParams.get("gruppo") ?? "" }));
  assertCan(user.actor, "objective.create", group);
  return json({ group, today: today(), ...(await objectiveFormOptions(group.id)) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const form = await request.formData();
  const { parsed, ideaIds } = readObjectiveForm(form);
  const failed = (errors: FieldErrors) =>
    invalid(errors, typedValues(form), { extra: { ideaIds: ideaIds.map(String) } });
  if (!parsed.ok) return failed(parsed.fieldErrors);
  const result = await createObjective(user.actor, { ...parsed.data, ideaIds });
  if (!result.ok) return failed(result.fieldErrors);
  return redirectWithFlash(`/obiettivi/${result.id}`, "objectives.created");
}

export default function NewObjective() {
  const t = useT();
  const { group, members, ideas, today: day } = useLoaderData<typeof loader>();
  const failed = failureOf(useActionData<typeof action>());
  return (
    <>
      <Breadcrumb
        parents={[
          { to: "/crono-programma", label: t("nav.timeline") },
          { to: `/gruppi/${group.slug}`, label: group.name },
        ]}
        current={t("objectives.newTitle")}
      />
      <h1>{t("objectives.newTitle")}</h1>
      <p>{t("objectives.newIntro", { group: group.name })}</p>
      <ObjectiveForm
        values={
          failed
            ? { ...failed.values, ideaIds: failed.ideaIds }
            : { startOn: day, status: "PIANIFICATO", progress: "0" }
        }
        errors={failed?.fieldErrors}
        members={members}
        ideas={ideas}
        groupId={group.id}
        submitLabel={t("objectives.create")}
      />
    </>
  );
}
