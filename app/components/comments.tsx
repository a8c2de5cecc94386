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
            <CommentItem
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
                    <CommentItem
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

function CommentItem({
  comment,
  ideaId,
  actor,
  groupId,
  failed,
  canReply,
}: {
  comment: CommentView;
  ideaId: number;
  actor: Actor | undefined;
  groupId: string;
  failed: Failed;
  /** Replying comes first among a comment's actions (a reply to a reply joins the same thread). */
  canReply: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const ref = {
    authorId: comment.authorId,
    ideaGroupId: groupId,
    deletedAt: comment.deletedAt,
    hiddenAt: comment.hiddenAt,
  };
  const mine = comment.authorId !== null && comment.authorId === actor?.id;
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
        {canReply && !comment.deletedAt && !comment.hiddenAt ? (
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
        {mine && can(actor, "comment.edit", ref) ? (
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
        {mine && can(actor, "comment.delete", ref) ? (
          <Form method="post" action={`/idee/${ideaId}`} preventScrollReset>
            <input type="hidden" name="intent" value="deleteComment" />
            <input type="hidden" name="commentId" value={comment.id} />
            <button type="submit" className="btn btn-link btn-sm p-0">
              {t("comments.delete")}
            </button>
          </Form>
        ) : null}
        {can(actor, "comment.hide", ref) ? (
          <ReasonDetails
            ideaId={ideaId}
            commentId={comment.id}
            intent="hideComment"
            summary={t("comments.hide")}
            submit={t("comments.hideSubmit")}
            failed={failed}
          />
        ) : null}
        {can(actor, "comment.report", ref) ? (
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
