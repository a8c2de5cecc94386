import { Link } from "@remix-run/react";
import type { EvidenceSnapshot } from "~/domain/evidence";
import { formatDay } from "~/lib/dates";
import type { MessageKey } from "~/lib/i18n";
import { useLocale, useT } from "~/lib/i18n/react";
import { formatNumber } from "~/lib/numbers";

/** A figure an idea rests on, with its numbers as of the day it was cited, linking to its source. */
export function EvidenceCard({ evidence }: { evidence: EvidenceSnapshot & { asOf?: string } }) {
  const t = useT();
  const locale = useLocale();
  const value =
    evidence.value === null
      ? t("evidence.noValue", { n: evidence.n })
      : `${formatNumber(evidence.value, locale)} ${evidence.unit === "%" ? "%" : "min"}`;
  return (
    <aside className="pionieri-evidence" aria-labelledby="evidence-title">
      <h2 id="evidence-title" className="h6">
        {t("evidence.title")}
      </h2>
      <p className="mb-1">
        {`${t(`evidence.measure.${evidence.measure}` as MessageKey)}${evidence.place ? ` · ${evidence.place}` : ""}: `}
        <strong>{value}</strong>
        {` ${t("evidence.basis", { n: evidence.n })}`}
      </p>
      <p className="mb-0 small">
        {evidence.asOf ? `${t("evidence.asOf", { date: formatDay(evidence.asOf, locale) })} · ` : null}
        <Link to={evidence.href}>{t("evidence.source", { source: evidence.source })}</Link>
      </p>
    </aside>
  );
}
