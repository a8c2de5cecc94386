import { Form, Link, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { IDEA_LIMITS, TAG_KINDS, type IdeaStatus } from "~/domain/ideas";
import type { FieldErrors } from "~/lib/forms";
import type { MessageKey } from "~/lib/i18n";
import { useT } from "~/lib/i18n/react";
import { FormErrors, SelectField, TextAreaField, TextField } from "./form";
import { StatusBadge } from "./status-badge";

type Similar = { id: number; title: string; status: IdeaStatus; supportCount: number };

/** Waits until typing pauses before calling `run` (so a fetch is not sent per keystroke). */
function useDebounced(run: (value: string) => void, delay: number) {
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  return (value: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => run(value), delay);
  };
}

function SimilarIdeas({ ideas }: { ideas: Similar[] }) {
  const t = useT();
  if (ideas.length === 0) return null;
  return (
    <div className="pionieri-similar" data-testid="similar-ideas">
      <p className="mb-1">
        <strong>{t("ideas.similarTitle")}</strong> {t("ideas.similarHint")}
      </p>
      <ul className="mb-0">
        {ideas.map((idea) => (
          <li key={idea.id}>
            <Link to={`/idee/${idea.id}`} target="_blank">
              {idea.title}
            </Link>{" "}
            <StatusBadge status={idea.status} /> ·{" "}
            {t(idea.supportCount === 1 ? "ideas.supportsOne" : "ideas.supports", { count: idea.supportCount })}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function IdeaForm({
  mode,
  ideaId,
  values,
  errors,
  groups,
  tags,
  preview,
  similar,
  files,
  challenge,
}: {
  mode: "create" | "edit";
  ideaId?: number;
  values: { title: string; body: string; groupId: string; tagIds: string[] };
  errors?: FieldErrors;
  groups: { id: string; name: string }[];
  tags: { id: string; kind: string; name: string }[];
  preview?: string | null;
  similar?: Similar[];
  /** The new idea's file field (idee.nuova), which takes the form multipart. */
  files?: ReactNode;
  /** The challenge the idea answers, when there are open ones (its field, drawn by the route). */
  challenge?: ReactNode;
}) {
  const t = useT();
  const similarFetcher = useFetcher<{ ideas: Similar[] }>();
  const previewFetcher = useFetcher<{ html: string }>();
  // Emptied while typing: the preview goes away without asking the server.
  const [bodyEmpty, setBodyEmpty] = useState(false);
  const lookUp = useDebounced((title) => {
    if (title.trim().length >= 4)
      similarFetcher.load(`/idee/simili?q=${encodeURIComponent(title)}${ideaId ? `&escludi=${ideaId}` : ""}`);
  }, 350);
  const render = useDebounced((body) => {
    setBodyEmpty(!body.trim());
    if (body.trim()) previewFetcher.submit({ body }, { method: "post", action: "/idee/anteprima" });
  }, 600);

  const shownSimilar = similarFetcher.data?.ideas ?? similar ?? [];
  const shownPreview = bodyEmpty ? null : (previewFetcher.data?.html ?? preview ?? null);

  return (
    <Form method="post" noValidate className="pionieri-idea-form" encType={files ? "multipart/form-data" : undefined}>
      <FormErrors errors={errors} />
      <TextField
        name="title"
        label={t("ideas.fieldTitle")}
        hint={t("ideas.fieldTitleHint")}
        required
        maxLength={IDEA_LIMITS.title}
        defaultValue={values.title}
        errors={errors}
        autoComplete="off"
        onChange={(event) => lookUp(event.currentTarget.value)}
      />
      <div aria-live="polite">
        <SimilarIdeas ideas={shownSimilar} />
      </div>
      {mode === "create" ? (
        <SelectField
          name="groupId"
          label={t("ideas.fieldGroup")}
          required
          errors={errors}
          defaultValue={values.groupId}
          options={[
            { value: "", label: t("ideas.chooseGroup") },
            ...groups.map((g) => ({ value: g.id, label: g.name })),
          ]}
        />
      ) : null}
      {challenge}
      <TextAreaField
        id="f-body"
        name="body"
        label={t("ideas.fieldBody")}
        required
        rows={10}
        maxLength={IDEA_LIMITS.body}
        defaultValue={values.body}
        hint={t("ideas.markdownHint")}
        errors={errors}
        onChange={render}
      />
      {TAG_KINDS.map((kind) => {
        const ofKind = tags.filter((tag) => tag.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <fieldset key={kind} className="pionieri-tags">
            <legend className="pionieri-label">{t(`tags.kind.${kind}` as MessageKey)}</legend>
            {ofKind.map((tag) => (
              <label key={tag.id} className="pionieri-check">
                <input type="checkbox" name="tag" value={tag.id} defaultChecked={values.tagIds.includes(tag.id)} />{" "}
                {tag.name}
              </label>
            ))}
          </fieldset>
        );
      })}
      {files}
      <div className="pionieri-form-actions">
        <button type="submit" name="intent" value="preview" className="btn btn-outline-primary" formNoValidate>
          {t("ideas.preview")}
        </button>
        <button type="submit" name="intent" value="save" className="btn btn-primary">
          {mode === "create" ? t("ideas.publish") : t("ideas.saveChanges")}
        </button>
      </div>
      {shownPreview ? (
        <section className="pionieri-preview" aria-labelledby="preview-title">
          <h2 id="preview-title" className="h6">
            {t("ideas.previewTitle")}
          </h2>
          <div className="pionieri-markdown" dangerouslySetInnerHTML={{ __html: shownPreview }} />
        </section>
      ) : null}
    </Form>
  );
}
