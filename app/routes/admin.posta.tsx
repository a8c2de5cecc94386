import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { ActionLabel } from "~/components/action-label";
import { AdminNav } from "~/components/admin-nav";
import { DataTable } from "~/components/data-table";
import { StatusFilter } from "~/components/status-filter";
import { OUTBOX_STATUSES } from "~/domain/outbox";
import { outboxPage, resendMail } from "~/domain/outbox.server";
import { readOutboxFilters } from "~/forms/filters.server";
import { requireUser } from "~/lib/auth.server";
import { formatDate } from "~/lib/dates";
import { env } from "~/lib/env.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { field } from "~/lib/forms";
import { httpError } from "~/lib/http.server";
import type { MessageKey, PageHandle } from "~/lib/i18n";
import { adminMessages } from "~/lib/i18n/messages/admin";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";

export const handle: PageHandle = { messages: [adminMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "mail.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const filters = readOutboxFilters(new URL(request.url).searchParams);
  const page = await outboxPage(user.actor, filters);
  return json({ ...page, page: filters.page, mode: env.mail.mode, mailbox: env.mail.mailboxDir });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const form = await request.formData();
  if (field(form, "intent") !== "resend") httpError(400, "v.unknownIntent");
  await resendMail(user.actor, field(form, "mailId"));
  return redirectWithFlash("/admin/posta", "mail.resent");
}

/** A mail's text with its addresses as links: in the demo, the invitation one "received". */
function Linked({ text }: { text: string }) {
  return (
    <pre className="pionieri-pre">
      {text.split(/(https?:\/\/[^\s<>]+)/g).map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}

export default function AdminMail() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const current = params.get("stato") ?? "";
  return (
    <>
      <AdminNav />
      <h1>{t("mail.title")}</h1>
      <p>{t("mail.intro")}</p>
      <p className={data.mode === "off" ? "alert alert-warning" : "alert alert-info"}>
        {data.mode === "smtp"
          ? t("mail.modeSmtp")
          : data.mode === "mailbox"
            ? t("mail.modeMailbox", { dir: data.mailbox })
            : t("mail.modeOff")}
      </p>
      <StatusFilter
        path="/admin/posta"
        label={t("mail.filter")}
        current={current}
        statuses={OUTBOX_STATUSES.map((status) => ({
          value: status,
          label: `${t(`mail.status.${status}` as MessageKey)} (${data.counts[status]})`,
        }))}
      />
      {data.rows.length === 0 ? (
        <p>{t("mail.none")}</p>
      ) : (
        <DataTable
          caption={t("mail.caption")}
          captionHidden
          rows={data.rows}
          rowKey={(row) => row.id}
          columns={[
            {
              label: t("mail.colSubject"),
              rowHeader: true,
              cell: (row) => (
                <>
                  {row.subject}
                  {row.text ? (
                    <details className="mt-1">
                      <summary>
                        <ActionLabel text={t("mail.read")} about={row.subject} />
                      </summary>
                      <Linked text={row.text} />
                    </details>
                  ) : null}
                </>
              ),
            },
            {
              label: t("mail.colTo"),
              cell: (row) => (row.toName ? `${row.toName} <${row.toAddress}>` : row.toAddress),
            },
            { label: t("mail.colKind"), cell: (row) => t(`mail.kind.${row.kind}` as MessageKey) },
            { label: t("mail.colWhen"), cell: (row) => formatDate(row.createdAt, locale, "dateTime") },
            {
              label: t("mail.colStatus"),
              cell: (row) => (
                <>
                  {t(`mail.status.${row.status}` as MessageKey)}
                  {row.status === "SENT" && row.sentAt ? (
                    <small className="d-block pionieri-muted">
                      {t("mail.sentAt", { date: formatDate(row.sentAt, locale, "dateTime") })}
                    </small>
                  ) : null}
                  {row.status === "QUEUED" && row.attempts > 0 ? (
                    <small className="d-block pionieri-muted">
                      {t("mail.nextAttempt", { date: formatDate(row.nextAttemptAt, locale, "dateTime") })}
                    </small>
                  ) : null}
                </>
              ),
            },
            { label: t("mail.colAttempts"), numeric: true, cell: (row) => row.attempts },
            { label: t("mail.colReason"), cell: (row) => row.lastError ?? "—" },
            {
              label: t("mail.colActions"),
              cell: (row) =>
                row.status === "FAILED" ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="resend" />
                    <input type="hidden" name="mailId" value={row.id} />
                    <button type="submit" className="btn btn-outline-primary btn-sm">
                      <ActionLabel text={t("mail.sendAgain")} about={row.subject} />
                    </button>
                  </Form>
                ) : (
                  "—"
                ),
            },
          ]}
        />
      )}
      {data.hasMore || data.page > 1 ? (
        <p>
          {data.page > 1 ? (
            <Link
              to={`?${new URLSearchParams({ ...(current ? { stato: current } : {}), pagina: String(data.page - 1) })}`}
            >
              {t("admin.users.prev")}
            </Link>
          ) : null}{" "}
          {data.hasMore ? (
            <Link
              to={`?${new URLSearchParams({ ...(current ? { stato: current } : {}), pagina: String(data.page + 1) })}`}
            >
              {t("admin.users.next")}
            </Link>
          ) : null}
        </p>
      ) : null}
    </>
  );
}
