import type { MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getPrivacyNotice } from "~/domain/settings.server";
import { formatDate } from "~/lib/dates";
import type { PageHandle } from "~/lib/i18n";
import { accountMessages } from "~/lib/i18n/messages/account";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";

export const handle: PageHandle = { messages: [accountMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "privacy.title");

/** Public, like the accessibility statement: one reads it before signing in. */
export async function loader() {
  const notice = await getPrivacyNotice();
  return json({ html: notice.html, updatedAt: notice.updatedAt });
}

export default function Privacy() {
  const t = useT();
  const locale = useLocale();
  const { html, updatedAt } = useLoaderData<typeof loader>();
  return (
    <article className="pionieri-prose">
      <h1>{t("privacy.title")}</h1>
      <p className="lead">{t("privacy.intro")}</p>
      <div className="pionieri-markdown" dangerouslySetInnerHTML={{ __html: html }} />
      {updatedAt ? (
        <p className="pionieri-muted">{t("privacy.updated", { date: formatDate(updatedAt, locale) })}</p>
      ) : null}
    </article>
  );
}
