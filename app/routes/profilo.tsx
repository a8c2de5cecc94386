import { NewPasswordFields, PersonFields } from "~/components/account-fields";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, SelectField, TextField } from "~/components/form";
import { AccessTokens } from "~/components/access-tokens";
import { createAccessToken, listAccessTokens, revokeAccessToken } from "~/domain/access-tokens.server";
import { accessTokenSchema } from "~/forms/access-token.server";
import { mailPreferencesSchema, newPasswordSchema, profileSchema } from "~/forms/schemas.server";
import {
  changePassword,
  getMailPreferences,
  isDirectoryAccount,
  updateMailPreferences,
  updateProfile,
} from "~/domain/users.server";
import { DIGEST_FREQUENCIES, MAIL_CHOICES, MAIL_KINDS, type MailKind } from "~/domain/mail-preferences";
import { mailEnabled } from "~/domain/outbox.server";
import { env } from "~/lib/env.server";
import { calendarSince, regenerateCalendarToken, revokeCalendarToken } from "~/domain/calendar.server";
import { groupOptions } from "~/domain/groups.server";
import { requireSessionId, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { failureOf, field, typedValues, type FieldErrors } from "~/lib/forms";
import { invalid, parseForm } from "~/lib/forms.server";
import { httpError } from "~/lib/http.server";
import { formatDate } from "~/lib/dates";
import { LOCALES } from "~/lib/i18n";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import { roleLabel } from "~/lib/i18n/labels";
import type { MessageKey, PageHandle } from "~/lib/i18n";
import { accountMessages } from "~/lib/i18n/messages/account";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { groupsMessages } from "~/lib/i18n/messages/groups";
import { apiMessages } from "~/lib/i18n/messages/api";

export const handle: PageHandle = {
  messages: [accountMessages, formsMessages, groupsMessages, apiMessages],
  hydrate: false,
};

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "profile.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const groups = (await groupOptions()).filter((group) => user.actor.memberOf.includes(group.id));
  return json({
    profile: {
      email: user.email,
      displayName: user.displayName,
      office: user.office,
      locale: user.locale,
      role: user.role,
    },
    groups: groups.map((g) => ({ slug: g.slug, name: g.name, leader: user.actor.leaderOf.includes(g.id) })),
    hasCalendar: await calendarSince(user.actor),
    directory: await isDirectoryAccount(user.actor),
    mail: mailEnabled() ? { ...(await getMailPreferences(user.actor)), hour: env.mail.digestHour } : null,
    tokens: await listAccessTokens(user.actor),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const form = await request.formData();
  const intent = field(form, "intent");
  const values = typedValues(form);

  if (intent === "profile") {
    const parsed = parseForm(profileSchema, form);
    if (!parsed.ok) return invalid(parsed.fieldErrors, values, { form: "profile" });
    await updateProfile(user.actor, parsed.data);
    return redirectWithFlash("/profilo", "profile.saved");
  }
  if (intent === "password") {
    const parsed = parseForm(newPasswordSchema, form);
    if (!parsed.ok) return invalid(parsed.fieldErrors, values, { form: "password" });
    const result = await changePassword(user.actor, requireSessionId(context), {
      currentPassword: field(form, "currentPassword"),
      password: parsed.data.password,
    });
    if (!result.ok) return invalid(result.fieldErrors, values, { form: "password" });
    return redirectWithFlash("/profilo", "profile.passwordChanged");
  }
  if (intent === "mail") {
    const parsed = parseForm(mailPreferencesSchema, form);
    if (!parsed.ok) return invalid(parsed.fieldErrors, values, { form: "mail" });
    const data = parsed.data as Record<string, string>;
    const choices = Object.fromEntries(MAIL_KINDS.map((kind) => [kind, data[`mail_${kind}`]])) as Parameters<
      typeof updateMailPreferences
    >[1]["choices"];
    await updateMailPreferences(user.actor, { choices, digest: parsed.data.digest });
    return redirectWithFlash("/profilo#posta", "profile.mailSaved");
  }
  if (intent === "calendar") {
    const token = await regenerateCalendarToken(user.actor);
    return json({ calendarUrl: `${new URL(request.url).origin}/calendario/${token}.ics` });
  }
  if (intent === "tokenCreate") {
    const parsed = parseForm(accessTokenSchema, form);
    if (!parsed.ok) return invalid(parsed.fieldErrors, values, { form: "token" });
    const made = await createAccessToken(user.actor, parsed.data);
    if (!made.ok) return invalid(made.fieldErrors, values, { form: "token", status: 409 });
    // Shown once, in this answer only: it is not kept.
    return json({ token: made.token }, { headers: { "Cache-Control": "no-store" } });
  }
  if (intent === "tokenRevoke") {
    if (!(await revokeAccessToken(user.actor, field(form, "tokenId")))) httpError(404);
    return redirectWithFlash("/profilo#profile-tokens", "token.revokedDone", undefined, { tone: "info" });
  }
  if (intent === "calendarRevoke") {
    await revokeCalendarToken(user.actor);
    return redirectWithFlash("/profilo", "profile.calendarRevoked", undefined, { tone: "info" });
  }
  httpError(400, "v.unknownIntent");
}

export default function Profile() {
  const t = useT();
  const locale = useLocale();
  const { profile, groups, hasCalendar, mail, directory, tokens } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const newToken = actionData && "token" in actionData ? actionData.token : null;
  const tokenFailure = failureOf(actionData, "token");
  const calendarUrl = actionData && "calendarUrl" in actionData ? actionData.calendarUrl : null;
  const passwordErrors = failureOf(actionData, "password")?.fieldErrors;
  const profileFailure = failureOf(actionData, "profile");
  const profileErrors = profileFailure?.fieldErrors;
  const values = profileFailure?.values;
  return (
    <>
      <h1>{t("profile.title")}</h1>
      <p>
        {profile.email} · {t("profile.yourRole", { role: roleLabel(t, profile.role) })}
      </p>
      <div className="row">
        <section className="col-12 col-lg-6 mb-4" aria-labelledby="profile-details">
          <h2 id="profile-details" className="h4">
            {t("profile.details")}
          </h2>
          <FormErrors errors={profileErrors} />
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="profile" />
            <PersonFields
              errors={profileErrors}
              values={{
                displayName: values?.displayName ?? profile.displayName,
                office: values?.office ?? profile.office,
              }}
            />
            <SelectField
              name="locale"
              label={t("field.language")}
              errors={profileErrors}
              defaultValue={values?.locale ?? profile.locale}
              options={LOCALES.map((locale) => ({ value: locale, label: t(`lang.${locale}`) }))}
            />
            <button type="submit" className="btn btn-primary">
              {t("profile.save")}
            </button>
          </Form>
        </section>
        <section className="col-12 col-lg-6 mb-4" aria-labelledby="profile-password">
          <h2 id="profile-password" className="h4">
            {t("profile.passwordTitle")}
          </h2>
          {directory ? (
            <p>{t("profile.passwordDirectory")}</p>
          ) : (
            <>
              <FormErrors errors={passwordErrors} />
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="password" />
                <input type="hidden" name="username" value={profile.email} autoComplete="username" />
                <TextField
                  name="currentPassword"
                  type="password"
                  label={t("field.currentPassword")}
                  required
                  autoComplete="current-password"
                  errors={passwordErrors}
                />
                <NewPasswordFields errors={passwordErrors} label="newPassword" />
                <button type="submit" className="btn btn-outline-primary">
                  {t("profile.passwordSubmit")}
                </button>
              </Form>
            </>
          )}
        </section>
      </div>
      <section aria-labelledby="profile-calendar" className="pionieri-panel mb-4">
        <h2 id="profile-calendar" className="h4">
          {t("profile.calendarTitle")}
        </h2>
        <p>{t("profile.calendarIntro")}</p>
        <p className={hasCalendar ? "pionieri-state pionieri-state-on" : "pionieri-state"}>
          {hasCalendar
            ? t("profile.calendarActive", { date: formatDate(hasCalendar, locale) })
            : t("profile.calendarNone")}
        </p>
        {calendarUrl ? (
          <div className="alert alert-success" role="status">
            {t("profile.calendarCreated")}
            <input
              className="form-control mt-2"
              readOnly
              value={calendarUrl}
              aria-label={t("profile.calendarTitle")}
              data-testid="calendar-url"
            />
          </div>
        ) : null}
        <div className="pionieri-actions-row">
          <Form method="post">
            <input type="hidden" name="intent" value="calendar" />
            <button type="submit" className="btn btn-outline-primary">
              {hasCalendar ? t("profile.calendarRegenerate") : t("profile.calendarCreate")}
            </button>
          </Form>
          {hasCalendar ? (
            <Form method="post">
              <input type="hidden" name="intent" value="calendarRevoke" />
              <button type="submit" className="btn btn-outline-danger">
                {t("profile.calendarRevoke")}
              </button>
            </Form>
          ) : null}
        </div>
      </section>
      <section aria-labelledby="posta" className="pionieri-panel mb-4">
        <h2 id="posta" className="h4">
          {t("profile.mailTitle")}
        </h2>
        {mail ? (
          <MailPreferences mail={mail} errors={failureOf(actionData, "mail")?.fieldErrors} />
        ) : (
          <p>{t("profile.mailOff")}</p>
        )}
      </section>
      <AccessTokens
        tokens={tokens}
        created={newToken}
        errors={tokenFailure?.fieldErrors}
        values={tokenFailure?.values}
      />
      <section aria-labelledby="profile-data" className="mb-4">
        <h2 id="profile-data" className="h4">
          {t("profile.dataTitle")}
        </h2>
        <p>{t("profile.dataIntro")}</p>
        <a href="/profilo/dati.zip" className="btn btn-outline-primary" download>
          {t("profile.dataDownload")}
        </a>{" "}
        <a href="/profilo/dati" className="d-inline-block mt-2" download>
          {t("profile.dataJson")}
        </a>
      </section>
      <section aria-labelledby="profile-groups">
        <h2 id="profile-groups" className="h4">
          {t("profile.yourGroups")}
        </h2>
        {groups.length === 0 ? (
          <p>{t("home.noGroups")}</p>
        ) : (
          <ul>
            {groups.map((group) => (
              <li key={group.slug}>
                <Link to={`/gruppi/${group.slug}`}>{group.name}</Link>
                {group.leader ? ` · ${t("role.leader")}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** At once, in the digest or never, kind by kind; and how often the digest comes. Plain radios: no JavaScript. */
function MailPreferences({
  mail,
  errors,
}: {
  mail: { choices: Record<MailKind, string>; digest: string; hour: number };
  errors?: FieldErrors;
}) {
  const t = useT();
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="mail" />
      <p>{t("profile.mailIntro")}</p>
      <FormErrors errors={errors} />
      <table className="table pionieri-choice-table">
        <caption className="visually-hidden">{t("profile.mailTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("profile.mailNotice")}</th>
            {MAIL_CHOICES.map((choice) => (
              <th key={choice} scope="col" id={`choice-${choice}`} className="text-center">
                {t(`profile.mailChoice.${choice}` as MessageKey)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {MAIL_KINDS.map((kind) => (
            <tr key={kind}>
              <th scope="row" id={`kind-${kind}`}>
                {t(`profile.mailKind.${kind}` as MessageKey)}
              </th>
              {MAIL_CHOICES.map((choice) => (
                <td key={choice} className="text-center">
                  {/* Named by its row and column: "Qualcuno ti menziona, Subito". */}
                  <input
                    type="radio"
                    name={`mail_${kind}`}
                    value={choice}
                    defaultChecked={mail.choices[kind] === choice}
                    aria-labelledby={`kind-${kind} choice-${choice}`}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <SelectField
        name="digest"
        label={t("profile.digest")}
        hint={t("profile.digestHint", { hour: `${String(mail.hour).padStart(2, "0")}:00` })}
        defaultValue={mail.digest}
        errors={errors}
        options={DIGEST_FREQUENCIES.map((value) => ({ value, label: t(`profile.digest.${value}` as MessageKey) }))}
      />
      <button type="submit" className="btn btn-primary">
        {t("profile.mailSave")}
      </button>
    </Form>
  );
}
