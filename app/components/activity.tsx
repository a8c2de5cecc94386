import { Link } from "@remix-run/react";
import { formatDate } from "~/lib/dates";
import { useLocale, useT } from "~/lib/i18n/react";
import { isolate } from "~/lib/i18n/isolate";
import { ideaStatusLabel } from "~/lib/i18n/labels";

type Activity = {
  id: string;
  kind: string;
  toStatus: string | null;
  at: string;
  ideaId: number;
  ideaTitle: string;
  who: string | null;
};

/** What happened lately across the intranet: new ideas, status changes, comments. */
export function ActivityList({ items }: { items: Activity[] }) {
  const t = useT();
  const locale = useLocale();
  if (items.length === 0) return <p>{t("activity.none")}</p>;
  return (
    <ol className="pionieri-activity">
      {items.map((item) => {
        const who = item.who ?? t("ideas.formerColleague");
        const what =
          item.kind === "CREATED"
            ? isolate(t, "activity.created", { who })
            : item.kind === "COMMENT"
              ? isolate(t, "activity.commented", { who })
              : item.kind === "MERGED_INTO"
                ? isolate(t, "activity.merged", { who })
                : isolate(t, "activity.status", { who, status: ideaStatusLabel(t, item.toStatus) });
        return (
          <li key={item.id}>
            <span>{what}</span>{" "}
            <bdi>
              <Link to={`/idee/${item.ideaId}`}>{item.ideaTitle}</Link>
            </bdi>{" "}
            <time className="pionieri-muted" dateTime={item.at}>
              {formatDate(item.at, locale, "dateTime")}
            </time>
          </li>
        );
      })}
    </ol>
  );
}
