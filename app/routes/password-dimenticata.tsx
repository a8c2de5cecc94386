import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextField } from "~/components/form";
import { requestPasswordReset } from "~/domain/invitations.server";
import { mailEnabled } from "~/domain/outbox.server";
import { forgotPasswordSchema } from "~/forms/schemas.server";
import { failureOf, typedValues } from "~/lib/forms";
import { invalid, parseForm } from "~/lib/forms.server";
import type { PageHandle } from "~/lib/i18n";
import { accountMessages } from "~/lib/i18n/messages/account";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { tm, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";

export const handle: PageHandle = { messages: [accountMessages, formsMessages], hydrate: false };

export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "forgot.title");

export async function loader({ context }: LoaderFunctionArgs) {
  if (context.auth.user) throw redirect("/profilo");
  return json({ mailOn: mailEnabled() });
}

/** The same answer whether or not the address has an account (domain/invitations.server.ts). */
export async function action({ request, context }: ActionFunctionArgs) {
  // Without e-mail there is nothing to send: the page says to ask the administrator.
  if (!mailEnabled()) return json({ sent: false as const });
  const form = await request.formData();
  const parsed = parseForm(forgotPasswordSchema, form);
  if (!parsed.ok) return invalid(parsed.fieldErrors, parsed.values);
  const result = await requestPasswordReset({ email: parsed.data.email, ip: context.clientIp });
  if (!result.ok)
    return invalid({}, typedValues(form), {
      status: 429,
      formError: {
        key: "forgot.throttled",
        params: { minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) },
      },
      headers: { "Retry-After": String(result.retryAfterSeconds) },
    });
  return json({ sent: true as const });
}

export default function ForgotPassword() {
  const t = useT();
  const { mailOn } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const failed = failureOf(data);
  const sent = data && "sent" in data && data.sent;
  return (
    <div className="row justify-content-center">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t("forgot.title")}</h1>
        {!mailOn ? (
          <p>{t("forgot.off")}</p>
        ) : sent ? (
          <div className="alert alert-success" role="status">
            {t("forgot.sent")}
          </div>
        ) : (
          <>
            <p>{t("forgot.intro")}</p>
            {failed?.formError ? (
              <div className="alert alert-danger" role="alert">
                {tm(t, failed.formError)}
              </div>
            ) : (
              <FormErrors errors={failed?.fieldErrors} />
            )}
            <Form method="post" noValidate>
              <TextField
                name="email"
                type="email"
                label={t("login.email")}
                autoComplete="username"
                required
                errors={failed?.fieldErrors}
                defaultValue={failed?.values.email ?? ""}
              />
              <button type="submit" className="btn btn-primary">
                {t("forgot.submit")}
              </button>
            </Form>
          </>
        )}
        <p className="mt-4">
          <Link to="/login">{t("forgot.back")}</Link>
        </p>
      </div>
    </div>
  );
}
