import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AdminNav } from "~/components/admin-nav";
import { FormErrors, TextAreaField, TextField } from "~/components/form";
import { listGroupsForAdmin, updateGroup } from "~/domain/groups.server";
import { assertCan } from "~/domain/policy.server";
import { groupSchema } from "~/forms/schemas.server";
import { LIMITS } from "~/domain/limits";
import { requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { failureOf, field } from "~/lib/forms";
import { invalid, parseForm } from "~/lib/forms.server";
import { useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import type { PageHandle } from "~/lib/i18n";
import { adminMessages } from "~/lib/i18n/messages/admin";
import { formsMessages } from "~/lib/i18n/messages/forms";

export const handle: PageHandle = { messages: [adminMessages, formsMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin.groups.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  assertCan(user.actor, "group.edit", { id: "*" });
  return json({ groups: await listGroupsForAdmin(user.actor) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  assertCan(user.actor, "group.edit", { id: "*" });
  const form = await request.formData();
  const parsed = parseForm(groupSchema, form);
  if (!parsed.ok) return invalid(parsed.fieldErrors, parsed.values, { form: field(form, "groupId") });
  const group = await updateGroup(user.actor, parsed.data);
  return redirectWithFlash("/admin/gruppi", "admin.groups.saved", { name: group.name });
}

export default function AdminGroups() {
  const t = useT();
  const { groups } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <AdminNav />
      <h1>{t("admin.groups.title")}</h1>
      <p>{t("admin.groups.intro")}</p>
      {groups.map((group) => {
        const failed = failureOf(actionData, group.id);
        const errors = failed?.fieldErrors;
        const values = failed?.values;
        const idPrefix = `g-${group.slug}`;
        return (
          <section
            key={group.id}
            className="pionieri-panel mb-4"
            aria-labelledby={`${idPrefix}-title`}
            style={{ borderLeftColor: group.colour }}
          >
            <h2 id={`${idPrefix}-title`} className="h4">
              {group.name}
            </h2>
            <FormErrors errors={errors} />
            <Form method="post" noValidate>
              <input type="hidden" name="groupId" value={group.id} />
              <TextField
                id={`${idPrefix}-name`}
                name="name"
                label={t("admin.groups.name")}
                required
                maxLength={LIMITS.groupName}
                errors={errors}
                defaultValue={values?.name ?? group.name}
              />
              <TextAreaField
                id={`${idPrefix}-description`}
                name="description"
                label={t("admin.groups.description")}
                rows={4}
                maxLength={LIMITS.groupDescription}
                errors={errors}
                defaultValue={values?.description ?? group.description}
              />
              <div className="pionieri-inline-form">
                <TextField
                  id={`${idPrefix}-colour`}
                  name="colour"
                  type="color"
                  label={t("admin.groups.colour")}
                  errors={errors}
                  defaultValue={values?.colour ?? group.colour}
                />
                <TextField
                  id={`${idPrefix}-position`}
                  name="position"
                  type="number"
                  min={0}
                  max={999}
                  label={t("admin.groups.position")}
                  errors={errors}
                  defaultValue={values?.position ?? String(group.position)}
                />
              </div>
              <button type="submit" className="btn btn-primary">
                {t("admin.groups.save", { name: group.name })}
              </button>
            </Form>
          </section>
        );
      })}
    </>
  );
}
