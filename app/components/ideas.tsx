import type { SerializeFrom } from "@remix-run/node";
import { Form, Link, useFetcher } from "@remix-run/react";
import { CachedFragment } from "./cached-fragment";
import { useHydrated } from "./hydrated";
import type { IdeaListItem } from "~/domain/ideas";
import { formatDate } from "~/lib/dates";
import { useLocale, useT } from "~/lib/i18n/react";
import { highlightParts } from "~/lib/search";
import { StatusBadge } from "./status-badge";

/**
 * Text from the search index with the matched words marked, rendered without any HTML: the words
 * between the marks as text (no element of their own: a card's title and snippet are a few).
 */
function Highlighted({ text }: { text: string }) {
  return (
    <>{highlightParts(text).map((part, index) => (part.mark ? <mark key={index}>{part.text}</mark> : part.text))}</>
  );
}

type CardProps = { idea: SerializeFrom<IdeaListItem>; headingLevel?: 2 | 3 };

/**
 * An idea in a list: drawn from its own fields alone (the reader's support among them), so the
 * server keeps its drawing until they change (decision 0049).
 */
export function IdeaCard({ idea, headingLevel = 2 }: CardProps) {
  const locale = useLocale();
  return (
    <CachedFragment name={`idea-card|${idea.id}|${headingLevel}|${locale}`} version={JSON.stringify(idea)}>
      <IdeaCardDrawing idea={idea} headingLevel={headingLevel} />
    </CachedFragment>
  );
}

function IdeaCardDrawing({ idea, headingLevel = 2 }: CardProps) {
  const t = useT();
  const locale = useLocale();
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="pionieri-idea-card" style={{ borderLeftColor: idea.groupColour }}>
      <p
        className={idea.supportedByMe ? "pionieri-count-box pionieri-count-box-mine" : "pionieri-count-box"}
        title={idea.supportedByMe ? t("ideas.youSupport") : undefined}
      >
        <strong>{idea.supportCount}</strong>
        <span>{t(idea.supportCount === 1 ? "ideas.supportWordOne" : "ideas.supportWord")}</span>
        {idea.supportedByMe ? <span className="visually-hidden">, {t("ideas.youSupport")}</span> : null}
      </p>
      <div className="pionieri-idea-card-body">
        <Heading className="h5 mb-1">
          <Link to={`/idee/${idea.id}`}>
            {idea.titleHighlighted ? <Highlighted text={idea.titleHighlighted} /> : idea.title}
          </Link>
        </Heading>
        {idea.snippet ? (
          <p className="pionieri-snippet mb-1">
            <Highlighted text={idea.snippet} />
          </p>
        ) : null}
        {idea.coverId ? (
          // Decorative beside the title: the idea page shows the image with its name.
          <img className="pionieri-idea-cover" src={`/allegati/${idea.coverId}?anteprima=1`} alt="" loading="lazy" />
        ) : null}
        <p className="pionieri-idea-meta mb-0">
          <StatusBadge status={idea.status} />
          <span>{idea.groupName}</span>
          <span>
            {idea.authorName ?? t("ideas.formerColleague")} · {formatDate(idea.createdAt, locale)}
          </span>
          <span>
            {t(idea.commentCount === 1 ? "ideas.commentsOne" : "ideas.comments", { count: idea.commentCount })}
          </span>
        </p>
      </div>
    </article>
  );
}

/**
 * Support on or off. A plain form without JavaScript; with it, a fetcher that shows the new
 * state at once and settles on what the server answers.
 */
export function SupportButton({
  ideaId,
  supported,
  count,
  disabled,
}: {
  ideaId: number;
  supported: boolean;
  count: number;
  disabled?: boolean;
}) {
  const t = useT();
  const fetcher = useFetcher<{ supported: boolean; count: number }>();
  // Only a hydrated page asks for a JSON answer; without JavaScript the form gets a redirect.
  const hydrated = useHydrated();
  const pending = fetcher.formData?.get("intent");
  const shownSupported = pending ? pending === "support" : (fetcher.data?.supported ?? supported);
  const shownCount = pending
    ? count + (pending === "support" && !supported ? 1 : 0) - (pending === "unsupport" && supported ? 1 : 0)
    : (fetcher.data?.count ?? count);
  return (
    <fetcher.Form method="post" action={`/idee/${ideaId}`} className="pionieri-support">
      <input type="hidden" name="intent" value={shownSupported ? "unsupport" : "support"} />
      {hydrated ? <input type="hidden" name="respond" value="json" /> : null}
      <button
        type="submit"
        className={shownSupported ? "btn btn-outline-primary" : "btn btn-primary"}
        disabled={disabled}
        aria-describedby={`support-count-${ideaId} support-hint-${ideaId}`}
      >
        {shownSupported ? t("ideas.supportedWithdraw") : t("ideas.support")}
        <span aria-hidden="true"> · {shownCount}</span>
      </button>
      <span id={`support-count-${ideaId}`} className="visually-hidden" aria-live="polite">
        {t(shownCount === 1 ? "ideas.supportsOne" : "ideas.supports", { count: shownCount })}
      </span>
      <small id={`support-hint-${ideaId}`} className="pionieri-muted pionieri-support-hint">
        {shownSupported ? t("ideas.supportedHint") : t("ideas.supportHint")}
      </small>
    </fetcher.Form>
  );
}

export function SortLinks({ current, params }: { current: string; params: URLSearchParams }) {
  const t = useT();
  const sorts = ["recenti", "sostegni", "discusse", "tendenza"] as const;
  return (
    <nav aria-label={t("ideas.sortLabel")} className="pionieri-sorts">
      <span>{t("ideas.sortLabel")}:</span>
      {sorts.map((sort) => {
        const next = new URLSearchParams(params);
        next.set("sort", sort);
        next.delete("cursor");
        return (
          <Link
            key={sort}
            to={`?${next.toString()}`}
            aria-current={current === sort ? "true" : undefined}
            className={current === sort ? "active" : undefined}
          >
            {t(`ideas.sort.${sort}`)}
          </Link>
        );
      })}
    </nav>
  );
}

export function FollowButton({ ideaId, following }: { ideaId: number; following: boolean }) {
  const t = useT();
  return (
    <Form method="post" action={`/idee/${ideaId}`} preventScrollReset>
      <input type="hidden" name="intent" value={following ? "unfollow" : "follow"} />
      <button type="submit" className="btn btn-outline-secondary btn-sm" aria-pressed={following}>
        {following ? <span aria-hidden="true">✓ </span> : null}
        {t("ideas.follow")}
      </button>
    </Form>
  );
}
