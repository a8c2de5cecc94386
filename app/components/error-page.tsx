import { Link } from "@remix-run/react";
import type { MessageKey } from "~/lib/i18n";
import { useT } from "~/lib/i18n/react";

const TITLES: Record<number, [MessageKey, MessageKey]> = {
  400: ["error.badRequestTitle", "error.badRequest"],
  403: ["error.forbiddenTitle", "error.forbidden"],
  404: ["error.notFoundTitle", "error.notFound"],
  409: ["error.conflictTitle", "error.badRequest"],
  429: ["error.tooManyTitle", "error.tooMany"],
  503: ["error.unavailableTitle", "error.busy"],
};

/** The page for a refused or failed request, inside the layout. No stack trace, ever. */
export function ErrorPage({ status, data }: { status: number; data?: unknown }) {
  const t = useT();
  const [titleKey, defaultMessage] = TITLES[status] ?? ["error.genericTitle", "error.generic"];
  const detail =
    data && typeof data === "object" && "key" in data
      ? (data as { key: unknown; params?: Record<string, string>; message?: unknown })
      : null;
  // A refusal's message may belong to a part of the catalogue this page does not carry: the
  // server sends its Italian text along (lib/error-response.ts).
  const message =
    detail && t.has(detail.key)
      ? t(detail.key, detail.params)
      : typeof detail?.message === "string"
        ? detail.message
        : t(defaultMessage);
  return (
    <section aria-labelledby="error-title" className="pionieri-error">
      <p className="pionieri-error-code">{status}</p>
      <h1 id="error-title">{t(titleKey)}</h1>
      <p>{message}</p>
      <p>
        <Link to="/" className="btn btn-primary">
          {t("error.backHome")}
        </Link>
      </p>
    </section>
  );
}
