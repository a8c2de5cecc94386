import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { IdeaForm } from "~/components/idea-form";
import { readIdeaForm } from "~/forms/readers.server";
import { ideaEditSchema } from "~/forms/schemas.server";
import { similarIdeas } from "~/domain/idea-list.server";
import { getIdeaForEdit, updateIdea } from "~/domain/ideas.server";
import { previewHtml } from "~/domain/mentions.server";
import { listTags } from "~/domain/tags.server";
import { requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { failureOf, typedValues } from "~/lib/forms";
import { invalid } from "~/lib/forms.server";
import { idParam } from "~/lib/http.server";
import { useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import type { PageHandle } from "~/lib/i18n";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { ideaFormMessages } from "~/lib/i18n/messages/ideaForm";
import { ideaEditMessages } from "~/lib/i18n/messages/ideaEdit";

export const handle: PageHandle = { messages: [formsMessages, ideaFormMessages, ideaEditMessages] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "ideas.editTitle");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const idea = await getIdeaForEdit(user.actor, idParam(params.id));
  return json({ idea, tags: await listTags() });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const idea = await getIdeaForEdit(user.actor, idParam(params.id));
  const form = await request.formData();
  const { values, parsed } = readIdeaForm(form, ideaEditSchema);
  const preview = form.get("intent") === "preview";
  if (!preview && parsed.ok) {
    await updateIdea(user.actor, idea.id, { ...parsed.data, tagIds: values.tagIds });
    return redirectWithFlash(`/idee/${idea.id}`, "ideas.updated");
  }
  const similar = values.title.trim() ? await similarIdeas(values.title, idea.id) : [];
  if (preview) return json({ idea: values, preview: await previewHtml(values.body), similar });
  return invalid(parsed.ok ? {} : parsed.fieldErrors, typedValues(form), { extra: { idea: values, similar } });
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
        values={actionData?.idea ?? { title: idea.title, body: idea.body, groupId: idea.groupId, tagIds: idea.tagIds }}
        errors={failureOf(actionData)?.fieldErrors}
        groups={[]}
        tags={tags}
        preview={actionData && "preview" in actionData ? actionData.preview : null}
        similar={actionData?.similar}
      />
    </>
  );
}
