import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AdminNav } from "~/components/admin-nav";
import { FileSize } from "~/components/attachments";
import { DataTable } from "~/components/data-table";
import { TextField } from "~/components/form";
import { largestUsers, quotaMb, setQuotaMb } from "~/domain/attachments.server";
import { assertCan } from "~/domain/policy.server";
import { requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { failureOf, field } from "~/lib/forms";
import { invalid } from "~/lib/forms.server";
import type { PageHandle } from "~/lib/i18n";
import { filesMessages } from "~/lib/i18n/messages/files";
import { fileRulesMessages } from "~/lib/i18n/messages/fileRules";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";

export const handle: PageHandle = { messages: [filesMessages, fileRulesMessages, formsMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "files.quotaTitle");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  assertCan(user.actor, "attachment.quota");
  const [quota, users] = await Promise.all([quotaMb(), largestUsers(user.actor)]);
  return json({ quota, users });
}

/** How much each person may upload in all (20 MB, one file, at least). */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  assertCan(user.actor, "attachment.quota");
  const form = await request.formData();
  const value = field(form, "quotaMb").trim();
  const mb = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(mb >= 20 && mb <= 100_000)) return invalid({ quotaMb: { key: "files.quotaInvalid" } }, { quotaMb: value });
  await setQuotaMb(user.actor, mb);
  return redirectWithFlash("/admin/allegati", "files.quotaSaved", { mb });
}

export default function AdminFiles() {
  const t = useT();
  const { quota, users } = useLoaderData<typeof loader>();
  const failed = failureOf(useActionData<typeof action>());
  return (
    <>
      <AdminNav />
      <h1>{t("files.quotaTitle")}</h1>
      <p>{t("files.quotaIntro")}</p>
      <Form method="post" noValidate className="pionieri-inline-form mb-4">
        <TextField
          name="quotaMb"
          type="number"
          inputMode="numeric"
          min={20}
          max={100000}
          label={t("files.quotaLabel")}
          required
          defaultValue={failed?.values.quotaMb ?? String(quota)}
          errors={failed?.fieldErrors}
        />
        <button type="submit" className="btn btn-primary">
          {t("files.quotaSave")}
        </button>
      </Form>
      {users.length > 0 ? (
        <DataTable
          caption={t("files.usageCaption")}
          rows={users}
          rowKey={(row) => `${row.name}-${row.bytes}-${row.files}`}
          columns={[
            { label: t("files.usagePerson"), rowHeader: true, cell: (row) => row.name ?? "—" },
            { label: t("files.usageSize"), numeric: true, cell: (row) => <FileSize bytes={row.bytes} /> },
            { label: t("files.usageCount"), numeric: true, cell: (row) => row.files },
          ]}
        />
      ) : null}
    </>
  );
}
