import type { MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatDate } from "~/lib/dates";
import { env } from "~/lib/env.server";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import type { PageHandle } from "~/lib/i18n";
import { accessibilityMessages } from "~/lib/i18n/messages/accessibility";

export const handle: PageHandle = { messages: [accessibilityMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "a11y.title");

/** The statement date: when this text was last reviewed. */
const STATEMENT_DATE = "2026-11-26T12:00:00Z";

/** Public, like every public body's accessibility statement: no login needed. */
export async function loader() {
  return json({ contact: env.a11yContact });
}

export default function Accessibility() {
  const t = useT();
  const locale = useLocale();
  const { contact } = useLoaderData<typeof loader>();
  return (
    <article className="pionieri-prose">
      <h1>{t("a11y.title")}</h1>
      <p>{t("a11y.intro")}</p>
      <h2>{t("a11y.statusTitle")}</h2>
      <p>{t("a11y.status")}</p>
      <h2>{t("a11y.limitsTitle")}</h2>
      <p>{t("a11y.limits")}</p>
      <h2>{t("a11y.howTitle")}</h2>
      <p>{t("a11y.how")}</p>
      <h2>{t("a11y.feedbackTitle")}</h2>
      <p>
        {t("a11y.feedback")}{" "}
        <a href={`mailto:${contact}?subject=${encodeURIComponent("Accessibilità Pionieri")}`}>{contact}</a>.{" "}
        {t("a11y.feedbackAfter")}
      </p>
      <p className="pionieri-muted">{t("a11y.updated", { date: formatDate(STATEMENT_DATE, locale) })}</p>
    </article>
  );
}
