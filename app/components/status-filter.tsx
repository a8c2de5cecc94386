import { Link } from "@remix-run/react";
import { useT } from "~/lib/i18n/react";

/**
 * Links that filter a log by state (`?stato=`), the chosen one marked: the outbox's e-mails and
 * the webhooks' deliveries. Plain links, so they work without JavaScript.
 */
export function StatusFilter({
  path,
  label,
  current,
  statuses,
}: {
  path: string;
  /** The filter's name, read before the links and given to the navigation landmark. */
  label: string;
  /** The state chosen now, "" for all. */
  current: string;
  statuses: readonly { value: string; label: string }[];
}) {
  const t = useT();
  return (
    <nav aria-label={label} className="pionieri-sorts">
      <span>{label}:</span>
      <Link to={path} className={current === "" ? "active" : undefined}>
        {t("mail.all")}
      </Link>
      {statuses.map((status) => (
        <Link
          key={status.value}
          to={`${path}?stato=${status.value}`}
          className={current === status.value ? "active" : undefined}
          aria-current={current === status.value ? "page" : undefined}
        >
          {status.label}
        </Link>
      ))}
    </nav>
  );
}
