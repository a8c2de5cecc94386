import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { Bars } from "~/components/charts";
import { DataTable } from "~/components/data-table";
import { Choices } from "~/components/choices";
import { POLL_LIMITS } from "~/domain/polls";
import { pollPage, vote, withdrawVote } from "~/domain/polls.server";
import { requireUser } from "~/lib/auth.server";
import { formatDate } from "~/lib/dates";
import { redirectWithFlash } from "~/lib/flash.server";
import { field } from "~/lib/forms";
import { httpError, keyParam } from "~/lib/http.server";
import type { PageHandle } from "~/lib/i18n";
import { pollsMessages } from "~/lib/i18n/messages/polls";
import { tm, useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";

export const handle: PageHandle = { messages: [pollsMessages], hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "polls.pageTitle", { question: data?.poll.question ?? "" });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  return json(await pollPage(user.actor, keyParam(params.id)));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const id = keyParam(params.id);
  const form = await request.formData();
  const intent = field(form, "intent");
  if (intent !== "vote" && intent !== "withdraw") httpError(400, "v.unknownIntent");
  const chosen = form.getAll("option").filter((value): value is string => typeof value === "string");
  const result = intent === "vote" ? await vote(user.actor, id, chosen) : await withdrawVote(user.actor, id);
  if (!result.ok) return json({ problem: result.problem, chosen }, { status: result.status });
  return redirectWithFlash(`/sondaggi/${id}`, intent === "vote" ? "polls.voteSaved" : "polls.voteWithdrawn");
}

export default function Poll() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { poll, results } = data;
  const audience = poll.group ? t("polls.groupAudience", { group: poll.group.name }) : t("polls.everyone");
  const when = formatDate(poll.endsAt, locale, "dateTime");
  const votersLine =
    data.voters === 0
      ? t("polls.votersNone")
      : data.voters === 1
        ? t("polls.votersOne")
        : t("polls.votersCount", { count: data.voters });
  const share = (count: number) => (data.voters > 0 ? Math.round((count / data.voters) * 100) : 0);
  const rows = results
    ? poll.options.map((option) => ({
        ...option,
        count: results.find((result) => result.optionId === option.id)?.count ?? 0,
      }))
    : [];
  return (
    <>
      <Breadcrumb parents={[{ to: "/sondaggi", label: t("polls.title") }]} current={poll.question} />
      <h1>{poll.question}</h1>
      <p className="pionieri-muted">
        {poll.createdBy
          ? t("polls.by", { name: poll.createdBy.displayName, date: formatDate(poll.createdAt, locale) })
          : t("polls.byFormer", { date: formatDate(poll.createdAt, locale) })}{" "}
        · {t("polls.audience")}: {audience}
      </p>
      {poll.description ? <p className="pionieri-prewrap">{poll.description}</p> : null}
      <p>
        <strong>{poll.open ? t("polls.closesAt", { date: when }) : t("polls.closedAt", { date: when })}</strong>{" "}
        {votersLine}
      </p>

      {data.canVote ? (
        <Form method="post" className="pionieri-poll-ballot" noValidate>
          {data.voted ? <p>{t("polls.youVoted")}</p> : null}
          <Choices
            name="option"
            type={poll.multiple ? "checkbox" : "radio"}
            legend={t(poll.multiple ? "polls.chooseManyLegend" : "polls.chooseOneLegend")}
            options={poll.options.map((option) => ({ id: option.id, name: option.label }))}
            checked={failed?.chosen ?? data.chosen}
            errors={failed?.problem ? { option: failed.problem } : undefined}
          />
          <div className="pionieri-form-actions">
            <button type="submit" name="intent" value="vote" className="btn btn-primary">
              {data.voted ? t("polls.changeVote") : t("polls.vote")}
            </button>
            {data.voted ? (
              <button type="submit" name="intent" value="withdraw" className="btn btn-outline-primary">
                {t("polls.withdraw")}
              </button>
            ) : null}
          </div>
        </Form>
      ) : failed?.problem ? (
        <p className="alert alert-danger" role="alert">
          {tm(t, failed.problem)}
        </p>
      ) : poll.open ? (
        <p className="alert alert-info">
          {poll.group ? t("polls.onlyGroup", { group: poll.group.name }) : t("polls.onlyWriters")}
        </p>
      ) : null}

      <section aria-labelledby="poll-results">
        <h2 id="poll-results">{t("polls.results")}</h2>
        {results ? (
          <>
            <Bars
              title={t("polls.results")}
              description={t("polls.chartDescription", { count: data.voters })}
              rows={rows.map((row) => ({ label: row.label, value: share(row.count) }))}
              suffix="%"
              max={100}
            />
            <DataTable
              caption={t("polls.results")}
              captionHidden
              rows={rows}
              rowKey={(row) => row.id}
              columns={[
                { label: t("polls.option"), rowHeader: true, cell: (row) => row.label },
                { label: t("polls.count"), numeric: true, cell: (row) => row.count },
                { label: t("polls.share"), numeric: true, cell: (row) => `${share(row.count)}%` },
              ]}
            />
            {poll.multiple ? <p className="small pionieri-muted">{t("polls.multipleNote")}</p> : null}
          </>
        ) : data.resultsWithheld ? (
          <p>{t("polls.resultsWithheld", { min: POLL_LIMITS.minVotersForResults })}</p>
        ) : (
          <p>{poll.showResults === "AFTER_END" ? t("polls.resultsAfterEnd") : t("polls.resultsAfterVote")}</p>
        )}
      </section>
    </>
  );
}
