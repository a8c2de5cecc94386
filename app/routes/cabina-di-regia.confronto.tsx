import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StateBadge } from "~/components/board";
import { Breadcrumb } from "~/components/breadcrumb";
import { DataTable } from "~/components/data-table";
import { Decisions } from "~/components/snapshot";
import { compareSnapshots } from "~/domain/snapshots.server";
import { requireUser } from "~/lib/auth.server";
import { formatDay } from "~/lib/dates";
import { objectiveStatusLabel } from "~/lib/i18n/labels";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import type { PageHandle } from "~/lib/i18n";
import { boardMessages } from "~/lib/i18n/messages/board";
import { meetingsMessages } from "~/lib/i18n/messages/meetings";

export const handle: PageHandle = { messages: [boardMessages, meetingsMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "board.compare");

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(context, request);
  const params = new URL(request.url).searchParams;
  return json(await compareSnapshots(params.get("a") ?? "", params.get("b") ?? ""));
}

export default function Compare() {
  const t = useT();
  const locale = useLocale();
  const { a, b, groups, slipped, becameLate, completed, added, decisions } = useLoaderData<typeof loader>();
  const day = (value: string | null) => (value ? formatDay(value, locale, "short") : "—");
  const aDate = day(a.meetingDate);
  const bDate = day(b.meetingDate);
  return (
    <>
      <Breadcrumb
        parents={[
          { to: "/cabina-di-regia", label: t("nav.board") },
          { to: "/cabina-di-regia/riunioni", label: t("board.snapshots") },
        ]}
        current={t("board.compare")}
      />
      <h1>{t("board.compareTitle", { a: aDate, b: bDate })}</h1>
      <DataTable
        caption={t("board.groupsCompared")}
        rows={groups}
        rowKey={({ now }) => now.id}
        columns={[
          { label: t("board.group"), rowHeader: true, cell: ({ now }) => now.name },
          {
            label: t("board.stateOn", { date: aDate }),
            cell: ({ then }) => (then ? <StateBadge state={then.state} /> : "—"),
          },
          { label: t("board.stateOn", { date: bDate }), cell: ({ now }) => <StateBadge state={now.state} /> },
          {
            label: t("board.progressOn", { date: aDate }),
            numeric: true,
            cell: ({ then }) => (!then || then.progress === null ? "—" : `${then.progress}%`),
          },
          {
            label: t("board.progressOn", { date: bDate }),
            numeric: true,
            cell: ({ now, then }) =>
              `${now.progress === null ? "—" : `${now.progress}%`}${
                then && then.progress !== null && now.progress !== null && now.progress !== then.progress
                  ? ` (${now.progress > then.progress ? "+" : ""}${now.progress - then.progress})`
                  : ""
              }`,
          },
          {
            label: t("board.lateOn", { date: bDate }),
            numeric: true,
            cell: ({ now, then }) =>
              `${now.late}${then && then.late !== now.late ? ` (${t("board.was", { value: then.late })})` : ""}`,
          },
        ]}
      />

      <section aria-labelledby="slipped-title">
        <h2 id="slipped-title" className="h4">
          {t("board.slipped")} ({slipped.length})
        </h2>
        {slipped.length === 0 ? <p>{t("board.noSlipped")}</p> : null}
        <ul>
          {slipped.map(({ now, then }) => (
            <li key={now.id}>
              <Link to={`/obiettivi/${now.id}`}>{now.title}</Link>:{" "}
              {t("board.slippedLine", {
                from: day(then.forecastOn ?? then.dueOn),
                to: day(now.forecastOn ?? now.dueOn),
              })}
              {now.late && !then.late ? ` · ${t("board.becameLate")}` : ""}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="late-title">
        <h2 id="late-title" className="h4">
          {t("board.becameLateTitle")} ({becameLate.length})
        </h2>
        {becameLate.length === 0 ? <p>{t("board.noBecameLate")}</p> : null}
        <ul>
          {becameLate.map(({ now }) => (
            <li key={now.id}>
              <Link to={`/obiettivi/${now.id}`}>{now.title}</Link>:{" "}
              {t("board.lateLine", { due: day(now.dueOn), progress: now.progress })}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="completed-title">
        <h2 id="completed-title" className="h4">
          {t("board.completedBetween")} ({completed.length})
        </h2>
        <ul>
          {completed.map((o) => (
            <li key={o.id}>
              <Link to={`/obiettivi/${o.id}`}>{o.title}</Link> ({objectiveStatusLabel(t, o.status)})
            </li>
          ))}
        </ul>
        {added.length > 0 ? (
          <>
            <h2 className="h4">
              {t("board.addedBetween")} ({added.length})
            </h2>
            <ul>
              {added.map((o) => (
                <li key={o.id}>
                  <Link to={`/obiettivi/${o.id}`}>{o.title}</Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section aria-labelledby="decided-title">
        <h2 id="decided-title" className="h4">
          {t("board.decidedBetween")} ({decisions.length})
        </h2>
        <Decisions decisions={decisions} />
      </section>
    </>
  );
}
