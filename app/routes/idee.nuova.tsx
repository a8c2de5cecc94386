import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { SelectField, TextField } from "~/components/form";
import { IdeaForm } from "~/components/idea-form";
import { FILE_ACCEPT } from "~/domain/attachments";
import { findGroup, groupOptions } from "~/domain/groups.server";
import { readIdeaForm } from "~/forms/readers.server";
import { discardReceived, isMultipart, readUpload } from "~/forms/uploads.server";
import { ATTACHMENT_LIMITS, MAX_FILE_BYTES, recordAttachments, withNewFiles } from "~/domain/attachments.server";
import { ideaSchema } from "~/forms/schemas.server";
import { similarIdeas } from "~/domain/idea-list.server";
import { createIdea } from "~/domain/ideas.server";
import { challengeField, challengeForIdea } from "~/domain/challenge-answer.server";
import { citeFigure } from "~/domain/evidence.server";
import { EvidenceCard } from "~/components/evidence";
import { previewHtml } from "~/domain/mentions.server";
import { assertCan } from "~/domain/policy.server";
import { listTags } from "~/domain/tags.server";
import { requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { failureOf, field, typedValues } from "~/lib/forms";
import { invalid } from "~/lib/forms.server";
import { useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import type { PageHandle } from "~/lib/i18n";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { ideaFormMessages } from "~/lib/i18n/messages/ideaForm";
import { evidenceMessages } from "~/lib/i18n/messages/evidence";
import { fileRulesMessages } from "~/lib/i18n/messages/fileRules";

export const handle: PageHandle = { messages: [formsMessages, ideaFormMessages, evidenceMessages, fileRulesMessages] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "ideas.newTitle");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  assertCan(user.actor, "idea.create");
  const [groups, tags] = await Promise.all([groupOptions(), listTags()]);
  const slug = new URL(request.url).searchParams.get("gruppo");
  const preselected = (slug && (await findGroup({ slug }))?.id) || "";
  const evidence = await citeFigure(new URL(request.url).searchParams.get("evidenza"));
  return json({
    groups: groups.map(({ id, name }) => ({ id, name })),
    tags,
    preselected,
    evidence,
    challenge: await challengeField(user.locale, new URL(request.url).searchParams.get("sfida") ?? ""),
  });
}

/**
 * The form is multipart (it takes files, issue 23): the files stream to the upload folder within
 * the attachments' limits, and the idea and its files are written together or not at all.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  assertCan(user.actor, "idea.create");
  const upload = isMultipart(request)
    ? await readUpload(request, { maxFiles: ATTACHMENT_LIMITS.perPage, maxFileBytes: MAX_FILE_BYTES })
    : null;
  const form = upload ? upload.fields : await request.formData();
  const files = upload?.ok ? upload.files : [];
  const { values, parsed } = readIdeaForm(form, ideaSchema);
  const preview = form.get("intent") === "preview";
  // In answer to a challenge: it must be open today ("a challenge closed yesterday" is refused).
  const challengeId = field(form, "challenge");
  const answering = challengeId ? await challengeForIdea(user.actor, challengeId, user.locale) : null;
  const challengeProblem = answering && !answering.ok ? answering.problem : null;
  let fileError = upload && !upload.ok ? { problem: upload.problem, status: upload.status } : null;
  if (!preview && parsed.ok && !fileError && !challengeProblem) {
    // Started from a figure (/idee/nuova?evidenza=...): it is read again now, as it stands today.
    const evidence = await citeFigure(new URL(request.url).searchParams.get("evidenza"));
    const created = await withNewFiles(user.actor, files, (prepared) =>
      createIdea(
        user.actor,
        { ...parsed.data, tagIds: values.tagIds, challengeId: answering?.ok ? answering.id : null },
        evidence,
        prepared && ((tx, id) => recordAttachments(tx, user.actor, { kind: "idea", id }, prepared)),
      ),
    );
    if (created.ok)
      return files.length > 0
        ? redirectWithFlash(`/idee/${created.value.id}`, "ideas.createdWithFiles", { count: files.length })
        : redirectWithFlash(`/idee/${created.value.id}`, "ideas.created");
    fileError = created;
  } else await discardReceived(files);
  // The form comes back (a preview, or something to fix) with the similar ideas, so that a
  // duplicate is noticed before it is posted. Files are kept only with a published idea.
  const similar = values.title.trim() ? await similarIdeas(values.title) : [];
  const filesSent = files.length > 0 || fileError !== null;
  if (preview && !fileError) return json({ idea: values, preview: await previewHtml(values.body), similar, filesSent });
  const errors = {
    ...(parsed.ok ? {} : parsed.fieldErrors),
    ...(challengeProblem ? { challenge: challengeProblem } : {}),
    ...(fileError ? { file: fileError.problem } : {}),
  };
  return invalid(errors, typedValues(form), {
    status: fileError && parsed.ok && !challengeProblem ? fileError.status : 400,
    extra: { idea: values, similar, filesSent },
  });
}

export default function NewIdea() {
  const t = useT();
  const { groups, tags, preselected, evidence, challenge } = useLoaderData<typeof loader>();
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
        challenge={
          challenge ? (
            <SelectField
              name="challenge"
              label={challenge.label}
              hint={challenge.hint}
              errors={failureOf(actionData)?.fieldErrors}
              defaultValue={failureOf(actionData)?.values?.challenge ?? challenge.chosen}
              options={challenge.options}
            />
          ) : null
        }
        files={
          <TextField
            name="file"
            type="file"
            label={t("ideas.fieldFiles")}
            hint={[t("files.limits", { max: 10, mb: 20 }), actionData?.filesSent ? t("ideas.filesAgain") : ""]
              .join(" ")
              .trim()}
            errors={failureOf(actionData)?.fieldErrors}
            multiple
            accept={FILE_ACCEPT}
          />
        }
      />
    </>
  );
}
