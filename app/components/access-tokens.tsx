import { Form } from "@remix-run/react";
import { FormErrors, SelectField, TextField } from "~/components/form";
import { formatDate } from "~/lib/dates";
import type { FieldErrors } from "~/lib/forms";
import { useLocale, useT } from "~/lib/i18n/react";

type Token = {
  id: string;
  name: string;
  scope: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  state: "active" | "revoked" | "expired";
};

/**
 * The profile's personal access tokens for the JSON API (decision 0027): made here and shown once,
 * listed with their scope, expiry and last use, revoked one by one. Plain forms.
 */
export function AccessTokens({
  tokens,
  created,
  errors,
  values,
}: {
  tokens: Token[];
  created: string | null;
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="profile-tokens" className="pionieri-panel mb-4">
      <h2 id="profile-tokens" className="h4">
        {t("token.title")}
      </h2>
      <p>
        {t("token.intro")} <a href="/api/v1/openapi.json">{t("token.docs")}</a>
      </p>
      {created ? (
        <div className="alert alert-success" role="status">
          {t("token.created")}
          <input
            className="form-control mt-2"
            readOnly
            value={created}
            aria-label={t("token.value")}
            data-testid="token-value"
          />
        </div>
      ) : null}
      <Form method="post" action="/profilo#profile-tokens" noValidate>
        <input type="hidden" name="intent" value="tokenCreate" />
        <FormErrors errors={errors} />
        <TextField
          name="name"
          label={t("token.name")}
          hint={t("token.nameHint")}
          errors={errors}
          defaultValue={values?.name}
          maxLength={80}
          required
        />
        <SelectField
          name="scope"
          label={t("token.scope")}
          errors={errors}
          defaultValue={values?.scope ?? "READ"}
          options={(["READ", "WRITE"] as const).map((scope) => ({ value: scope, label: t(`token.scope.${scope}`) }))}
        />
        <SelectField
          name="days"
          label={t("token.days")}
          errors={errors}
          defaultValue={values?.days ?? "90"}
          options={[30, 90, 365].map((days) => ({ value: String(days), label: t("token.daysOption", { days }) }))}
        />
        <button type="submit" className="btn btn-primary">
          {t("token.create")}
        </button>
      </Form>
      <h3 className="h5 mt-4">{t("token.list")}</h3>
      {tokens.length === 0 ? (
        <p>{t("token.none")}</p>
      ) : (
        <div className="table-responsive">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("token.name")}</th>
                <th scope="col">{t("token.scope")}</th>
                <th scope="col">{t("token.createdAt")}</th>
                <th scope="col">{t("token.expires")}</th>
                <th scope="col">{t("token.lastUsed")}</th>
                <th scope="col">{t("token.state")}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <th scope="row">{token.name}</th>
                  <td>{t(token.scope === "WRITE" ? "token.scope.WRITE" : "token.scope.READ")}</td>
                  <td>{formatDate(token.createdAt, locale)}</td>
                  <td>{formatDate(token.expiresAt, locale)}</td>
                  <td>{token.lastUsedAt ? formatDate(token.lastUsedAt, locale) : t("token.never")}</td>
                  <td>
                    {t(`token.${token.state}`)}{" "}
                    {token.state !== "active" ? null : (
                      <Form method="post" action="/profilo#profile-tokens" className="d-inline">
                        <input type="hidden" name="intent" value="tokenRevoke" />
                        <input type="hidden" name="tokenId" value={token.id} />
                        <button type="submit" className="btn btn-sm btn-outline-danger">
                          {t("token.revoke", { name: token.name })}
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
