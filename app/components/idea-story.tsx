import { Link } from "@remix-run/react";
import { formatDate } from "~/lib/dates";
import { useLocale, useT } from "~/lib/i18n/react";
import { isolate } from "~/lib/i18n/isolate";
import { ideaStatusLabel } from "~/lib/i18n/labels";

type Story = {
  events: {
    id: string;
    kind: string;
    fromStatus: string | null;
    toStatus: string | null;
    reason: string | null;
    relatedIdeaId: number | null;
    relatedTitle: string | null;
    meetingId?: string | null;
    meetingTitle?: string | null;
    createdAt: string;
    actorName: string | null;
  }[];
  revisions: { id: string; title: string; body: string; createdAt: string; editor: { displayName: string } | null }[];
};

/** The idea's whole story: created, edited, status changes with their reasons, merges. */
export function IdeaStory({ idea }: { idea: Story }) {
  const t = useT();
  const locale = useLocale();
  const who = (name: string | null) => name ?? t("ideas.formerColleague");
  return (
    <section className="my-4" aria-labelledby="story-title">
      <h2 id="story-title" className="h4">
        {t("ideas.storyTitle")}
      </h2>
      <ol className="pionieri-story">
        {idea.events.map((event) => (
          <li key={event.id}>
            <time dateTime={event.createdAt}>{formatDate(event.createdAt, locale, "dateTime")}</time>
            <p className="mb-0">
              {event.kind === "CREATED" ? isolate(t, "story.created", { who: who(event.actorName) }) : null}
              {event.kind === "EDITED" ? isolate(t, "story.edited", { who: who(event.actorName) }) : null}
              {event.kind === "STATUS"
                ? isolate(t, "story.status", {
                    who: who(event.actorName),
                    from: ideaStatusLabel(t, event.fromStatus),
                    to: ideaStatusLabel(t, event.toStatus),
                  })
                : null}
              {event.meetingId ? (
                <>
                  {" "}
                  {t("story.inMeeting")} <Link to={`/riunioni/${event.meetingId}`}>{event.meetingTitle}</Link>
                </>
              ) : null}
              {event.kind === "MERGED_INTO" ? (
                <>
                  {isolate(t, "story.mergedInto", { who: who(event.actorName) })}{" "}
                  <bdi>
                    <Link to={`/idee/${event.relatedIdeaId}`}>
                      #{event.relatedIdeaId} {event.relatedTitle}
                    </Link>
                  </bdi>
                </>
              ) : null}
              {event.kind === "MERGED_FROM" ? (
                <>
                  {isolate(t, "story.mergedFrom", { who: who(event.actorName) })}{" "}
                  <bdi>
                    <Link to={`/idee/${event.relatedIdeaId}`}>
                      #{event.relatedIdeaId} {event.relatedTitle}
                    </Link>
                  </bdi>
                </>
              ) : null}
            </p>
            {event.reason ? (
              <p className="pionieri-reason mb-0">{isolate(t, "story.reason", { reason: event.reason })}</p>
            ) : null}
          </li>
        ))}
      </ol>
      {idea.revisions.length > 0 ? (
        <details className="pionieri-revisions">
          <summary>{t("ideas.revisions", { count: idea.revisions.length })}</summary>
          <ol>
            {idea.revisions.map((revision) => (
              <li key={revision.id}>
                <p className="mb-1">
                  {t("ideas.revisionBefore", { date: formatDate(revision.createdAt, locale, "dateTime") })}
                </p>
                <p className="mb-1">
                  <strong>{revision.title}</strong>
                </p>
                <pre className="pionieri-revision-body">{revision.body}</pre>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}
