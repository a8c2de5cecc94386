import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { IdeaForm } from "~/components/idea-form";
import { readIdeaForm } from "~/domain/idea-forms.server";
import { ideaEditSchema } from "~/domain/schemas.server";
import { getIdeaForEdit, renderWithMentions, similarIdeas, updateIdea } from "~/domain/ideas.server";
import { listTags } from "~/domain/tags.server";
import { requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import type { FieldErrors } from "~/lib/forms";
import { useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import "~/lib/i18n/messages/idea";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "ideas.editTitle");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const idea = await getIdeaForEdit(user.actor, params.id);
  return json({ idea, tags: await listTags() });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const idea = await getIdeaForEdit(user.actor, params.id);
  const form = await request.formData();
  const { values, parsed } = readIdeaForm(form, ideaEditSchema);
  const similar = values.title.trim() ? await similarIdeas(values.title, idea.id) : [];
  if (form.get("intent") === "preview") {
    const preview = values.body.trim() ? (await renderWithMentions(values.body.slice(0, 20_000))).html : null;
    return json({ values, fieldErrors: {} as FieldErrors, preview, similar });
  }
  if (!parsed.ok) return json({ values, fieldErrors: parsed.fieldErrors, preview: null, similar }, { status: 400 });
  await updateIdea(user.actor, idea.id, { ...parsed.data, tagIds: values.tagIds });
  return redirectWithFlash(`/idee/${idea.id}`, "ideas.updated");
}

export default function EditIdea() {
  const t = useT();
  const { idea, tags } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/idee/${idea.id}`}>← {idea.title}</Link>
      </p>
      <h1>{t("ideas.editTitle")}</h1>
      <p>{t("ideas.editIntro")}</p>
      <IdeaForm
        mode="edit"
        ideaId={idea.id}
        values={
          actionData?.values ?? { title: idea.title, body: idea.body, groupId: idea.groupId, tagIds: idea.tagIds }
        }
        errors={actionData?.fieldErrors}
        groups={[]}
        tags={tags}
        preview={actionData?.preview}
        similar={actionData?.similar}
      />
    </>
  );
}
