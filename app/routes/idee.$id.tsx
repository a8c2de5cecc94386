import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { CommentThread } from "~/components/comments";
import { TextAreaField, TextField } from "~/components/form";
import { FollowButton, SupportButton } from "~/components/ideas";
import { StatusBadge } from "~/components/status-badge";
import { AttachmentsSection } from "~/components/attachments";
import { receiveAttachments, removeAttachment } from "~/forms/attach.server";
import { isMultipart } from "~/forms/uploads.server";
import { IdeaStory } from "~/components/idea-story";
import {
  addComment,
  deleteComment,
  editComment,
  hideComment,
  listComments,
  reportComment,
  THREADS_SHOWN,
} from "~/domain/comments.server";
import { isIdeaStatus, TAG_KINDS, transition } from "~/domain/ideas";
import { getIdeaPage } from "~/domain/idea-page.server";
import { EvidenceCard } from "~/components/evidence";
import { changeStatus, markDuplicate, possibleTransitions, setFollow } from "~/domain/ideas.server";
import { setSupport } from "~/domain/supports.server";
import { can } from "~/domain/policy.server";
import { commentSchema, duplicateSchema, reasonSchema, statusChangeSchema } from "~/forms/schemas.server";
import { requireUser } from "~/lib/auth.server";
import { formatDate } from "~/lib/dates";
import { redirectWithFlash } from "~/lib/flash.server";
import { failureOf, field, typedValues } from "~/lib/forms";
import { idField, invalid, parseForm } from "~/lib/forms.server";
import { httpError, idParam, notFoundUnless } from "~/lib/http.server";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import { useRootData } from "~/lib/root-data";
import { ideaStatusLabel } from "~/lib/i18n/labels";
import type { PageHandle } from "~/lib/i18n";
import { filesMessages } from "~/lib/i18n/messages/files";
import { fileRulesMessages } from "~/lib/i18n/messages/fileRules";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { ideaMessages } from "~/lib/i18n/messages/idea";
import { evidenceMessages } from "~/lib/i18n/messages/evidence";
import { ideasMessages } from "~/lib/i18n/messages/ideas";

/** Called from hydrated pages: the support button of home and /idee posts here (a fetcher). */
export const handle: PageHandle = {
  messages: [formsMessages, ideaMessages, ideasMessages, filesMessages, fileRulesMessages, evidenceMessages],
  hydrate: false,
  calledFromHydratedPages: true,
};

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? [{ title: `${data.idea.title} · Pionieri` }] : pageTitle(matches, "error.notFoundTitle");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const id = idParam(params.id);
  const idea = notFoundUnless(await getIdeaPage(user.actor, id));
  // A long discussion opens on its latest threads; the earlier ones are one link away.
  const allComments = new URL(request.url).searchParams.get("commenti") === "tutti";
  const comments = await listComments(id, allComments ? undefined : THREADS_SHOWN);
  return json({
    idea,
    comments: comments.threads,
    commentThreads: comments.total,
    commentCount: comments.comments,
    transitions: possibleTransitions(user.actor, idea),
    can: {
      edit: can(user.actor, "idea.edit", idea),
      support: can(user.actor, "idea.support", idea),
      comment: can(user.actor, "comment.create", idea),
      markDuplicate: can(user.actor, "idea.markDuplicate", idea),
      attach: can(user.actor, "attachment.add", { kind: "idea", groupId: idea.groupId, authorId: idea.authorId }),
      privateNotes: can(user.actor, "board.privateNotes"),
    },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const id = idParam(params.id);
  if (isMultipart(request)) return receiveAttachments(user.actor, { kind: "idea", id }, request);
  const form = await request.formData();
  const intent = field(form, "intent");
  const here = `/idee/${id}`;
  // A comment may sit in an earlier thread than those shown at first: the full list has it.
  const atComment = (commentId: number) => `${here}?commenti=tutti#commento-${commentId}`;

  switch (intent) {
    case "support":
    case "unsupport": {
      const result = await setSupport(user.actor, id, intent === "support");
      if (field(form, "respond") === "json") return json(result);
      return redirectWithFlash(here, intent === "support" ? "ideas.supportAdded" : "ideas.supportRemoved");
    }
    case "deleteAttachment":
      return removeAttachment(user.actor, form);
    case "follow":
    case "unfollow":
      await setFollow(user.actor, id, intent === "follow");
      return redirectWithFlash(here, intent === "follow" ? "ideas.followAdded" : "ideas.followRemoved", undefined, {
        tone: "info",
      });
    case "comment": {
      const parsed = parseForm(commentSchema, form);
      const formName = field(form, "parentId") ? `reply-${field(form, "parentId")}` : "comment";
      if (!parsed.ok) return invalid(parsed.fieldErrors, parsed.values, { form: formName });
      const comment = await addComment(user.actor, id, { body: parsed.data.body, parentId: parsed.data.parentId });
      // A new thread is among the latest; a reply may be in an earlier one.
      return redirectWithFlash(
        parsed.data.parentId ? atComment(comment.id) : `${here}#commento-${comment.id}`,
        "comments.added",
      );
    }
    case "editComment": {
      const target = idField(form, "commentId");
      const parsed = parseForm(commentSchema, form);
      if (!parsed.ok) return invalid(parsed.fieldErrors, parsed.values, { form: `edit-${target}` });
      await editComment(user.actor, target, parsed.data.body);
      return redirectWithFlash(atComment(target), "comments.edited.flash");
    }
    case "deleteComment": {
      const target = idField(form, "commentId");
      await deleteComment(user.actor, target);
      return redirectWithFlash(atComment(target), "comments.deleted", undefined, { tone: "info" });
    }
    case "hideComment":
    case "reportComment": {
      const target = idField(form, "commentId");
      const formName = `${intent}-${target}`;
      const parsed = parseForm(reasonSchema, form);
      if (!parsed.ok) return invalid(parsed.fieldErrors, parsed.values, { form: formName });
      if (!parsed.data.reason)
        return invalid({ reason: { key: "ideas.reasonRequired" } }, typedValues(form), { form: formName });
      if (intent === "hideComment") await hideComment(user.actor, target, parsed.data.reason);
      else await reportComment(user.actor, target, parsed.data.reason);
      return redirectWithFlash(
        atComment(target),
        intent === "hideComment" ? "comments.hidden" : "comments.reported",
        undefined,
        { tone: "info" },
      );
    }
    case "status": {
      const to = field(form, "to");
      if (!isIdeaStatus(to)) httpError(400, "ideas.transitionInvalid");
      const parsed = parseForm(statusChangeSchema, form);
      if (!parsed.ok) return invalid(parsed.fieldErrors, parsed.values, { form: "status" });
      const result = await changeStatus(user.actor, id, to, parsed.data.reason, parsed.data.privateNote);
      if (!result.ok) return invalid(result.fieldErrors, typedValues(form), { form: "status" });
      return redirectWithFlash(here, "ideas.statusChanged", { status: to });
    }
    case "duplicate": {
      const parsed = parseForm(duplicateSchema, form);
      if (!parsed.ok) return invalid(parsed.fieldErrors, parsed.values, { form: "duplicate" });
      const { originalId, reason } = parsed.data;
      const result = await markDuplicate(user.actor, id, originalId, reason);
      if (!result.ok) return invalid(result.fieldErrors, typedValues(form), { form: "duplicate" });
      return redirectWithFlash(here, "ideas.markedDuplicate", { id: originalId });
    }
    default:
      httpError(400, "v.unknownIntent");
  }
}

export default function IdeaPage() {
  const t = useT();
  const locale = useLocale();
  const { idea, comments, commentThreads, commentCount, transitions, can: allowed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = failureOf(actionData);
  const actor = useRootData()?.user?.actor;

  return (
    <>
      <Breadcrumb
        parents={[
          { to: "/idee", label: t("nav.ideas") },
          { to: `/gruppi/${idea.group.slug}`, label: idea.group.name },
        ]}
        current={`#${idea.id}`}
      />
      <article className="pionieri-idea" aria-labelledby="idea-title">
        <header className="pionieri-idea-header" style={{ borderLeftColor: idea.group.colour }}>
          <p className="mb-1">
            <StatusBadge status={idea.status} /> <span className="pionieri-muted">#{idea.id}</span>
          </p>
          <h1 id="idea-title">{idea.title}</h1>
          <p className="pionieri-idea-meta">
            <span>
              {t("ideas.proposedBy")}{" "}
              {idea.author ? (
                <Link to={`/persone/${idea.author.handle}`}>{idea.author.displayName}</Link>
              ) : (
                t("ideas.formerColleague")
              )}
              {idea.author?.office ? ` (${idea.author.office})` : ""}
            </span>
            <span>{formatDate(idea.createdAt, locale)}</span>
            {idea.editedAt ? (
              <span>{t("ideas.editedOn", { date: formatDate(idea.editedAt, locale, "dateTime") })}</span>
            ) : null}
          </p>
        </header>
        {idea.duplicateOf ? (
          <div className="callout pionieri-callout" role="note">
            {t("ideas.duplicateOf")}{" "}
            <Link to={`/idee/${idea.duplicateOf.id}`}>
              #{idea.duplicateOf.id} {idea.duplicateOf.title}
            </Link>
          </div>
        ) : null}
        {idea.challenge ? (
          <p className="pionieri-answers">
            {t(idea.challenge.shortlisted ? "ideas.shortlistedIn" : "ideas.answersChallenge")}{" "}
            <Link to={`/sfide/${idea.challenge.id}`}>{idea.challenge.title}</Link>
          </p>
        ) : null}
        <div className="pionieri-markdown" dangerouslySetInnerHTML={{ __html: idea.bodyHtml }} />
        {idea.evidence.map((evidence, index) => (
          <EvidenceCard key={index} evidence={evidence} />
        ))}
        {idea.carriedBy.length > 0 ? (
          <div className="callout pionieri-callout" role="note">
            <p className="mb-1">
              <strong>{t("ideas.carriedBy")}</strong>
            </p>
            <ul className="mb-0">
              {idea.carriedBy.map((objective) => (
                <li key={objective.id}>
                  <Link to={`/obiettivi/${objective.id}`}>{objective.title}</Link> ({objective.group.name},{" "}
                  {objective.progress}%)
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {idea.tags.length > 0 ? (
          <ul className="pionieri-chips" aria-label={t("ideas.tags")}>
            {TAG_KINDS.flatMap((kind) =>
              idea.tags
                .filter((tag) => tag.kind === kind)
                .map((tag) => (
                  <li key={tag.id}>
                    <Link to={`/idee?tema=${tag.id}`} className="pionieri-chip">
                      {tag.name}
                    </Link>
                  </li>
                )),
            )}
          </ul>
        ) : null}
        <div className="pionieri-idea-actions">
          {allowed.support || idea.supportedByMe ? (
            <SupportButton ideaId={idea.id} supported={idea.supportedByMe} count={idea.supportCount} />
          ) : (
            <p className="mb-0">
              {t(idea.supportCount === 1 ? "ideas.supportsOne" : "ideas.supports", { count: idea.supportCount })}
              {idea.closed ? ` · ${t("ideas.closedNoSupport")}` : ""}
            </p>
          )}
          <FollowButton ideaId={idea.id} following={idea.followingByMe} />
          {allowed.edit ? (
            <Link to={`/idee/${idea.id}/modifica`} className="btn btn-outline-secondary btn-sm">
              {t("ideas.edit")}
            </Link>
          ) : null}
        </div>
      </article>

      {transitions.length > 0 || allowed.markDuplicate ? (
        <section className="pionieri-panel my-4" aria-labelledby="workflow-title">
          <h2 id="workflow-title" className="h5">
            {t("ideas.workflowTitle")}
          </h2>
          {transitions.length > 0 ? (
            <Form method="post" className="mb-3">
              <input type="hidden" name="intent" value="status" />
              <fieldset>
                <legend className="pionieri-label">{t("ideas.moveTo")}</legend>
                {transitions.map((to, index) => (
                  <label key={to} className="pionieri-check">
                    <input type="radio" name="to" value={to} defaultChecked={index === 0} required />{" "}
                    {ideaStatusLabel(t, to)}
                    {transition(idea.status, to)?.reasonRequired ? ` (${t("ideas.reasonMandatory")})` : ""}
                  </label>
                ))}
              </fieldset>
              <TextAreaField
                id="f-reason-status"
                name="reason"
                label={t("ideas.reason")}
                maxLength={1000}
                errors={failed?.form === "status" ? failed.fieldErrors : undefined}
                defaultValue={failed?.form === "status" ? failed.values.reason : undefined}
              />
              {allowed.privateNotes ? (
                <TextAreaField
                  id="f-privateNote-status"
                  name="privateNote"
                  label={t("board.privateNote")}
                  hint={t("board.privateNoteHint")}
                  maxLength={2000}
                  errors={failed?.form === "status" ? failed.fieldErrors : undefined}
                  defaultValue={failed?.form === "status" ? failed.values.privateNote : undefined}
                />
              ) : null}
              <button type="submit" className="btn btn-primary">
                {t("ideas.changeStatus")}
              </button>
            </Form>
          ) : null}
          {allowed.markDuplicate ? (
            <details open={failed?.form === "duplicate"}>
              <summary>{t("ideas.markDuplicateTitle")}</summary>
              <Form method="post" className="mt-2">
                <input type="hidden" name="intent" value="duplicate" />
                <TextField
                  name="originalId"
                  label={t("ideas.originalId")}
                  inputMode="numeric"
                  errors={failed?.form === "duplicate" ? failed.fieldErrors : undefined}
                  defaultValue={failed?.form === "duplicate" ? failed.values.originalId : ""}
                />
                <TextAreaField
                  id="f-reason-duplicate"
                  name="reason"
                  label={t("ideas.duplicateReason")}
                  maxLength={1000}
                  errors={failed?.form === "duplicate" ? failed.fieldErrors : undefined}
                  defaultValue={failed?.form === "duplicate" ? failed.values.reason : undefined}
                />
                <button type="submit" className="btn btn-outline-primary">
                  {t("ideas.markDuplicate")}
                </button>
              </Form>
            </details>
          ) : null}
        </section>
      ) : null}

      {idea.boardNotes.length > 0 ? (
        <section className="pionieri-private my-3" aria-labelledby="board-notes">
          <h2 id="board-notes" className="h6">
            {t("board.privateNotes")}
          </h2>
          <ul className="mb-0">
            {idea.boardNotes.map((note) => (
              <li key={note.id}>
                {note.note}{" "}
                <span className="pionieri-muted">
                  ({note.by ?? t("ideas.formerColleague")}, {formatDate(note.at, locale)})
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <AttachmentsSection
        id="idea-file"
        className="mb-4"
        files={idea.files}
        canAttach={allowed.attach}
        error={failureOf(actionData, "attach")?.formError}
      />

      <IdeaStory idea={idea} />

      <CommentThread
        ideaId={idea.id}
        comments={comments}
        earlier={commentThreads - comments.length}
        total={commentCount}
        canComment={allowed.comment}
        actor={actor}
        groupId={idea.groupId}
        failed={failed}
      />
    </>
  );
}
