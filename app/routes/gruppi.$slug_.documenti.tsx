import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AttachmentList, UploadForm } from "~/components/attachments";
import { Breadcrumb } from "~/components/breadcrumb";
import { TextAreaField, TextField } from "~/components/form";
import { MAX_FILE_BYTES } from "~/domain/attachments.server";
import { DOCUMENT_LIMITS } from "~/domain/attachments";
import { addVersion, assertCanAddDocument, createDocument, listDocuments } from "~/domain/documents.server";
import { removeAttachment } from "~/forms/attach.server";
import { isMultipart, readUpload } from "~/forms/uploads.server";
import { requireUser } from "~/lib/auth.server";
import { formatDate } from "~/lib/dates";
import { redirectWithFlash } from "~/lib/flash.server";
import { failureOf, field } from "~/lib/forms";
import { invalid } from "~/lib/forms.server";
import { httpError } from "~/lib/http.server";
import type { PageHandle } from "~/lib/i18n";
import { filesMessages } from "~/lib/i18n/messages/files";
import { fileRulesMessages } from "~/lib/i18n/messages/fileRules";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { groupsMessages } from "~/lib/i18n/messages/groups";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";

export const handle: PageHandle = {
  messages: [filesMessages, fileRulesMessages, formsMessages, groupsMessages],
  hydrate: false,
};

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "docs.link");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const query = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 140);
  return json(await listDocuments(user.actor, params.slug ?? "", query));
}

/**
 * A new document (title, description, its first file) or, with ?documento=<id>, a newer version
 * of one; who may add is settled before the file is read. Removing a version: a plain form.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const slug = params.slug ?? "";
  if (!isMultipart(request)) {
    const form = await request.formData();
    if (field(form, "intent") !== "deleteAttachment") httpError(400, "v.unknownIntent");
    return removeAttachment(user.actor, form);
  }
  await assertCanAddDocument(user.actor, slug);
  const documentId = new URL(request.url).searchParams.get("documento");
  const formName = documentId ? `version-${documentId}` : "attach";
  const upload = await readUpload(request, { maxFiles: 1, maxFileBytes: MAX_FILE_BYTES });
  // A new document's title and description come back with a refused file, as on the idea form.
  const values = { title: field(upload.fields, "title"), description: field(upload.fields, "description") };
  if (!upload.ok) {
    return invalid({}, documentId ? {} : values, { status: upload.status, formError: upload.problem, form: formName });
  }
  if (documentId) {
    const result = await addVersion(user.actor, slug, documentId, upload.files);
    if (!result.ok) return invalid({}, {}, { status: result.status, formError: result.problem, form: formName });
    return redirectWithFlash(result.page, "docs.versionAdded", { title: result.title });
  }
  const result = await createDocument(user.actor, slug, values, upload.files);
  if (!result.ok)
    return invalid(result.field ? { [result.field]: result.problem } : {}, values, {
      status: result.status,
      form: formName,
      ...(result.field ? {} : { formError: result.problem }),
    });
  return redirectWithFlash(result.page, "docs.added", { title: result.title });
}

export default function GroupDocuments() {
  const t = useT();
  const locale = useLocale();
  const { group, documents, canAdd } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const failed = failureOf(actionData, "attach");
  const query = params.get("q") ?? "";
  return (
    <>
      <Breadcrumb
        parents={[
          { to: "/gruppi", label: t("nav.groups") },
          { to: `/gruppi/${group.slug}`, label: group.name },
        ]}
        current={t("docs.link")}
      />
      <h1>{t("docs.title", { group: group.name })}</h1>
      <p>{t("docs.intro")}</p>

      <Form method="get" role="search" className="pionieri-inline-form mb-3">
        <TextField name="q" type="search" label={t("docs.search")} defaultValue={query} maxLength={140} />
        <button type="submit" className="btn btn-outline-primary">
          {t("docs.searchSubmit")}
        </button>
      </Form>

      {documents.length === 0 ? <p>{t(query ? "docs.noneFound" : "docs.none")}</p> : null}
      <ul className="pionieri-plain-list">
        {documents.map((document) => {
          const [current, ...earlier] = document.versions;
          return (
            <li key={document.id} className="pionieri-panel mb-3">
              <h2 className="h5 mb-1">{document.title}</h2>
              {document.description ? <p className="mb-2">{document.description}</p> : null}
              <p className="small pionieri-muted mb-1">
                {t("docs.colUpdated")}: {formatDate(document.updatedAt, locale)}
              </p>
              {current ? (
                <>
                  <h3 className="h6 mb-1">{t("docs.current")}</h3>
                  <AttachmentList files={[current]} />
                </>
              ) : null}
              {earlier.length > 0 ? (
                <details>
                  <summary>{t("docs.versions", { count: earlier.length })}</summary>
                  <AttachmentList files={earlier} />
                </details>
              ) : null}
              {canAdd ? (
                <details className="mt-2">
                  <summary>{t("docs.newVersion")}</summary>
                  <UploadForm
                    id={`version-${document.id}`}
                    action={`/gruppi/${group.slug}/documenti?documento=${document.id}`}
                    room={1}
                    error={failureOf(actionData, `version-${document.id}`)?.formError}
                    submit={t("docs.versionSubmit")}
                  />
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>

      {canAdd ? (
        <section aria-labelledby="new-document" className="pionieri-panel mt-4">
          <h2 id="new-document" className="h4">
            {t("docs.newTitle")}
          </h2>
          <UploadForm id="document-file" room={1} error={failed?.formError} submit={t("docs.add")}>
            <TextField
              name="title"
              label={t("docs.fieldTitle")}
              required
              maxLength={DOCUMENT_LIMITS.title}
              defaultValue={failed?.values.title}
              errors={failed?.fieldErrors}
            />
            <TextAreaField
              id="f-description"
              name="description"
              label={t("docs.fieldDescription")}
              rows={2}
              maxLength={DOCUMENT_LIMITS.description}
              defaultValue={failed?.values.description}
              errors={failed?.fieldErrors}
            />
          </UploadForm>
        </section>
      ) : (
        <p>
          <Link to={`/gruppi/${group.slug}`}>{t("docs.onlyMembers")}</Link>
        </p>
      )}
    </>
  );
}
