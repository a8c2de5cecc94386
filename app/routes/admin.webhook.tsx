import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ActionLabel } from "~/components/action-label";
import { AdminNav } from "~/components/admin-nav";
import { Choices } from "~/components/choices";
import { ConfirmAction } from "~/components/confirm-action";
import { DataTable } from "~/components/data-table";
import { StatusFilter } from "~/components/status-filter";
import { FormErrors, TextField } from "~/components/form";
import {
  createWebhook,
  deleteWebhook,
  resendDelivery,
  setWebhookActive,
  WEBHOOK_EVENTS,
  webhooksPage,
} from "~/domain/webhooks.server";
import { readWebhookForm } from "~/forms/webhook.server";
import { requireUser } from "~/lib/auth.server";
import { formatDate } from "~/lib/dates";
import { redirectWithFlash } from "~/lib/flash.server";
import { failureOf, field, typedValues } from "~/lib/forms";
import { invalid } from "~/lib/forms.server";
import { httpError } from "~/lib/http.server";
import type { MessageKey, PageHandle } from "~/lib/i18n";
import { adminMessages } from "~/lib/i18n/messages/admin";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { webhooksMessages } from "~/lib/i18n/messages/webhooks";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";

export const handle: PageHandle = { messages: [adminMessages, formsMessages, webhooksMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "webhook.title");

const STATUSES = ["PENDING", "SENDING", "DELIVERED", "FAILED"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const params = new URL(request.url).searchParams;
  const status = params.get("stato") ?? "";
  const page = await webhooksPage(user.actor, {
    status: (STATUSES as readonly string[]).includes(status) ? status : undefined,
  });
  return json(page);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const form = await request.formData();
  const intent = field(form, "intent");
  if (intent === "create") {
    const parsed = readWebhookForm(form);
    if (!parsed.ok) return invalid(parsed.fieldErrors, typedValues(form), { form: "create" });
    const made = await createWebhook(user.actor, parsed.data);
    // The secret is shown in this answer only; the receiver keeps it to check signatures.
    return json({ secret: made.secret, url: parsed.data.url }, { headers: { "Cache-Control": "no-store" } });
  }
  if (intent === "enable" || intent === "disable") {
    if (!(await setWebhookActive(user.actor, field(form, "webhookId"), intent === "enable"))) httpError(404);
    return redirectWithFlash("/admin/webhook", intent === "enable" ? "webhook.enabled" : "webhook.disabled");
  }
  if (intent === "delete") {
    if (form.get("confirm") !== "1") httpError(400, "v.confirmRequired");
    if (!(await deleteWebhook(user.actor, field(form, "webhookId")))) httpError(404);
    return redirectWithFlash("/admin/webhook", "webhook.deleted", undefined, { tone: "info" });
  }
  if (intent === "resend") {
    if (!(await resendDelivery(user.actor, field(form, "deliveryId")))) httpError(409, "webhook.notResendable");
    return redirectWithFlash("/admin/webhook", "webhook.resent");
  }
  httpError(400, "v.unknownIntent");
}

export default function AdminWebhooks() {
  const t = useT();
  const locale = useLocale();
  const { webhooks, deliveries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const created = actionData && "secret" in actionData ? actionData : null;
  const failure = failureOf(actionData, "create");
  const [params] = useSearchParams();
  const current = params.get("stato") ?? "";
  const eventLabel = (event: string) => t(`webhook.event.${event}` as MessageKey);
  return (
    <>
      <AdminNav />
      <h1>{t("webhook.title")}</h1>
      <p>{t("webhook.intro")}</p>
      {created ? (
        <div className="alert alert-success" role="status">
          {t("webhook.created", { url: created.url })}
          <input
            className="form-control mt-2"
            readOnly
            value={created.secret}
            aria-label={t("webhook.secret")}
            data-testid="webhook-secret"
          />
        </div>
      ) : null}
      <h2 className="h4">{t("webhook.list")}</h2>
      {webhooks.length === 0 ? (
        <p>{t("webhook.none")}</p>
      ) : (
        <DataTable
          caption={t("webhook.list")}
          captionHidden
          rows={webhooks}
          rowKey={(row) => row.id}
          columns={[
            {
              label: t("webhook.url"),
              rowHeader: true,
              cell: (row) => (
                <>
                  <span className="pionieri-wrap">{row.url}</span>
                  {row.description ? <small className="d-block pionieri-muted">{row.description}</small> : null}
                </>
              ),
            },
            { label: t("webhook.events"), cell: (row) => row.events.map(eventLabel).join(", ") },
            {
              label: t("webhook.state"),
              cell: (row) => (
                <>
                  {row.active ? t("webhook.active") : t("webhook.inactive")}
                  {row.failed > 0 ? (
                    <small className="d-block pionieri-muted">{t("webhook.failedCount", { n: row.failed })}</small>
                  ) : null}
                </>
              ),
            },
            {
              label: t("webhook.actions"),
              cell: (row) => (
                <div className="pionieri-actions-row">
                  <Form method="post">
                    <input type="hidden" name="intent" value={row.active ? "disable" : "enable"} />
                    <input type="hidden" name="webhookId" value={row.id} />
                    <button type="submit" className="btn btn-outline-primary btn-sm">
                      <ActionLabel text={t(row.active ? "webhook.disable" : "webhook.enable")} about={row.url} />
                    </button>
                  </Form>
                  <ConfirmAction
                    id={`delete-${row.id}`}
                    summary={<ActionLabel text={t("webhook.delete")} about={row.url} />}
                    fields={{ intent: "delete", webhookId: row.id }}
                    explain={t("webhook.deleteExplain")}
                    confirm={t("webhook.deleteConfirm")}
                    submit={t("webhook.delete")}
                  />
                </div>
              ),
            },
          ]}
        />
      )}
      <section aria-labelledby="webhook-new" className="pionieri-panel mb-4">
        <h2 id="webhook-new" className="h4">
          {t("webhook.new")}
        </h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="create" />
          <FormErrors errors={failure?.fieldErrors} />
          <TextField
            name="url"
            type="url"
            label={t("webhook.url")}
            hint={t("webhook.urlHint")}
            errors={failure?.fieldErrors}
            defaultValue={failure?.values.url}
            required
          />
          <TextField
            name="description"
            label={t("webhook.description")}
            errors={failure?.fieldErrors}
            defaultValue={failure?.values.description}
            maxLength={200}
          />
          <Choices
            name="events"
            legend={t("webhook.events")}
            options={WEBHOOK_EVENTS.map((event) => ({ id: event, name: eventLabel(event) }))}
            errors={failure?.fieldErrors}
            checked={[...WEBHOOK_EVENTS]}
          />
          <button type="submit" className="btn btn-primary">
            {t("webhook.create")}
          </button>
        </Form>
      </section>
      <h2 className="h4">{t("webhook.log")}</h2>
      <p>{t("webhook.logIntro")}</p>
      <StatusFilter
        path="/admin/webhook"
        label={t("webhook.filter")}
        current={current}
        statuses={STATUSES.map((status) => ({ value: status, label: t(`webhook.status.${status}` as MessageKey) }))}
      />
      {deliveries.length === 0 ? (
        <p>{t("webhook.noDeliveries")}</p>
      ) : (
        <DataTable
          caption={t("webhook.log")}
          captionHidden
          rows={deliveries}
          rowKey={(row) => row.id}
          columns={[
            {
              label: t("webhook.colEvent"),
              rowHeader: true,
              cell: (row) => (
                <>
                  {eventLabel(row.event)}
                  <small className="d-block pionieri-muted pionieri-wrap">{row.webhook.url}</small>
                </>
              ),
            },
            { label: t("webhook.colWhen"), cell: (row) => formatDate(row.createdAt, locale, "dateTime") },
            {
              label: t("webhook.state"),
              cell: (row) => (
                <>
                  {t(`webhook.status.${row.status}` as MessageKey)}
                  {row.status === "PENDING" && row.attempts > 0 ? (
                    <small className="d-block pionieri-muted">
                      {t("mail.nextAttempt", { date: formatDate(row.nextAttemptAt, locale, "dateTime") })}
                    </small>
                  ) : null}
                </>
              ),
            },
            { label: t("mail.colAttempts"), numeric: true, cell: (row) => row.attempts },
            {
              label: t("webhook.colAnswer"),
              cell: (row) => row.lastError ?? (row.lastStatus ? `HTTP ${row.lastStatus}` : "—"),
            },
            {
              label: t("webhook.actions"),
              cell: (row) =>
                row.status === "FAILED" || row.status === "DELIVERED" ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="resend" />
                    <input type="hidden" name="deliveryId" value={row.id} />
                    <button type="submit" className="btn btn-outline-primary btn-sm">
                      <ActionLabel text={t("webhook.resend")} about={`${eventLabel(row.event)} ${row.id}`} />
                    </button>
                  </Form>
                ) : (
                  "—"
                ),
            },
          ]}
        />
      )}
    </>
  );
}
