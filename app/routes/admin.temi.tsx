import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AdminNav } from "~/components/admin-nav";
import { FormErrors, SelectField, TextField } from "~/components/form";
import { TAG_KINDS } from "~/domain/ideas";
import { assertCan } from "~/domain/policy";
import { tagSchema } from "~/forms/schemas.server";
import { addTag, deleteTag, listTags, renameTag } from "~/domain/tags.server";
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

export const handle: PageHandle = { messages: [adminMessages, formsMessages] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "tags.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  assertCan(user.actor, "tag.manage");
  return json({ tags: await listTags() });
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
    await deleteTag(user.actor, field(form, "tagId"));
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
          <ul className="pionieri-plain-list">
            {tags
              .filter((tag) => tag.kind === kind)
              .map((tag) => {
                const failed = failureOf(actionData, tag.id)?.fieldErrors;
                return (
                  <li key={tag.id} className="pionieri-tag-row">
                    <Form method="post" className="pionieri-inline-form">
                      <input type="hidden" name="intent" value="rename" />
                      <input type="hidden" name="tagId" value={tag.id} />
                      <TextField
                        id={`tag-${tag.id}`}
                        name="name"
                        label={t("tags.renameLabel", { name: tag.name })}
                        defaultValue={tag.name}
                        maxLength={60}
                        errors={failed}
                      />
                      <button type="submit" className="btn btn-outline-primary btn-sm">
                        {t("tags.rename")}
                      </button>
                    </Form>
                    <Form method="post">
                      <input type="hidden" name="intent" value="delete" />
                      <input type="hidden" name="tagId" value={tag.id} />
                      <button
                        type="submit"
                        className="btn btn-outline-danger btn-sm"
                        aria-label={t("tags.deleteNamed", { name: tag.name })}
                      >
                        {t("tags.delete")}
                      </button>
                    </Form>
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
    </>
  );
}
