import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AdminNav } from "~/components/admin-nav";
import { FormErrors, TextAreaField } from "~/components/form";
import { assertCan } from "~/domain/policy.server";
import { getPrivacyNotice, updatePrivacyNotice } from "~/domain/settings.server";
import { privacySchema } from "~/forms/schemas.server";
import { requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { failureOf } from "~/lib/forms";
import { invalid, parseForm } from "~/lib/forms.server";
import type { PageHandle } from "~/lib/i18n";
import { accountMessages } from "~/lib/i18n/messages/account";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";

export const handle: PageHandle = { messages: [accountMessages, formsMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "privacy.editTitle");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  assertCan(user.actor, "privacy.edit");
  const notice = await getPrivacyNotice();
  return json({ markdown: notice.markdown, custom: notice.custom });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  assertCan(user.actor, "privacy.edit");
  const form = await request.formData();
  const parsed = parseForm(privacySchema, form);
  if (!parsed.ok) return invalid(parsed.fieldErrors, parsed.values);
  await updatePrivacyNotice(user.actor, parsed.data.markdown);
  return redirectWithFlash("/admin/privacy", parsed.data.markdown ? "privacy.saved" : "privacy.reset");
}

export default function AdminPrivacy() {
  const t = useT();
  const { markdown, custom } = useLoaderData<typeof loader>();
  const failed = failureOf(useActionData<typeof action>());
  return (
    <>
      <AdminNav />
      <h1>{t("privacy.editTitle")}</h1>
      <p>{t(custom ? "privacy.editIntroCustom" : "privacy.editIntroDefault")}</p>
      <p>
        <Link to="/privacy">{t("privacy.see")}</Link>
      </p>
      <FormErrors errors={failed?.fieldErrors} />
      <Form method="post">
        <TextAreaField
          id="f-markdown"
          name="markdown"
          label={t("privacy.text")}
          hint={t("privacy.textHint")}
          rows={24}
          maxLength={40_000}
          defaultValue={failed?.values.markdown ?? markdown}
          errors={failed?.fieldErrors}
        />
        <button type="submit" className="btn btn-primary">
          {t("privacy.save")}
        </button>
      </Form>
    </>
  );
}
