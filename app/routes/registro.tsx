import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { Pager } from "~/components/pager";
import { SelectField, TextField } from "~/components/form";
import { auditLog } from "~/domain/audit.server";
import { readAuditFilters } from "~/forms/filters.server";
import { requireUser } from "~/lib/auth.server";
import { formatDate } from "~/lib/dates";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import type { PageHandle } from "~/lib/i18n";
import { boardMessages } from "~/lib/i18n/messages/board";
import { meetingsMessages } from "~/lib/i18n/messages/meetings";

export const handle: PageHandle = { messages: [boardMessages, meetingsMessages] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "audit.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  return json(await auditLog(user.actor, readAuditFilters(new URL(request.url).searchParams)));
}

export default function AuditLog() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p>{t("audit.intro")}</p>
      <Form method="get" className="pionieri-filters" aria-label={t("audit.filters")}>
        <SelectField
          name="tipo"
          label={t("audit.kind")}
          defaultValue={params.get("tipo") ?? ""}
          options={[{ value: "", label: t("admin.users.all") }, ...data.kinds.map((k) => ({ value: k, label: k }))]}
        />
        <SelectField
          name="persona"
          label={t("audit.person")}
          defaultValue={params.get("persona") ?? ""}
          options={[
            { value: "", label: t("admin.users.all") },
            ...data.actors.map((a) => ({ value: a.id, label: a.displayName })),
          ]}
        />
        <TextField name="dal" type="date" label={t("timeline.from")} defaultValue={params.get("dal") ?? ""} />
        <TextField name="al" type="date" label={t("timeline.to")} defaultValue={params.get("al") ?? ""} />
        <button type="submit" className="btn btn-outline-primary">
          {t("ideas.apply")}
        </button>
      </Form>
      <p role="status">{t("audit.count", { count: data.total })}</p>
      <div className="table-responsive" tabIndex={0} role="region" aria-label={t("audit.title")}>
        <table className="table">
          <caption className="visually-hidden">{t("audit.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("objectives.changeWhen")}</th>
              <th scope="col">{t("objectives.changeWho")}</th>
              <th scope="col">{t("audit.kind")}</th>
              <th scope="col">{t("audit.subject")}</th>
              <th scope="col">{t("audit.details")}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={row.id}>
                <td>{formatDate(row.createdAt, locale, "dateTime")}</td>
                <td>{row.actor?.displayName ?? "—"}</td>
                <th scope="row">{row.kind}</th>
                <td>{row.subjectId ?? "—"}</td>
                <td className="pionieri-change-value">{row.data}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={data.page} pages={data.pages} />
    </>
  );
}
