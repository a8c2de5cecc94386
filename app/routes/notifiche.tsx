import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { listNotifications, markAllRead, markRead } from "~/domain/notifications.server";
import { requireUser } from "~/lib/auth.server";
import { formatDate } from "~/lib/dates";
import { meetingWhen } from "~/lib/clock";
import { redirectWithFlash } from "~/lib/flash.server";
import { field } from "~/lib/forms";
import { httpError } from "~/lib/http.server";
import type { Locale, Translate } from "~/lib/i18n";
import { isolate } from "~/lib/i18n/isolate";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import { ideaStatusLabel, objectiveStatusLabel } from "~/lib/i18n/labels";
import { meetingNoticeKey, noticePath } from "~/domain/notices";
import type { PageHandle } from "~/lib/i18n";
import { accountMessages } from "~/lib/i18n/messages/account";

export const handle: PageHandle = { messages: [accountMessages] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "notifications.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const page = Math.max(
    1,
    Math.min(1000, Number.parseInt(new URL(request.url).searchParams.get("pagina") ?? "1", 10) || 1),
  );
  return json({ page, ...(await listNotifications(user.actor, page)) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const form = await request.formData();
  const intent = field(form, "intent");
  if (intent === "read") {
    await markRead(user.actor, field(form, "id"));
    const next = field(form, "next");
    return redirectWithFlash(
      /^\/(idee\/\d+|riunioni\/[a-z0-9]+|sfide\/[a-z0-9]+)$/.test(next) ? next : "/notifiche",
      "notifications.markedOne",
      undefined,
      {
        tone: "info",
      },
    );
  }
  if (intent === "readAll") {
    await markAllRead(user.actor);
    return redirectWithFlash("/notifiche", "notifications.markedAll", undefined, { tone: "info" });
  }
  httpError(400, "v.unknownIntent");
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>["items"][number];

/** The sentence of a notification, from its frozen data. */
function notificationText(t: Translate, locale: Locale, item: Item) {
  const who = item.actorName ?? t("ideas.formerColleague");
  const title = item.data.ideaTitle;
  switch (item.kind) {
    case "COMMENT":
      return isolate(t, "notifications.comment", { who, title });
    case "REPLY":
      return isolate(t, "notifications.reply", { who, title });
    case "MENTION":
      return isolate(t, item.objectiveId ? "notifications.mentionObjective" : "notifications.mention", { who, title });
    case "MERGE":
      return isolate(t, "notifications.merge", { who, title, original: item.data.originalTitle ?? "" });
    case "STATUS":
      return isolate(t, "notifications.status", { who, title, status: ideaStatusLabel(t, item.data.toStatus ?? null) });
    case "HIDDEN":
      return isolate(t, "notifications.hidden", { who, title });
    case "OWNER":
      return isolate(t, "notifications.owner", { who, title });
    case "OBJECTIVE":
      return isolate(t, "notifications.objective", {
        title,
        idea: item.data.carriedTitle ?? "",
        progress: item.data.progress ?? 0,
        status: objectiveStatusLabel(t, item.data.objectiveStatus ?? null),
      });
    case "NEW_IDEA":
      return isolate(t, "notifications.newIdea", { who, title, group: item.data.groupName ?? "" });
    case "REPORT":
      return isolate(t, "notifications.report", { title, group: item.data.groupName ?? "" });
    case "MEETING": {
      const meeting = item.data.meeting;
      const key = meetingNoticeKey(meeting?.change);
      const when = meeting ? meetingWhen(meeting.startsAt, meeting.endsAt, locale) : "";
      return isolate(t, key, { who, title, group: item.data.groupName ?? "", when });
    }
    case "CHALLENGE":
      return isolate(t, "notifications.challenge", { title });
    default:
      return title;
  }
}

export default function Notifications() {
  const t = useT();
  const locale = useLocale();
  const { items, hasMore, page } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const unread = items.some((item) => !item.readAt);
  return (
    <>
      <div className="pionieri-title-row">
        <h1>{t("notifications.title")}</h1>
        {unread ? (
          <Form method="post">
            <input type="hidden" name="intent" value="readAll" />
            <button type="submit" className="btn btn-outline-primary">
              {t("notifications.markAll")}
            </button>
          </Form>
        ) : null}
      </div>
      {items.length === 0 ? <p>{t("notifications.none")}</p> : null}
      <ol className="pionieri-notifications">
        {items.map((item) => (
          <li key={item.id} className={item.readAt ? "is-read" : "is-unread"}>
            <p className="mb-1">
              {item.readAt ? null : <span className="badge bg-primary me-2">{t("notifications.new")}</span>}
              <Link to={noticePath(item)}>{notificationText(t, locale, item)}</Link>
            </p>
            {item.data.reason ? (
              <p className="pionieri-reason mb-1">{isolate(t, "story.reason", { reason: item.data.reason })}</p>
            ) : null}
            <p className="pionieri-muted mb-1">
              <time dateTime={item.createdAt}>{formatDate(item.createdAt, locale, "dateTime")}</time>
            </p>
            {item.readAt ? null : (
              <Form method="post">
                <input type="hidden" name="intent" value="read" />
                <input type="hidden" name="id" value={item.id} />
                <button type="submit" className="btn btn-link btn-sm p-0">
                  {t("notifications.markOne")}
                </button>
              </Form>
            )}
          </li>
        ))}
      </ol>
      <nav className="pionieri-pager" aria-label={t("notifications.pages")}>
        {page > 1 ? <Link to={`?pagina=${page - 1}`}>{t("admin.users.prev")}</Link> : <span />}
        {hasMore ? (
          <Link to={`?${new URLSearchParams({ ...Object.fromEntries(params), pagina: String(page + 1) })}`}>
            {t("admin.users.next")}
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </>
  );
}
