import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { IdeaForm } from "~/components/idea-form";
import { groupOptions } from "~/domain/groups.server";
import { readIdeaForm } from "~/domain/idea-forms.server";
import { ideaSchema } from "~/domain/schemas.server";
import { createIdea, renderWithMentions, similarIdeas } from "~/domain/ideas.server";
import { assertCan } from "~/domain/policy";
import { listTags } from "~/domain/tags.server";
import { requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import type { FieldErrors } from "~/lib/forms";
import { useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "ideas.newTitle");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  assertCan(user.actor, "idea.create");
  const [groups, tags] = await Promise.all([groupOptions(), listTags()]);
  const slug = new URL(request.url).searchParams.get("gruppo");
  const preselected = groups.find((g) => g.slug === slug)?.id ?? "";
  return json({ groups: groups.map(({ id, name }) => ({ id, name })), tags, preselected });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  assertCan(user.actor, "idea.create");
  const form = await request.formData();
  const { values, parsed } = readIdeaForm(form, ideaSchema);
  const similar = values.title.trim() ? await similarIdeas(values.title) : [];
  if (form.get("intent") === "preview") {
    const preview = values.body.trim() ? (await renderWithMentions(values.body.slice(0, 20_000))).html : null;
    return json({ values, fieldErrors: {} as FieldErrors, preview, similar });
  }
  if (!parsed.ok) return json({ values, fieldErrors: parsed.fieldErrors, preview: null, similar }, { status: 400 });
  const idea = await createIdea(user.actor, { ...parsed.data, tagIds: values.tagIds });
  return redirectWithFlash(`/idee/${idea.id}`, "ideas.created");
}

export default function NewIdea() {
  const t = useT();
  const { groups, tags, preselected } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <Breadcrumb parents={[{ to: "/idee", label: t("nav.ideas") }]} current={t("ideas.newTitle")} />
      <h1>{t("ideas.newTitle")}</h1>
      <p className="lead pionieri-question">{t("ideas.newQuestion")}</p>
      <p>{t("ideas.newIntro")}</p>
      <IdeaForm
        mode="create"
        values={actionData?.values ?? { title: "", body: "", groupId: preselected, tagIds: [] }}
        errors={actionData?.fieldErrors}
        groups={groups}
        tags={tags}
        preview={actionData?.preview}
        similar={actionData?.similar}
      />
    </>
  );
}
