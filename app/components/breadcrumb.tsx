import { Link } from "@remix-run/react";
import { Fragment } from "react";
import { useT } from "~/lib/i18n/react";

/** The trail above a page: links to its parents, then the page itself. */
export function Breadcrumb({ parents, current }: { parents: { to: string; label: string }[]; current: string }) {
  const t = useT();
  return (
    <nav aria-label={t("nav.breadcrumb")} className="breadcrumb-container">
      <ol className="breadcrumb">
        {parents.map((parent) => (
          <Fragment key={parent.to}>
            <li className="breadcrumb-item">
              <Link to={parent.to}>{parent.label}</Link>
              <span className="separator">/</span>
            </li>
          </Fragment>
        ))}
        <li className="breadcrumb-item active" aria-current="page">
          {current}
        </li>
      </ol>
    </nav>
  );
}
