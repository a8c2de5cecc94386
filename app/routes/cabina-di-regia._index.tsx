import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GroupsTable, WeeklyChart } from "~/components/board";
import { DataTable } from "~/components/data-table";
import { Menu } from "~/components/menu";
import { TextAreaField } from "~/components/form";
import { StatusBadge } from "~/components/status-badge";
import { KeyFigures } from "~/components/key-figures";
import { keyFigures } from "~/domain/findings.server";
import { dashboard } from "~/domain/board.server";
import { decisionSchema } from "~/forms/schemas.server";
import { EXPORTS } from "~/domain/board";
import { IDEA_STATUSES } from "~/domain/ideas";
import { changeStatus } from "~/domain/ideas.server";
import { assertCan, can } from "~/domain/policy.server";
import { requireUser } from "~/lib/auth.server";
import { formatDate } from "~/lib/dates";
import { today } from "~/lib/days";
import { redirectWithFlash } from "~/lib/flash.server";
import { failureOf, field, typedValues } from "~/lib/forms";
import { idField, invalid, parseForm } from "~/lib/forms.server";
import { httpError } from "~/lib/http.server";
import type { MessageKey } from "~/lib/i18n";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";
import type { PageHandle } from "~/lib/i18n";
import { boardMessages } from "~/lib/i18n/messages/board";
import { formsMessages } from "~/lib/i18n/messages/forms";

export const handle: PageHandle = { messages: [boardMessages, formsMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.board");

/** Readable by every colleague: the project promises transparency. Actions are the board's. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const [data, figures] = await Promise.all([dashboard(user.actor), keyFigures()]);
  return json({
    ...data,
    figures,
    today: today(),
    can: {
      decide: can(user.actor, "board.decide"),
      freeze: can(user.actor, "board.freeze"),
      export: can(user.actor, "board.export"),
      audit: can(user.actor, "audit.view"),
    },
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const form = await request.formData();
  const intent = field(form, "intent");
  if (intent === "decide") {
    assertCan(user.actor, "board.decide");
    const ideaId = idField(form, "ideaId");
    const formName = `decide-${ideaId}`;
    const parsed = parseForm(decisionSchema, form);
    if (!parsed.ok) return invalid(parsed.fieldErrors, parsed.values, { form: formName });
    const { to, reason, privateNote } = parsed.data;
    const result = await changeStatus(user.actor, ideaId, to, reason, privateNote);
    if (!result.ok) return invalid(result.fieldErrors, typedValues(form), { form: formName });
    return redirectWithFlash("/cabina-di-regia#coda", "board.decided", { status: to });
  }
  httpError(400, "v.unknownIntent");
}

export default function Board() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = (name: string) => failureOf(actionData, name);
  const p = data.participation;
  return (
    <>
      <h1>{t("board.title")}</h1>
      <p>{t("board.intro")}</p>
      {data.can.freeze || data.can.export || data.can.audit ? (
        <nav className="pionieri-actions-row mb-3" aria-label={t("board.tools")}>
          <Link to="/cabina-di-regia/riunioni" className="btn btn-outline-primary btn-sm">
            {t("board.snapshots")}
          </Link>
          {data.can.audit ? (
            <Link to="/registro" className="btn btn-outline-primary btn-sm">
              {t("audit.title")}
            </Link>
          ) : null}
          {data.can.export ? (
            <Menu label={t("board.exportMenu")}>
              <ul>
                {EXPORTS.map((kind) => (
                  <li key={kind}>
                    <a href={`/cabina-di-regia/esporta/${kind}`} download>
                      {t(`board.export.${kind}` as MessageKey)}
                    </a>
                  </li>
                ))}
              </ul>
            </Menu>
          ) : null}
        </nav>
      ) : (
        <p>
          <Link to="/cabina-di-regia/riunioni">{t("board.snapshots")}</Link>
        </p>
      )}

      <KeyFigures figures={data.figures} />

      <section aria-labelledby="groups-title" className="mb-5">
        <h2 id="groups-title">{t("board.groupsTitle")}</h2>
        <p className="pionieri-rule">{t("board.ragRule")}</p>
        <GroupsTable groups={data.groups} caption={t("board.groupsCaption")} />
      </section>

      <section aria-labelledby="ideas-title" className="mb-5">
        <h2 id="ideas-title">{t("board.ideasTitle")}</h2>
        <ul className="pionieri-counts">
          {IDEA_STATUSES.map((status) => (
            <li key={status}>
              <StatusBadge status={status} /> <strong>{data.ideasByStatus[status]}</strong>
            </li>
          ))}
        </ul>
        <p>
          {data.medianDays === null
            ? t("board.noDecisions")
            : t("board.medianDays", { days: String(data.medianDays).replace(".", locale === "it" ? "," : ".") })}
        </p>

        <h3 id="coda" className="h4">
          {t("board.queue")} ({data.queueTotal})
        </h3>
        {data.queue.length === 0 ? <p>{t("board.queueEmpty")}</p> : null}
        <ol className="pionieri-plain-list">
          {data.queue.map((idea) => {
            const failure = failed(`decide-${idea.id}`);
            return (
              <li key={idea.id} className="pionieri-panel mb-3">
                <h4 className="h5 mb-1">
                  <Link to={`/idee/${idea.id}`}>
                    #{idea.id} {idea.title}
                  </Link>
                </h4>
                <p className="pionieri-muted mb-2">
                  {idea.groupName} ·{" "}
                  {t(idea.supportCount === 1 ? "ideas.supportsOne" : "ideas.supports", {
                    count: idea.supportCount,
                  })}{" "}
                  ·{" "}
                  {t(idea.ageDays === 1 ? "board.waitingOne" : "board.waiting", {
                    days: idea.ageDays,
                    date: formatDate(idea.since, locale),
                  })}
                </p>
                {idea.notes.length > 0 ? (
                  <div className="pionieri-private">
                    <p className="mb-1">
                      <strong>{t("board.privateNotes")}</strong>
                    </p>
                    <ul className="mb-0">
                      {idea.notes.map((note, i) => (
                        <li key={i}>
                          {note.note}{" "}
                          <span className="pionieri-muted">
                            ({note.by}, {formatDate(note.at, locale)})
                          </span>
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                {data.can.decide ? (
                  <Form method="post" className="mt-2">
                    <input type="hidden" name="intent" value="decide" />
                    <input type="hidden" name="ideaId" value={idea.id} />
                    <fieldset>
                      <legend className="pionieri-label">{t("board.decision")}</legend>
                      <label className="pionieri-check">
                        <input type="radio" name="to" value="ACCOLTA" defaultChecked /> {t("status.ACCOLTA")}
                      </label>
                      <label className="pionieri-check">
                        <input type="radio" name="to" value="NON_ACCOLTA" /> {t("status.NON_ACCOLTA")}
                      </label>
                    </fieldset>
                    <TextAreaField
                      id={`reason-${idea.id}`}
                      name="reason"
                      label={t("board.publicReason")}
                      required
                      maxLength={1000}
                      errors={failure?.fieldErrors}
                      defaultValue={failure?.values.reason}
                    />
                    <TextAreaField
                      id={`note-${idea.id}`}
                      name="privateNote"
                      label={t("board.privateNote")}
                      hint={t("board.privateNoteHint")}
                      maxLength={2000}
                      defaultValue={failure?.values.privateNote}
                    />
                    <button type="submit" className="btn btn-primary btn-sm">
                      {t("board.decideSubmit", { id: idea.id })}
                    </button>
                  </Form>
                ) : null}
              </li>
            );
          })}
        </ol>
        {data.queueTotal > data.queue.length ? (
          <p>
            <Link to="/idee?stato=in-valutazione">
              {t("board.queueMore", { shown: data.queue.length, total: data.queueTotal })}
            </Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="participation-title" className="mb-5">
        <h2 id="participation-title">{t("board.participationTitle")}</h2>
        <p>{t("board.participationIntro")}</p>
        <ul className="pionieri-counts">
          <li>{t("board.last30", { count: p.last30, staff: p.staff })}</li>
          <li>{t("board.last90", { count: p.last90, staff: p.staff })}</li>
          <li>{t("board.everShare", { share: p.everShare, count: p.ever })}</li>
        </ul>
        <div className="row">
          <div className="col-12 col-lg-6">
            <DataTable
              caption={t("board.perGroup")}
              rows={p.perGroup}
              rowKey={(g) => g.groupId}
              columns={[
                { label: t("board.group"), rowHeader: true, cell: (g) => g.name },
                { label: t("board.participants30"), numeric: true, cell: (g) => g.last30 },
                { label: t("board.participants90"), numeric: true, cell: (g) => g.last90 },
              ]}
            />
          </div>
          {/* One row would be the totals again: a breakdown shows only where there is one. */}
          {p.perOffice.length > 1 ? (
            <div className="col-12 col-lg-6">
              <DataTable
                caption={t("board.perOffice")}
                rows={p.perOffice}
                rowKey={(o) => o.office || "altri"}
                columns={[
                  { label: t("board.office"), rowHeader: true, cell: (o) => o.office || t("board.otherOffices") },
                  { label: t("board.participants30"), numeric: true, cell: (o) => o.last30 },
                  { label: t("board.participants90"), numeric: true, cell: (o) => o.last90 },
                  { label: t("board.staff"), numeric: true, cell: (o) => o.staff },
                ]}
              />
            </div>
          ) : null}
        </div>
        <h3 className="h5">{t("board.weeklyTitle")}</h3>
        <WeeklyChart weeks={p.weekly} />
      </section>
    </>
  );
}
