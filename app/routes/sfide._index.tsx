import type { LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { listChallenges, mayCreateChallenges } from "~/domain/challenges.server";
import { requireUser } from "~/lib/auth.server";
import { formatDay } from "~/lib/dates";
import type { PageHandle } from "~/lib/i18n";
import { challengesMessages } from "~/lib/i18n/messages/challenges";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";

export const handle: PageHandle = { messages: [challengesMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "challenges.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  return json({ ...(await listChallenges()), canCreate: mayCreateChallenges(user.actor) });
}

type Row = SerializeFrom<typeof loader>["open"][number];

export default function Challenges() {
  const t = useT();
  const locale = useLocale();
  const { open, upcoming, closed, canCreate } = useLoaderData<typeof loader>();
  const question = {
    label: t("challenges.question"),
    rowHeader: true,
    cell: (row: Row) => <Link to={`/sfide/${row.id}`}>{row.title}</Link>,
  };
  const audience = {
    label: t("challenges.audience"),
    cell: (row: Row) => (row.group ? row.group.name : t("challenges.everyone")),
  };
  const ideas = { label: t("challenges.ideas"), cell: (row: Row) => String(row.ideaCount) };
  return (
    <>
      <div className="pionieri-title-row">
        <h1>{t("challenges.title")}</h1>
        {canCreate ? (
          <Link to="/sfide/nuova" className="btn btn-primary">
            {t("challenges.new")}
          </Link>
        ) : null}
      </div>
      <p className="lead">{t("challenges.intro")}</p>
      <section aria-labelledby="challenges-open" className="mt-4">
        <h2 id="challenges-open">{t("challenges.open")}</h2>
        {open.length === 0 ? (
          <p>{t("challenges.noneOpen")}</p>
        ) : (
          <DataTable
            caption={t("challenges.captionOpen")}
            captionHidden
            rows={open}
            rowKey={(row) => row.id}
            columns={[
              question,
              audience,
              { label: t("challenges.closesOn"), cell: (row) => formatDay(row.closesOn, locale) },
              ideas,
            ]}
          />
        )}
      </section>
      {upcoming.length > 0 ? (
        <section aria-labelledby="challenges-upcoming" className="mt-4">
          <h2 id="challenges-upcoming">{t("challenges.upcoming")}</h2>
          <DataTable
            caption={t("challenges.captionUpcoming")}
            captionHidden
            rows={upcoming}
            rowKey={(row) => row.id}
            columns={[
              question,
              audience,
              { label: t("challenges.opensOn"), cell: (row) => formatDay(row.opensOn, locale) },
            ]}
          />
        </section>
      ) : null}
      <section aria-labelledby="challenges-closed" className="mt-4">
        <h2 id="challenges-closed">{t("challenges.closed")}</h2>
        {closed.length === 0 ? (
          <p>{t("challenges.noneClosed")}</p>
        ) : (
          <DataTable
            caption={t("challenges.captionClosed")}
            captionHidden
            rows={closed}
            rowKey={(row) => row.id}
            columns={[
              question,
              audience,
              { label: t("challenges.closedOn"), cell: (row) => formatDay(row.closesOn, locale) },
              ideas,
              {
                label: t("challenges.stateLabel"),
                cell: (row) => (row.state === "CONCLUSA" ? t("challenges.concluded") : t("challenges.awaiting")),
              },
            ]}
          />
        )}
      </section>
    </>
  );
}
