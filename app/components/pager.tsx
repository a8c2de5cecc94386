import { Link, useSearchParams } from "@remix-run/react";
import { useT } from "~/lib/i18n/react";

/** Previous / "page N of M" / next, keeping the page's other query parameters. */
export function Pager({ page, pages }: { page: number; pages: number }) {
  const t = useT();
  const [params] = useSearchParams();
  if (pages <= 1) return null;
  const link = (target: number) => {
    const next = new URLSearchParams(params);
    next.set("pagina", String(target));
    return `?${next.toString()}`;
  };
  const label = t("admin.users.page", { page, pages });
  return (
    <nav aria-label={label} className="pionieri-pager">
      {page > 1 ? <Link to={link(page - 1)}>{t("admin.users.prev")}</Link> : <span />}
      <span>{label}</span>
      {page < pages ? <Link to={link(page + 1)}>{t("admin.users.next")}</Link> : <span />}
    </nav>
  );
}
