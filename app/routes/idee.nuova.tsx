import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { IdeaForm } from "~/components/idea-form";
import { findGroup, groupOptions } from "~/domain/groups.server";
import { readIdeaForm } from "~/forms/readers.server";
import { ideaSchema } from "~/forms/schemas.server";
import { similarIdeas } from "~/domain/idea-list.server";
import { createIdea } from "~/domain/ideas.server";
import { citeFigure } from "~/domain/evidence.server";
import { EvidenceCard } from "~/components/evidence";
import { previewHtml } from "~/domain/mentions.server";
import { assertCan } from "~/domain/policy";
import { listTags } from "~/domain/tags.server";
import { requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { failureOf, typedValues } from "~/lib/forms";
import { invalid } from "~/lib/forms.server";
import { useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import type { PageHandle } from "~/lib/i18n";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { ideaFormMessages } from "~/lib/i18n/messages/ideaForm";
import { evidenceMessages } from "~/lib/i18n/messages/evidence";

export const handle: PageHandle = { messages: [formsMessages, ideaFormMessages, evidenceMessages] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "ideas.newTitle");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  assertCan(user.actor, "idea.create");
  const [groups, tags] = await Promise.all([groupOptions(), listTags()]);
  const slug = new URL(request.url).searchParams.get("gruppo");
  const preselected = (slug && (await findGroup({ slug }))?.id) || "";
  const evidence = await citeFigure(new URL(request.url).searchParams.get("evidenza"));
  return json({ groups: groups.map(({ id, name }) => ({ id, name })), tags, preselected, evidence });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  assertCan(user.actor, "idea.create");
  const form = await request.formData();
  const { values, parsed } = readIdeaForm(form, ideaSchema);
  const preview = form.get("intent") === "preview";
  if (!preview && parsed.ok) {
    // Started from a figure (/idee/nuova?evidenza=…): it is read again now, as it stands today.
    const evidence = await citeFigure(new URL(request.url).searchParams.get("evidenza"));
    const idea = await createIdea(user.actor, { ...parsed.data, tagIds: values.tagIds }, evidence);
    return redirectWithFlash(`/idee/${idea.id}`, "ideas.created");
  }
  // The form comes back (a preview, or something to fix) with the similar ideas, so that a
  // duplicate is noticed before it is posted.
  const similar = values.title.trim() ? await similarIdeas(values.title) : [];
  if (preview) return json({ idea: values, preview: await previewHtml(values.body), similar });
  return invalid(parsed.ok ? {} : parsed.fieldErrors, typedValues(form), { extra: { idea: values, similar } });
}

export default function NewIdea() {
  const t = useT();
  const { groups, tags, preselected, evidence } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <Breadcrumb parents={[{ to: "/idee", label: t("nav.ideas") }]} current={t("ideas.newTitle")} />
      <h1>{t("ideas.newTitle")}</h1>
      <p className="lead pionieri-question">{t("ideas.newQuestion")}</p>
      <p>{t("ideas.newIntro")}</p>
      {evidence ? <EvidenceCard evidence={evidence} /> : null}
      <IdeaForm
        mode="create"
        values={actionData?.idea ?? { title: "", body: "", groupId: preselected, tagIds: [] }}
        errors={failureOf(actionData)?.fieldErrors}
        groups={groups}
        tags={tags}
        preview={actionData && "preview" in actionData ? actionData.preview : null}
        similar={actionData?.similar}
      />
    </>
  );
}
