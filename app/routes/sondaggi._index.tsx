import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { listPolls, mayCreatePolls } from "~/domain/polls.server";
import { requireUser } from "~/lib/auth.server";
import { formatDate } from "~/lib/dates";
import type { PageHandle } from "~/lib/i18n";
import { pollsMessages } from "~/lib/i18n/messages/polls";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";

export const handle: PageHandle = { messages: [pollsMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "polls.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const { open, ended } = await listPolls(user.actor);
  return json({ open, ended, canCreate: mayCreatePolls(user.actor) });
}

export default function Polls() {
  const t = useT();
  const locale = useLocale();
  const { open, ended, canCreate } = useLoaderData<typeof loader>();
  type Row = (typeof open)[number];
  const question = {
    label: t("polls.question"),
    rowHeader: true,
    cell: (poll: Row) => <Link to={`/sondaggi/${poll.id}`}>{poll.question}</Link>,
  };
  const audience = {
    label: t("polls.audience"),
    cell: (poll: Row) => (poll.group ? t("polls.groupAudience", { group: poll.group.name }) : t("polls.everyone")),
  };
  const voters = { label: t("polls.voters"), numeric: true, cell: (poll: Row) => poll.voters };
  return (
    <>
      <h1>{t("polls.title")}</h1>
      <p className="lead">{t("polls.intro")}</p>
      {canCreate ? (
        <p>
          <Link to="/sondaggi/nuovo" className="btn btn-primary">
            {t("polls.new")}
          </Link>
        </p>
      ) : null}
      <section aria-labelledby="polls-open" className="mb-5">
        <h2 id="polls-open">{t("polls.open")}</h2>
        {open.length === 0 ? (
          <p>{t("polls.noneOpen")}</p>
        ) : (
          <DataTable
            caption={t("polls.caption")}
            captionHidden
            rows={open}
            rowKey={(poll) => poll.id}
            columns={[
              question,
              audience,
              { label: t("polls.endsOn"), cell: (poll) => formatDate(poll.endsAt, locale) },
              voters,
              {
                label: t("polls.yourVote"),
                cell: (poll) =>
                  poll.voted
                    ? t("polls.voted")
                    : poll.canVote
                      ? t("polls.toVote")
                      : poll.group
                        ? t("polls.notForYou")
                        : t("polls.readOnly"),
              },
            ]}
          />
        )}
      </section>
      <section aria-labelledby="polls-ended">
        <h2 id="polls-ended">{t("polls.ended")}</h2>
        {ended.length === 0 ? (
          <p>{t("polls.noneEnded")}</p>
        ) : (
          <DataTable
            caption={t("polls.captionEnded")}
            captionHidden
            rows={ended}
            rowKey={(poll) => poll.id}
            columns={[
              question,
              audience,
              { label: t("polls.endedOn"), cell: (poll) => formatDate(poll.endsAt, locale) },
              voters,
            ]}
          />
        )}
      </section>
    </>
  );
}
