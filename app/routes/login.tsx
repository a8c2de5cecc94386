import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { FormErrors, TextField } from "~/components/form";
import { attemptLogin } from "~/domain/login.server";
import { loginSchema } from "~/forms/schemas.server";
import { createSession, endSession, safeRedirectPath } from "~/lib/auth.server";
import { DEMO_LOGINS, DEMO_PASSWORD } from "~/lib/demo";
import { env } from "~/lib/env.server";
import { typedValues } from "~/lib/forms";
import { invalid, parseForm } from "~/lib/forms.server";

import { tm, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import type { PageHandle } from "~/lib/i18n";
import { accountMessages } from "~/lib/i18n/messages/account";
import { formsMessages } from "~/lib/i18n/messages/forms";

export const handle: PageHandle = { messages: [accountMessages, formsMessages], hydrate: false };

/** Remix keeps only cookies from an action's headers unless the route passes the rest on. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.login");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"));
  if (context.auth.user) throw redirect(redirectTo);
  return json({
    demo: env.demo ? { emails: DEMO_LOGINS.map((l) => l.email), password: DEMO_PASSWORD } : null,
    directory: env.ldap !== null,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = parseForm(loginSchema, form);
  const values = typedValues(form);
  if (!parsed.ok) return invalid(parsed.fieldErrors, values);
  const { email, password, redirectTo } = parsed.data;
  if (!email) return invalid({ email: { key: "v.required" } }, values);
  if (!password) return invalid({ password: { key: "v.required" } }, values);

  const result = await attemptLogin({ email, password, ip: context.clientIp });
  if (result.kind === "throttled") {
    return invalid({}, values, {
      status: 429,
      formError: { key: "login.throttled", params: { minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) } },
      headers: { "Retry-After": String(result.retryAfterSeconds) },
    });
  }
  if (result.kind === "failed") {
    return invalid({}, values, { status: 401, formError: { key: "login.failed" } });
  }
  if (result.kind === "directoryDown") {
    return invalid({}, values, { status: 503, formError: { key: "login.directoryDown" } });
  }
  if (result.kind === "local") {
    return invalid({}, values, { status: 401, formError: { key: "login.localAccount" } });
  }
  // A new session id at every login; the one the browser had (if any) ends.
  if (context.auth.sessionId) await endSession(context.auth.sessionId);
  const cookie = await createSession(result.userId);
  return redirect(safeRedirectPath(redirectTo), { headers: { "Set-Cookie": cookie } });
}

export default function Login() {
  const t = useT();
  const { demo, directory } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const errors = actionData?.fieldErrors;
  return (
    <div className="row justify-content-center">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t("login.title")}</h1>
        <p>{t("login.intro")}</p>
        {actionData?.formError ? (
          <div className="alert alert-danger" role="alert">
            {tm(t, actionData.formError)}
          </div>
        ) : (
          <FormErrors errors={errors} />
        )}
        <Form method="post" noValidate>
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
          <TextField
            name="email"
            type={directory ? "text" : "email"}
            label={t(directory ? "login.emailOrUser" : "login.email")}
            hint={directory ? t("login.emailOrUserHint") : undefined}
            autoComplete="username"
            required
            errors={errors}
            defaultValue={actionData?.values.email ?? ""}
          />
          <TextField
            name="password"
            type="password"
            label={t("login.password")}
            autoComplete="current-password"
            required
            errors={errors}
          />
          <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
            {t("login.submit")}
          </button>
        </Form>
        <p className="mt-3">
          <Link to="/password-dimenticata">{t("login.forgot")}</Link>
        </p>
        <p className="mt-4">{t("login.noAccount")}</p>
        <p>
          <Link to="/privacy">{t("login.privacy")}</Link>
        </p>
        {demo ? (
          <div className="callout pionieri-demo mt-4">
            <h2 className="h5">{t("login.demoTitle")}</h2>
            <p className="mb-0">{t("login.demoHint", { emails: demo.emails.join(", "), password: demo.password })}</p>
          </div>
        ) : null}
      </div>
    </div>
  );
}
