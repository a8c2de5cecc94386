import type { SerializeFrom } from "@remix-run/node";
import { Form, useMatches, useNavigate } from "@remix-run/react";
import { FILE_ACCEPT, type AttachmentView } from "~/domain/attachments";
import { useState, type FormEvent, type ReactNode } from "react";
import { formatDate } from "~/lib/dates";
import type { Message } from "~/lib/i18n";
import { tm, useLocale, useT } from "~/lib/i18n/react";
import { ActionLabel } from "./action-label";
import { ConfirmAction } from "./confirm-action";

/** An attachment as a page's JSON carries it. */
export type AttachmentItem = SerializeFrom<AttachmentView>;

export function FileSize({ bytes }: { bytes: number }) {
  const t = useT();
  return bytes < 1024 * 1024
    ? t("files.kb", { n: Math.max(1, Math.round(bytes / 1024)) })
    : t("files.mb", { n: (bytes / 1048576).toFixed(1).replace(".", ",") });
}

/** Images as thumbnails that open the full image; other files as a list of downloads. */
export function AttachmentList({ files, hidden }: { files: AttachmentItem[]; hidden?: Record<string, string> }) {
  const t = useT();
  const locale = useLocale();
  const images = files.filter((file) => file.image);
  const others = files.filter((file) => !file.image);
  const about = (file: AttachmentItem): ReactNode => {
    const size = <FileSize bytes={file.size} />;
    const date = formatDate(file.createdAt, locale);
    return file.uploader ? (
      <>
        {size} · {file.uploader}, {date}
      </>
    ) : (
      <>
        {size} · {date}
      </>
    );
  };
  const remove = (file: AttachmentItem) =>
    file.canDelete ? (
      <ConfirmAction
        id={`delete-file-${file.id}`}
        className="mt-1"
        summary={<ActionLabel text={t("files.delete")} about={file.name} />}
        fields={{ intent: "deleteAttachment", attachmentId: file.id, ...hidden }}
        explain={t("files.deleteConfirm", { name: file.name })}
        confirm={t("files.deleteConfirm", { name: file.name })}
        submit={t("files.delete")}
      />
    ) : null;
  if (files.length === 0) return <p className="pionieri-muted">{t("files.empty")}</p>;
  return (
    <>
      {images.length > 0 ? (
        <ul className="pionieri-thumbs">
          {images.map((file) => (
            <li key={file.id}>
              <a href={`/allegati/${file.id}`} aria-label={t("files.open", { name: file.name })}>
                <img
                  src={`/allegati/${file.id}?anteprima=1`}
                  alt={file.name}
                  loading="lazy"
                  width={thumbSize(file).width}
                  height={thumbSize(file).height}
                />
              </a>
              <small className="pionieri-muted d-block">
                {file.name} · {about(file)}
              </small>
              {remove(file)}
            </li>
          ))}
        </ul>
      ) : null}
      {others.length > 0 ? (
        <ul className="pionieri-files">
          {others.map((file) => (
            <li key={file.id}>
              <a href={`/allegati/${file.id}`} download>
                {file.name}
              </a>{" "}
              <small className="pionieri-muted">{about(file)}</small>
              {remove(file)}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** The thumbnail's box (at most 240 × 240 on the page), so the page does not jump as they load. */
function thumbSize(file: AttachmentItem) {
  const width = file.width ?? 240;
  const height = file.height ?? 240;
  const scale = Math.min(1, 240 / Math.max(width, height));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/**
 * The upload form: a plain multipart form that works without JavaScript; with it, the files go
 * up by XMLHttpRequest so that a progress bar can follow a 20 MB file. The limits are said first.
 */
export function UploadForm({
  id,
  action,
  room,
  error,
  hidden,
  submit,
  children,
}: {
  id: string;
  /** Where the files go, when not to the page itself. */
  action?: string;
  /** How many files the page still takes. */
  room: number;
  error?: Message;
  hidden?: Record<string, string>;
  submit?: string;
  children?: ReactNode;
}) {
  const t = useT();
  const navigate = useNavigate();
  const matches = useMatches();
  const routeId = matches[matches.length - 1]?.id ?? "";
  const [percent, setPercent] = useState<number | null>(null);
  const [problem, setProblem] = useState<Message | null>(null);
  const shown = problem ?? error ?? null;

  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const request = new XMLHttpRequest();
    const url = new URL(form.action, window.location.href);
    url.searchParams.set("_data", routeId);
    request.open("POST", url);
    request.upload.onprogress = (progress) => {
      if (progress.lengthComputable) setPercent(Math.round((progress.loaded / progress.total) * 100));
    };
    request.onload = () => {
      setPercent(null);
      const redirect = request.getResponseHeader("X-Remix-Redirect");
      if (redirect) return navigate(redirect);
      try {
        const body = JSON.parse(request.responseText) as { formError?: Message };
        setProblem(body.formError ?? { key: "files.broken" });
      } catch {
        setProblem({ key: "files.broken" });
      }
    };
    request.onerror = () => {
      setPercent(null);
      setProblem({ key: "files.broken" });
    };
    setProblem(null);
    setPercent(0);
    request.send(new FormData(form));
  }

  if (room <= 0) return <p className="pionieri-muted">{t("files.full", { max: 10 })}</p>;
  return (
    <Form
      method="post"
      action={action}
      encType="multipart/form-data"
      className="pionieri-upload"
      onSubmit={send}
      aria-describedby={`${id}-limits`}
    >
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <label className="form-label" htmlFor={id}>
        {t("files.choose")}
      </label>
      <p id={`${id}-limits`} className="small pionieri-muted mb-1">
        {t("files.limits", { max: 10, mb: 20 })} {t("files.roomLeft", { count: room })}
      </p>
      <input
        id={id}
        className="form-control mb-2"
        type="file"
        name="file"
        multiple={room > 1}
        accept={FILE_ACCEPT}
        required
        aria-invalid={shown ? true : undefined}
        aria-errormessage={shown ? `${id}-error` : undefined}
      />
      {shown ? (
        <p id={`${id}-error`} className="invalid-feedback d-block" role="alert">
          {tm(t, shown)}
        </p>
      ) : null}
      {percent !== null ? (
        <div role="status">
          <progress max={100} value={percent} aria-label={t("files.progress")} /> {t("files.uploading", { percent })}
        </div>
      ) : null}
      <button type="submit" className="btn btn-outline-primary btn-sm" disabled={percent !== null}>
        {submit ?? t("files.upload")}
      </button>
    </Form>
  );
}

/** A page's "Allegati": its files, and the upload form for those who may attach; nothing when neither. */
export function AttachmentsSection({
  id,
  files,
  canAttach,
  error,
  className,
}: {
  id: string;
  files: AttachmentItem[];
  canAttach: boolean;
  error?: Message;
  className?: string;
}) {
  const t = useT();
  if (files.length === 0 && !canAttach) return null;
  return (
    <section aria-labelledby={`${id}-title`} className={className}>
      <h2 id={`${id}-title`} className="h4">
        {t("files.title")}
      </h2>
      <AttachmentList files={files} />
      {canAttach ? <UploadForm id={id} room={10 - files.length} error={error} /> : null}
    </section>
  );
}
