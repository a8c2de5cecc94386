import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { DataTable } from "~/components/data-table";
import { SelectField, TextAreaField, TextField } from "~/components/form";
import { StatusBadge } from "~/components/status-badge";
import { AttachmentList, AttachmentsSection, UploadForm, type AttachmentItem } from "~/components/attachments";
import { listAttachments } from "~/domain/attachments.server";
import type { AttachTarget } from "~/domain/policy.server";
import { receiveAttachments, removeAttachment } from "~/forms/attach.server";
import { isMultipart } from "~/forms/uploads.server";
import { OBJECTIVE_STATUSES } from "~/domain/objectives";
import { describeFigure } from "~/domain/findings.server";
import { unbindIndicator } from "~/domain/evidence.server";
import { parseFigure } from "~/domain/observation";
import { getObjectivePage, postProgressUpdate } from "~/domain/objectives.server";
import { progressUpdateSchema } from "~/forms/schemas.server";
import { requireUser } from "~/lib/auth.server";
import { formatDate, formatDay } from "~/lib/dates";
import { today } from "~/lib/days";
import { redirectWithFlash } from "~/lib/flash.server";
import { failureOf, field } from "~/lib/forms";
import { invalid, parseForm } from "~/lib/forms.server";
import { httpError, idParam, notFoundUnless } from "~/lib/http.server";
import type { MessageKey } from "~/lib/i18n";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import { objectiveStatusLabel } from "~/lib/i18n/labels";
import type { PageHandle } from "~/lib/i18n";
import { filesMessages } from "~/lib/i18n/messages/files";
import { fileRulesMessages } from "~/lib/i18n/messages/fileRules";
import { formsMessages } from "~/lib/i18n/messages/forms";
import { objectivesMessages } from "~/lib/i18n/messages/objectives";

export const handle: PageHandle = {
  messages: [formsMessages, objectivesMessages, filesMessages, fileRulesMessages],
  hydrate: false,
};

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? [{ title: `${data.objective.title} · Pionieri` }] : pageTitle(matches, "error.notFoundTitle");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const id = idParam(params.id);
  const objective = notFoundUnless(await getObjectivePage(user.actor, id));
  const page: AttachTarget = { kind: "objective", groupId: objective.groupId, authorId: null };
  const [files, updateFiles] = await Promise.all([
    listAttachments(user.actor, { objectiveId: id }, page),
    listAttachments(user.actor, { updateId: { in: objective.updates.map((u) => u.id) } }, { ...page, kind: "update" }),
  ]);
  // An indicator bound to a campaign's or survey's figure (issue 15) says where its value comes from.
  const figure = parseFigure(objective.indicatorFigure);
  const measured = figure ? await describeFigure(figure) : null;
  return json({ objective, files, updateFiles, today: today(), measured });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const id = idParam(params.id);
  if (isMultipart(request)) {
    // An update's files: ?aggiornamento=<id> says which update, before the body is read.
    const update = new URL(request.url).searchParams.get("aggiornamento");
    return receiveAttachments(user.actor, update ? { kind: "update", id: update } : { kind: "objective", id }, request);
  }
  const form = await request.formData();
  if (field(form, "intent") === "deleteAttachment") return removeAttachment(user.actor, form);
  if (field(form, "intent") === "unbind") {
    await unbindIndicator(user.actor, id);
    return redirectWithFlash(`/obiettivi/${id}`, "objectives.unbound", undefined, { tone: "info" });
  }
  if (field(form, "intent") !== "update") httpError(400, "v.unknownIntent");
  const parsed = parseForm(progressUpdateSchema, form);
  if (!parsed.ok) return invalid(parsed.fieldErrors, parsed.values);
  await postProgressUpdate(user.actor, id, parsed.data);
  return redirectWithFlash(`/obiettivi/${id}`, "objectives.updatePosted");
}

const FIELD_LABELS: Record<string, MessageKey> = {
  title: "objectives.fieldTitle",
  description: "objectives.fieldDescription",
  ownerId: "objectives.fieldOwner",
  startOn: "objectives.fieldStart",
  dueOn: "objectives.fieldDue",
  forecastOn: "objectives.fieldForecast",
  status: "objectives.fieldStatus",
  progress: "objectives.fieldProgress",
  indicatorName: "objectives.indicatorName",
  indicatorUnit: "objectives.indicatorUnit",
  indicatorBaseline: "objectives.indicatorBaseline",
  indicatorTarget: "objectives.indicatorTarget",
  indicatorCurrent: "objectives.indicatorCurrent",
  ideas: "objectives.carriedIdeas",
};

function ChangeValue({ value }: { value: string | null }) {
  return <span className="pionieri-change-value">{value ?? "—"}</span>;
}

export default function ObjectivePage() {
  const t = useT();
  const locale = useLocale();
  const { objective: o, files, updateFiles, today: day, measured } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = failureOf(actionData);
  const attachError = failureOf(actionData, "attach")?.formError;
  const show = (value: string | null) => (value ? formatDay(value, locale) : "—");
  const fieldLabel = (name: string) => (FIELD_LABELS[name] ? t(FIELD_LABELS[name]) : name);
  const number = (value: number | null) =>
    value === null ? "—" : new Intl.NumberFormat(locale === "it" ? "it-IT" : "en-GB").format(value);
  const indicator = o.indicatorName !== null;
  const span =
    o.indicatorTarget !== null && o.indicatorBaseline !== null && o.indicatorTarget !== o.indicatorBaseline
      ? o.indicatorTarget - o.indicatorBaseline
      : null;
  const reached =
    span !== null && o.indicatorCurrent !== null
      ? Math.round(((o.indicatorCurrent - o.indicatorBaseline!) / span) * 100)
      : null;

  return (
    <>
      <Breadcrumb
        parents={[
          { to: "/crono-programma", label: t("nav.timeline") },
          { to: `/gruppi/${o.group.slug}`, label: o.group.name },
        ]}
        current={`#${o.id}`}
      />
      <header className="pionieri-idea-header" style={{ borderLeftColor: o.group.colour }}>
        <p className="mb-1">
          <span className={`pionieri-status pionieri-objective-${o.status.toLowerCase()}`}>
            {objectiveStatusLabel(t, o.status)}
          </span>{" "}
          {o.late ? <span className="pionieri-flag pionieri-flag-late">{t("objectives.late")}</span> : null}{" "}
          {o.needsUpdate ? <span className="pionieri-flag">{t("objectives.needsUpdate")}</span> : null}
        </p>
        <h1>{o.title}</h1>
        <p className="pionieri-idea-meta">
          <span>{t("objectives.ofGroup", { group: o.group.name })}</span>
          <span>
            {t("objectives.fieldOwner")}:{" "}
            {o.owner ? <Link to={`/persone/${o.owner.handle}`}>{o.owner.displayName}</Link> : t("objectives.noOwner")}
          </span>
        </p>
      </header>
      <div
        className="pionieri-progress"
        role="progressbar"
        aria-valuenow={o.progress}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-label={t("objectives.fieldProgress")}
      >
        <div className="pionieri-progress-bar" style={{ width: `${o.progress}%`, background: o.group.colour }} />
      </div>
      <p>{t("objectives.progressText", { progress: o.progress })}</p>
      <dl className="pionieri-facts">
        <div>
          <dt>{t("objectives.fieldStart")}</dt>
          <dd>{show(o.startOn)}</dd>
        </div>
        <div>
          <dt>{t("objectives.fieldDue")}</dt>
          <dd>{show(o.dueOn)}</dd>
        </div>
        <div>
          <dt>{t("objectives.fieldForecast")}</dt>
          <dd>{show(o.forecastOn)}</dd>
        </div>
        <div>
          <dt>{t("objectives.completedOn")}</dt>
          <dd>{show(o.completedOn)}</dd>
        </div>
      </dl>
      {o.descriptionHtml ? (
        <div className="pionieri-markdown mb-4" dangerouslySetInnerHTML={{ __html: o.descriptionHtml }} />
      ) : null}
      {o.canEdit ? (
        <p>
          <Link to={`/obiettivi/${o.id}/modifica`} className="btn btn-outline-primary btn-sm">
            {t("objectives.edit")}
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="ideas-title" className="my-4">
        <h2 id="ideas-title" className="h4">
          {t("objectives.carriedIdeas")}
        </h2>
        {o.ideas.length === 0 ? (
          <p>{t("objectives.noIdeas")}</p>
        ) : (
          <ul>
            {o.ideas.map((idea) => (
              <li key={idea.id}>
                <Link to={`/idee/${idea.id}`}>
                  #{idea.id} {idea.title}
                </Link>{" "}
                <StatusBadge status={idea.status} />
              </li>
            ))}
          </ul>
        )}
      </section>

      {indicator ? (
        <section aria-labelledby="indicator-title" className="my-4 pionieri-panel">
          <h2 id="indicator-title" className="h4">
            {t("objectives.indicator")}: {o.indicatorName}
            {o.indicatorUnit ? ` (${o.indicatorUnit})` : ""}
          </h2>
          <p className="mb-1">
            {t("objectives.indicatorLine", {
              baseline: number(o.indicatorBaseline),
              target: number(o.indicatorTarget),
              current: number(o.indicatorCurrent),
            })}
          </p>
          {reached !== null ? <p className="mb-0">{t("objectives.indicatorReached", { percent: reached })}</p> : null}
          {measured ? (
            <div className="mt-2">
              <p className="mb-1">
                {t("objectives.measuredBy")} <Link to={measured.href}>{measured.source}</Link>
                {measured.place ? ` · ${measured.place}` : ""}
              </p>
              {o.canEdit ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="unbind" />
                  <button type="submit" className="btn btn-outline-primary btn-sm">
                    {t("objectives.unbind")}
                  </button>
                </Form>
              ) : null}
            </div>
          ) : null}
        </section>
      ) : null}

      {o.canEdit ? (
        <section aria-labelledby="post-title" className="my-4 pionieri-panel">
          <h2 id="post-title" className="h4">
            {t("objectives.postUpdate")}
          </h2>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="update" />
            <div className="pionieri-inline-form">
              <TextField
                name="date"
                type="date"
                label={t("objectives.updateDate")}
                required
                defaultValue={failed?.values.date ?? day}
                errors={failed?.fieldErrors}
              />
              <TextField
                name="progress"
                type="number"
                inputMode="numeric"
                min={0}
                max={100}
                label={t("objectives.fieldProgress")}
                required
                defaultValue={failed?.values.progress ?? String(o.progress)}
                errors={failed?.fieldErrors}
              />
              <SelectField
                name="status"
                label={t("objectives.fieldStatus")}
                defaultValue={failed?.values.status ?? o.status}
                options={OBJECTIVE_STATUSES.map((status) => ({
                  value: status,
                  label: objectiveStatusLabel(t, status),
                }))}
              />
            </div>
            <TextAreaField
              id="f-note"
              name="note"
              label={t("objectives.updateNote")}
              hint={t("ideas.markdownHint")}
              rows={4}
              maxLength={5000}
              defaultValue={failed?.values.note}
              errors={failed?.fieldErrors}
            />
            <button type="submit" className="btn btn-primary">
              {t("objectives.publishUpdate")}
            </button>
          </Form>
        </section>
      ) : null}

      <AttachmentsSection
        id="objective-file"
        className="my-4"
        files={files}
        canAttach={o.canEdit}
        error={attachError}
      />

      <section aria-labelledby="updates-title" className="my-4">
        <h2 id="updates-title" className="h4">
          {t("objectives.updates")}
        </h2>
        {o.updates.length === 0 ? <p>{t("objectives.noUpdates")}</p> : null}
        <ol className="pionieri-story">
          {o.updates.map((update) => (
            <li key={update.id}>
              <time dateTime={update.createdAt}>{show(update.date)}</time>
              <p className="mb-1">
                {t("objectives.updateLine", {
                  who: update.author?.displayName ?? t("ideas.formerColleague"),
                  progress: update.progress,
                  status: objectiveStatusLabel(t, update.status),
                })}
              </p>
              {update.noteHtml ? (
                <div className="pionieri-markdown" dangerouslySetInnerHTML={{ __html: update.noteHtml }} />
              ) : null}
              <UpdateFiles
                objectiveId={o.id}
                updateId={update.id}
                files={updateFiles.filter((file) => file.updateId === update.id)}
                canEdit={o.canEdit}
              />
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="changes-title" className="my-4">
        <h2 id="changes-title" className="h4">
          {t("objectives.changes")}
        </h2>
        {o.changes.length === 0 ? (
          <p>{t("objectives.noChanges")}</p>
        ) : (
          <DataTable
            caption={t("objectives.changes")}
            captionHidden
            rows={o.changes}
            rowKey={(change) => change.id}
            columns={[
              { label: t("objectives.changeField"), rowHeader: true, cell: (change) => fieldLabel(change.field) },
              { label: t("objectives.changeWhen"), cell: (change) => formatDate(change.createdAt, locale, "dateTime") },
              {
                label: t("objectives.changeWho"),
                cell: (change) => change.actor?.displayName ?? t("ideas.formerColleague"),
              },
              { label: t("objectives.changeFrom"), cell: (change) => <ChangeValue value={change.fromValue} /> },
              { label: t("objectives.changeTo"), cell: (change) => <ChangeValue value={change.toValue} /> },
            ]}
          />
        )}
      </section>
    </>
  );
}

/** A progress update's files, and for those who may edit the objective a way to add some. */
function UpdateFiles({
  objectiveId,
  updateId,
  files,
  canEdit,
}: {
  objectiveId: number;
  updateId: string;
  files: AttachmentItem[];
  canEdit: boolean;
}) {
  const t = useT();
  if (files.length === 0 && !canEdit) return null;
  return (
    <div className="mt-2">
      {files.length > 0 ? <AttachmentList files={files} /> : null}
      {canEdit ? (
        <details className="mt-1">
          <summary className="small">{t("files.choose")}</summary>
          <UploadForm
            id={`update-file-${updateId}`}
            action={`/obiettivi/${objectiveId}?aggiornamento=${updateId}`}
            room={10 - files.length}
          />
        </details>
      ) : null}
    </div>
  );
}
