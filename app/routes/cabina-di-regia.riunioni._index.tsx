import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/form";
import { can } from "~/domain/policy.server";
import { freezeSnapshot, listSnapshots } from "~/domain/snapshots.server";
import { freezeSchema } from "~/forms/schemas.server";
import { requireUser } from "~/lib/auth.server";
import { today } from "~/lib/days";
import { redirectWithFlash } from "~/lib/flash.server";
import { failureOf } from "~/lib/forms";
import { invalid, parseForm } from "~/lib/forms.server";
import { formatDate, formatDay } from "~/lib/dates";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import type { PageHandle } from "~/lib/i18n";
import { boardMessages } from "~/lib/i18n/messages/board";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { meetingsMessages } from "~/lib/i18n/messages/meetings";

export const handle: PageHandle = { messages: [boardMessages, formsMessages, meetingsMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "board.snapshots");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  return json({ snapshots: await listSnapshots(), canFreeze: can(user.actor, "board.freeze"), today: today() });
}

/** The board freezes the state for a meeting beside the snapshots it already has. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const parsed = parseForm(freezeSchema, await request.formData());
  if (!parsed.ok) return invalid(parsed.fieldErrors, parsed.values);
  const snapshot = await freezeSnapshot(user.actor, parsed.data);
  return redirectWithFlash(`/cabina-di-regia/riunioni/${snapshot.id}`, "board.frozen");
}

export default function Snapshots() {
  const t = useT();
  const locale = useLocale();
  const { snapshots, canFreeze, today: day } = useLoaderData<typeof loader>();
  const failed = failureOf(useActionData<typeof action>());
  const options = snapshots.map((s) => ({ value: s.id, label: formatDay(s.meetingDate, locale) }));
  return (
    <>
      <Breadcrumb parents={[{ to: "/cabina-di-regia", label: t("nav.board") }]} current={t("board.snapshots")} />
      <h1>{t("board.snapshots")}</h1>
      <p>{t("board.snapshotsIntro")}</p>
      {snapshots.length === 0 ? <p>{t("board.noSnapshots")}</p> : null}
      <ul>
        {snapshots.map((s) => (
          <li key={s.id}>
            <Link to={`/cabina-di-regia/riunioni/${s.id}`}>
              {t("board.snapshotTitle", { date: formatDay(s.meetingDate, locale) })}
            </Link>{" "}
            <span className="pionieri-muted">
              ({s.createdBy?.displayName ?? t("ideas.formerColleague")}, {formatDate(s.createdAt, locale, "dateTime")})
            </span>{" "}
            · <Link to={`/cabina-di-regia/riunioni/${s.id}/stampa`}>{t("board.print")}</Link>
          </li>
        ))}
      </ul>
      {canFreeze ? (
        <section aria-labelledby="freeze-title" className="pionieri-panel mb-4">
          <h2 id="freeze-title" className="h4">
            {t("board.freezeTitle")}
          </h2>
          <p>{t("board.freezeIntro")}</p>
          <FormErrors errors={failed?.fieldErrors} />
          <Form method="post">
            <TextField
              name="meetingDate"
              type="date"
              label={t("board.meetingDate")}
              required
              defaultValue={failed?.values.meetingDate ?? day}
              errors={failed?.fieldErrors}
            />
            <TextAreaField
              id="f-notes"
              name="notes"
              label={t("board.meetingNotes")}
              rows={4}
              maxLength={5000}
              defaultValue={failed?.values.notes}
              errors={failed?.fieldErrors}
            />
            <button type="submit" className="btn btn-primary">
              {t("board.freeze")}
            </button>
          </Form>
        </section>
      ) : null}
      {snapshots.length >= 2 ? (
        <section className="pionieri-panel" aria-labelledby="compare-title">
          <h2 id="compare-title" className="h4">
            {t("board.compare")}
          </h2>
          <Form method="get" action="/cabina-di-regia/confronto" className="pionieri-inline-form">
            <SelectField name="a" label={t("board.compareFrom")} options={options} defaultValue={snapshots[1]!.id} />
            <SelectField name="b" label={t("board.compareTo")} options={options} defaultValue={snapshots[0]!.id} />
            <button type="submit" className="btn btn-primary">
              {t("board.compareSubmit")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
