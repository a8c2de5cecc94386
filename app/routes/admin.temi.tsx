import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ActionLabel } from "~/components/action-label";
import { ConfirmAction } from "~/components/confirm-action";
import { EditFold } from "~/components/edit-fold";
import { AdminNav } from "~/components/admin-nav";
import { DataTable } from "~/components/data-table";
import { FormErrors, SelectField, TextField } from "~/components/form";
import { TAG_KINDS } from "~/domain/ideas";
import { assertCan } from "~/domain/policy.server";
import { tagSchema } from "~/forms/schemas.server";
import { addTag, deleteTag, listTagsWithUse, renameTag } from "~/domain/tags.server";
import { requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { failureOf, field, typedValues } from "~/lib/forms";
import { invalid, parseForm } from "~/lib/forms.server";
import { httpError } from "~/lib/http.server";
import type { MessageKey } from "~/lib/i18n";
import { useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import type { PageHandle } from "~/lib/i18n";
import { adminMessages } from "~/lib/i18n/messages/admin";
import { formsMessages } from "~/lib/i18n/messages/forms";

export const handle: PageHandle = { messages: [adminMessages, formsMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "tags.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  assertCan(user.actor, "tag.manage");
  return json({ tags: await listTagsWithUse(user.actor) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  assertCan(user.actor, "tag.manage");
  const form = await request.formData();
  const intent = field(form, "intent");
  if (intent === "add") {
    const parsed = parseForm(tagSchema, form);
    if (!parsed.ok) return invalid(parsed.fieldErrors, typedValues(form), { form: "add" });
    const result = await addTag(user.actor, parsed.data);
    if (!result.ok) return invalid({ name: { key: "tags.exists" } }, typedValues(form), { form: "add", status: 409 });
    return redirectWithFlash("/admin/temi", "tags.added", { name: parsed.data.name });
  }
  if (intent === "rename") {
    const tagId = field(form, "tagId");
    const parsed = parseForm(tagSchema.pick({ name: true }), form);
    if (!parsed.ok) return invalid(parsed.fieldErrors, typedValues(form), { form: tagId });
    const result = await renameTag(user.actor, tagId, parsed.data.name);
    if (!result.ok) return invalid({ name: { key: "tags.exists" } }, typedValues(form), { form: tagId, status: 409 });
    return redirectWithFlash("/admin/temi", "tags.renamed", { name: parsed.data.name });
  }
  if (intent === "delete") {
    const tagId = field(form, "tagId");
    if (field(form, "confirm") !== "1")
      return invalid({ confirm: { key: "v.confirmRequired" } }, typedValues(form), { form: `delete-${tagId}` });
    await deleteTag(user.actor, tagId);
    return redirectWithFlash("/admin/temi", "tags.deleted", undefined, { tone: "info" });
  }
  httpError(400, "v.unknownIntent");
}

export default function AdminTags() {
  const t = useT();
  const { tags } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const addFailure = failureOf(actionData, "add");
  const addErrors = addFailure?.fieldErrors;
  return (
    <>
      <AdminNav />
      <h1>{t("tags.title")}</h1>
      <p>{t("tags.intro")}</p>
      <section className="pionieri-panel mb-4" aria-labelledby="add-tag">
        <h2 id="add-tag" className="h5">
          {t("tags.add")}
        </h2>
        <FormErrors errors={addErrors} />
        <Form method="post" className="pionieri-inline-form">
          <input type="hidden" name="intent" value="add" />
          <SelectField
            name="kind"
            label={t("tags.kind")}
            options={TAG_KINDS.map((kind) => ({ value: kind, label: t(`tags.kind.${kind}` as MessageKey) }))}
          />
          <TextField
            name="name"
            label={t("tags.name")}
            required
            maxLength={60}
            errors={addErrors}
            defaultValue={addFailure?.values.name ?? ""}
          />
          <button type="submit" className="btn btn-primary">
            {t("tags.addSubmit")}
          </button>
        </Form>
      </section>
      {TAG_KINDS.map((kind) => (
        <section key={kind} aria-labelledby={`kind-${kind}`} className="mb-4">
          <h2 id={`kind-${kind}`} className="h4">
            {t(`tags.kind.${kind}` as MessageKey)}
          </h2>
          <DataTable
            caption={t(`tags.kind.${kind}` as MessageKey)}
            captionHidden
            rows={tags.filter((tag) => tag.kind === kind)}
            rowKey={(tag) => tag.id}
            columns={[
              { label: t("tags.name"), rowHeader: true, cell: (tag) => tag.name },
              { label: t("tags.ideas"), numeric: true, cell: (tag) => tag.ideas },
              {
                label: t("tags.actions"),
                cell: (tag) => {
                  const renameFailure = failureOf(actionData, tag.id);
                  const deleteFailure = failureOf(actionData, `delete-${tag.id}`);
                  return (
                    <div className="pionieri-row-actions">
                      <EditFold
                        summary={<ActionLabel text={t("tags.rename")} about={tag.name} />}
                        fields={{ intent: "rename", tagId: tag.id }}
                        submit={t("tags.renameSubmit")}
                        errors={renameFailure?.fieldErrors}
                        formClassName="pionieri-inline-form"
                      >
                        <TextField
                          id={`tag-${tag.id}`}
                          name="name"
                          label={t("tags.renameLabel", { name: tag.name })}
                          defaultValue={renameFailure?.values.name ?? tag.name}
                          maxLength={60}
                          errors={renameFailure?.fieldErrors}
                        />
                      </EditFold>
                      <ConfirmAction
                        id={`confirm-${tag.id}`}
                        summary={<ActionLabel text={t("tags.delete")} about={tag.name} />}
                        fields={{ intent: "delete", tagId: tag.id }}
                        explain={
                          tag.ideas === 1
                            ? t("tags.deleteExplainOne", { name: tag.name })
                            : t("tags.deleteExplain", { name: tag.name, count: tag.ideas })
                        }
                        confirm={t("tags.deleteConfirm")}
                        submit={t("tags.deleteNamed", { name: tag.name })}
                        errors={deleteFailure?.fieldErrors}
                      />
                    </div>
                  );
                },
              },
            ]}
          />
        </section>
      ))}
    </>
  );
}
