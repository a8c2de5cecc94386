import { NewPasswordFields, PersonFields } from "~/components/account-fields";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextField } from "~/components/form";
import { acceptInvitation, findUsableInvitation } from "~/domain/invitations.server";
import { isRole } from "~/lib/actor";
import { acceptInvitationSchema, newPasswordSchema } from "~/forms/schemas.server";
import { createSession, endSession } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { typedValues, type FieldErrors } from "~/lib/forms";
import { invalid, parseForm } from "~/lib/forms.server";

import { useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import { roleLabel } from "~/lib/i18n/labels";
import type { PageHandle } from "~/lib/i18n";
import { accountMessages } from "~/lib/i18n/messages/account";
import { formsMessages } from "~/lib/i18n/messages/forms";

export const handle: PageHandle = { messages: [accountMessages, formsMessages], hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data && "invitation" in data && data.invitation.isReset ? "invite.resetTitle" : "invite.title");

export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = await findUsableInvitation(params.token ?? "");
  if (!invitation) return json({ valid: false as const }, { status: 404 });
  return json({
    valid: true as const,
    invitation: {
      email: invitation.email,
      role: isRole(invitation.role) ? invitation.role : "DIPENDENTE",
      isReset: invitation.user !== null,
      displayName: invitation.user?.displayName ?? invitation.displayName,
      office: invitation.user?.office ?? invitation.office,
    },
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const values = typedValues(form);
  const profile = parseForm(acceptInvitationSchema, form);
  const password = parseForm(newPasswordSchema, form);
  const fieldErrors: FieldErrors = {
    ...(profile.ok ? {} : profile.fieldErrors),
    ...(password.ok ? {} : password.fieldErrors),
  };
  if (!profile.ok || !password.ok) return invalid(fieldErrors, values);

  const result = await acceptInvitation(params.token ?? "", { ...profile.data, password: password.data.password });
  if (!result.ok) {
    if ("invalid" in result) return invalid({}, values, { status: 410, formError: { key: "invite.invalid" } });
    return invalid(result.fieldErrors, values);
  }
  if (context.auth.sessionId) await endSession(context.auth.sessionId);
  const cookie = await createSession(result.userId);
  return redirectWithFlash("/", "invite.welcome", undefined, { headers: [["Set-Cookie", cookie]] });
}

export default function Invitation() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!data.valid || actionData?.formError?.key === "invite.invalid") {
    return (
      <section>
        <h1>{t("invite.invalidTitle")}</h1>
        <p>{t("invite.invalid")}</p>
      </section>
    );
  }
  const { invitation } = data;
  const errors = actionData?.fieldErrors;
  const values = actionData?.values;
  return (
    <div className="row justify-content-center">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t(invitation.isReset ? "invite.resetTitle" : "invite.title")}</h1>
        <p>
          {invitation.isReset
            ? t("invite.resetIntro", { email: invitation.email })
            : t("invite.intro", { role: roleLabel(t, invitation.role) })}
        </p>
        <FormErrors errors={errors} />
        <Form method="post" noValidate>
          <TextField
            name="email"
            label={t("field.email")}
            type="email"
            value={invitation.email}
            readOnly
            autoComplete="username"
          />
          <PersonFields
            errors={errors}
            values={{
              displayName: values?.displayName ?? invitation.displayName,
              office: values?.office ?? invitation.office,
            }}
          />
          <NewPasswordFields errors={errors} label="password" />
          <button type="submit" className="btn btn-primary">
            {t(invitation.isReset ? "invite.resetSubmit" : "invite.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}
