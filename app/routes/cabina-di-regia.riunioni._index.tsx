import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { SelectField } from "~/components/form";
import { listSnapshots } from "~/domain/snapshots.server";
import { requireUser } from "~/lib/auth.server";
import { formatDate, formatDay } from "~/lib/dates";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import type { PageHandle } from "~/lib/i18n";
import { boardMessages } from "~/lib/i18n/messages/board";
import { meetingsMessages } from "~/lib/i18n/messages/meetings";

export const handle: PageHandle = { messages: [boardMessages, meetingsMessages] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "board.snapshots");

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(context, request);
  return json({ snapshots: await listSnapshots() });
}

export default function Snapshots() {
  const t = useT();
  const locale = useLocale();
  const { snapshots } = useLoaderData<typeof loader>();
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
