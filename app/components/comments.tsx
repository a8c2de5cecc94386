import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import type { ShownComment } from "~/domain/comments";
import { IDEA_LIMITS } from "~/domain/ideas";
import { can } from "~/domain/policy-shared";
import type { Actor } from "~/lib/actor";
import { formatDate } from "~/lib/dates";
import type { FormFailure } from "~/lib/forms";
import { isolate } from "~/lib/i18n/isolate";
import { useLocale, useT } from "~/lib/i18n/react";
import { CachedFragment } from "./cached-fragment";
import { TextAreaField } from "./form";

/** A comment as the loader sends it (dates become text on the way). */
type CommentView = SerializeFrom<ShownComment>;

type Failed = FormFailure | undefined;

export function CommentThread({
  ideaId,
  comments,
  earlier,
  total,
  canComment,
  actor,
  groupId,
  failed,
}: {
  ideaId: number;
  comments: (CommentView & { replies: CommentView[] })[];
  /** Threads before the ones shown (a long discussion opens on its latest threads). */
  earlier: number;
  /** Comments and replies in all. */
  total: number;
  canComment: boolean;
  actor: Actor | undefined;
  groupId: string;
  failed: Failed;
}) {
  const t = useT();
  return (
    <section className="my-4" aria-labelledby="comments-title">
      <h2 id="comments-title" className="h4">
        {t("comments.title")} <span className="pionieri-count">({total})</span>
      </h2>
      {comments.length === 0 ? <p>{t("comments.none")}</p> : null}
      {earlier > 0 ? (
        <p>
          <Link to={`/idee/${ideaId}?commenti=tutti#comments-title`}>
            {t("comments.showEarlier", { count: earlier })}
          </Link>
        </p>
      ) : null}
      <ol className="pionieri-comments">
        {comments.map((comment) => (
          <li key={comment.id}>
            <KeptComment
              comment={comment}
              ideaId={ideaId}
              actor={actor}
              groupId={groupId}
              failed={failed}
              canReply={canComment}
            />
            {comment.replies.length > 0 ? (
              <ol className="pionieri-replies">
                {comment.replies.map((reply) => (
                  <li key={reply.id}>
                    <KeptComment
                      comment={reply}
                      ideaId={ideaId}
                      actor={actor}
                      groupId={groupId}
                      failed={failed}
                      canReply={canComment}
                    />
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ol>
      {canComment ? (
        <Form method="post" action={`/idee/${ideaId}`} className="pionieri-panel mt-3" preventScrollReset>
          <input type="hidden" name="intent" value="comment" />
          <TextAreaField
            id="f-comment"
            name="body"
            label={t("comments.new")}
            hint={t("comments.hint")}
            rows={4}
            maxLength={IDEA_LIMITS.comment}
            errors={failed?.form === "comment" ? failed.fieldErrors : undefined}
            defaultValue={failed?.form === "comment" ? failed.values.body : undefined}
          />
          <button type="submit" className="btn btn-primary">
            {t("comments.send")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

/** What the reader may do with a comment: the only part of its drawing that depends on who reads. */
type CommentActions = {
  /** The thread's own permission to reply (policy, given once per page), under a visible comment. */
  reply: boolean;
  edit: boolean;
  delete: boolean;
  hide: boolean;
  report: boolean;
};

function commentActions(
  comment: CommentView,
  actor: Actor | undefined,
  groupId: string,
  canReply: boolean,
): CommentActions {
  const ref = {
    authorId: comment.authorId,
    ideaGroupId: groupId,
    deletedAt: comment.deletedAt,
    hiddenAt: comment.hiddenAt,
  };
  const mine = comment.authorId !== null && comment.authorId === actor?.id;
  return {
    reply: canReply && !comment.deletedAt && !comment.hiddenAt,
    edit: mine && can(actor, "comment.edit", ref),
    delete: mine && can(actor, "comment.delete", ref),
    hide: can(actor, "comment.hide", ref),
    report: can(actor, "comment.report", ref),
  };
}

/**
 * A comment as kept markup (components/cached-fragment.tsx): its drawing is a function of the
 * comment, of what the reader may do with it, of the language and of nothing else, so it is kept
 * per comment and kind of reader, and drawn again when the comment changes (edited, hidden,
 * removed, its author renamed). A long discussion is most of its idea's page, read far more often
 * than written (decision 0048). A comment whose form came back with errors is drawn live.
 */
function KeptComment({
  comment,
  ideaId,
  actor,
  groupId,
  failed,
  canReply,
}: {
  comment: CommentView & { replies?: CommentView[] };
  ideaId: number;
  actor: Actor | undefined;
  groupId: string;
  failed: Failed;
  canReply: boolean;
}) {
  const locale = useLocale();
  const actions = commentActions(comment, actor, groupId, canReply);
  const item = <CommentItem comment={comment} ideaId={ideaId} actions={actions} failed={failed} />;
  if (failed?.form?.endsWith(`-${comment.id}`)) return item;
  // The replies are drawn apart (each kept on its own): only the comment's own fields count.
  const { replies: _replies, ...own } = comment;
  const may = Object.values(actions)
    .map((allowed) => (allowed ? 1 : 0))
    .join("");
  return (
    <CachedFragment name={`comment|${ideaId}|${comment.id}|${may}|${locale}`} version={JSON.stringify(own)}>
      {item}
    </CachedFragment>
  );
}

function CommentItem({
  comment,
  ideaId,
  actions,
  failed,
}: {
  comment: CommentView;
  ideaId: number;
  actions: CommentActions;
  failed: Failed;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <article
      id={`commento-${comment.id}`}
      className="pionieri-comment"
      aria-label={t("comments.by", { name: comment.authorName ?? t("ideas.formerColleague") })}
    >
      <header className="pionieri-comment-header">
        {comment.authorHandle ? (
          <Link to={`/persone/${comment.authorHandle}`}>{comment.authorName}</Link>
        ) : (
          <span>{t("ideas.formerColleague")}</span>
        )}
        <time dateTime={comment.createdAt}>{formatDate(comment.createdAt, locale, "dateTime")}</time>
        {comment.editedAt && !comment.deletedAt ? <span className="pionieri-muted">{t("comments.edited")}</span> : null}
      </header>
      {comment.deletedAt ? (
        <p className="pionieri-muted fst-italic mb-0">{t("comments.removed")}</p>
      ) : comment.hiddenAt ? (
        <p className="pionieri-muted fst-italic mb-0">
          {isolate(t, "comments.hiddenNotice", { reason: comment.hiddenReason ?? "" })}
        </p>
      ) : (
        <div className="pionieri-markdown" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
      )}
      <div className="pionieri-comment-actions">
        {actions.reply ? (
          <details open={failed?.form === `reply-${comment.id}`}>
            <summary>{t("comments.reply")}</summary>
            <Form method="post" action={`/idee/${ideaId}`} preventScrollReset>
              <input type="hidden" name="intent" value="comment" />
              <input type="hidden" name="parentId" value={comment.id} />
              <TextAreaField
                id={`f-reply-${comment.id}`}
                name="body"
                label={t("comments.replyTo", { name: comment.authorName ?? t("ideas.formerColleague") })}
                maxLength={IDEA_LIMITS.comment}
                errors={failed?.form === `reply-${comment.id}` ? failed.fieldErrors : undefined}
                defaultValue={failed?.form === `reply-${comment.id}` ? failed.values.body : undefined}
              />
              <button type="submit" className="btn btn-outline-primary btn-sm">
                {t("comments.sendReply")}
              </button>
            </Form>
          </details>
        ) : null}
        {actions.edit ? (
          <details open={failed?.form === `edit-${comment.id}`}>
            <summary>{t("comments.edit")}</summary>
            <Form method="post" action={`/idee/${ideaId}`} preventScrollReset>
              <input type="hidden" name="intent" value="editComment" />
              <input type="hidden" name="commentId" value={comment.id} />
              <TextAreaField
                id={`f-edit-${comment.id}`}
                name="body"
                label={t("comments.editLabel")}
                maxLength={IDEA_LIMITS.comment}
                errors={failed?.form === `edit-${comment.id}` ? failed.fieldErrors : undefined}
                defaultValue={failed?.form === `edit-${comment.id}` ? failed.values.body : undefined}
              />
              <button type="submit" className="btn btn-outline-primary btn-sm">
                {t("comments.saveEdit")}
              </button>
            </Form>
          </details>
        ) : null}
        {actions.delete ? (
          <Form method="post" action={`/idee/${ideaId}`} preventScrollReset>
            <input type="hidden" name="intent" value="deleteComment" />
            <input type="hidden" name="commentId" value={comment.id} />
            <button type="submit" className="btn btn-link btn-sm p-0">
              {t("comments.delete")}
            </button>
          </Form>
        ) : null}
        {actions.hide ? (
          <ReasonDetails
            ideaId={ideaId}
            commentId={comment.id}
            intent="hideComment"
            summary={t("comments.hide")}
            submit={t("comments.hideSubmit")}
            failed={failed}
          />
        ) : null}
        {actions.report ? (
          <ReasonDetails
            ideaId={ideaId}
            commentId={comment.id}
            intent="reportComment"
            summary={t("comments.report")}
            submit={t("comments.reportSubmit")}
            failed={failed}
          />
        ) : null}
      </div>
    </article>
  );
}

function ReasonDetails({
  ideaId,
  commentId,
  intent,
  summary,
  submit,
  failed,
}: {
  ideaId: number;
  commentId: number;
  intent: string;
  summary: string;
  submit: string;
  failed: Failed;
}) {
  const t = useT();
  const name = `${intent}-${commentId}`;
  return (
    <details open={failed?.form === name}>
      <summary>{summary}</summary>
      <Form method="post" action={`/idee/${ideaId}`} preventScrollReset>
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="commentId" value={commentId} />
        <TextAreaField
          id={`f-${name}`}
          name="reason"
          label={t("comments.reasonLabel")}
          maxLength={1000}
          errors={failed?.form === name ? failed.fieldErrors : undefined}
          defaultValue={failed?.form === name ? failed.values.reason : undefined}
        />
        <button type="submit" className="btn btn-outline-secondary btn-sm">
          {submit}
        </button>
      </Form>
    </details>
  );
}
