import { FilterFold } from "~/components/filter-fold";
import type { LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { DataTable } from "~/components/data-table";
import { SelectField, TextField } from "~/components/form";
import { Pager } from "~/components/pager";
import { AUDIT_AREAS, type AuditEntry, type AuditRef } from "~/domain/audit";
import { auditLog } from "~/domain/audit.server";
import { readAuditFilters } from "~/forms/filters.server";
import { requireUser } from "~/lib/auth.server";
import { formatDate, formatDay } from "~/lib/dates";
import type { MessageKey, PageHandle, Translate } from "~/lib/i18n";
import { isolate } from "~/lib/i18n/isolate";
import { ideaStatusLabel, roleLabel } from "~/lib/i18n/labels";
import { boardMessages } from "~/lib/i18n/messages/board";
import { meetingsMessages } from "~/lib/i18n/messages/meetings";
import { useLocale, useT } from "~/lib/i18n/react";
import { pageTitle } from "~/lib/meta";

export const handle: PageHandle = { messages: [boardMessages, meetingsMessages], hydrate: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "audit.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  return json(await auditLog(user.actor, readAuditFilters(new URL(request.url).searchParams)));
}

type Entry = SerializeFrom<AuditEntry>;
type Ref = SerializeFrom<AuditRef>;

const HREF: Record<AuditRef["type"], (ref: Ref) => string | null> = {
  idea: (ref) => `/idee/${ref.id}`,
  objective: (ref) => `/obiettivi/${ref.id}`,
  user: (ref) => (ref.slug ? `/persone/${ref.slug}` : null),
  group: (ref) => (ref.slug ? `/gruppi/${ref.slug}` : null),
  snapshot: (ref) => `/cabina-di-regia/riunioni/${ref.id}`,
  phase: () => "/crono-programma/gestione",
  milestone: () => "/crono-programma/gestione",
  tag: () => null,
};

/** The entry as an Italian sentence: who did what to what, each thing a link to where it is now. */
function sentence(t: Translate, locale: "it" | "en", entry: Entry, shared: Set<string>): ReactNode {
  const person = (name: string, email: string | undefined) => (shared.has(name) && email ? `${name} (${email})` : name);
  const ref = (value: Ref | null) => {
    if (!value) return t("audit.gone");
    const label =
      value.type === "snapshot"
        ? formatDay(value.label, locale)
        : value.type === "user"
          ? person(value.label, value.email)
          : value.label;
    const href = HREF[value.type](value);
    return href ? <Link to={href}>{label}</Link> : label;
  };
  const v = entry.values;
  const roleChange = entry.kind === "user.role" || entry.kind === "user.directory.role";
  const params = {
    who: entry.actor ? person(entry.actor.name, entry.actor.email) : t("audit.system"),
    subject: ref(entry.subject),
    related: ref(entry.related),
    from: roleChange ? roleLabel(t, v.from ?? null) : ideaStatusLabel(t, v.from ?? null),
    to: roleChange ? roleLabel(t, v.to ?? null) : ideaStatusLabel(t, v.to ?? null),
    name: v.name ?? "",
    title: v.title ?? "",
    email: v.email ?? "",
    role: roleLabel(t, v.role ?? null),
    file: v.file ?? "",
    invited: v.invited ?? "",
    rows: v.rows ?? "",
    mb: v.mb ?? "",
    kind: entry.kind,
  };
  if (entry.kind === "tag.rename") Object.assign(params, { from: v.from ?? "", to: v.to ?? "" });
  const key =
    entry.kind === "phase.pin" && !entry.subject && !v.name
      ? "audit.s.phase.unpin"
      : entry.kind === "group.leader.remove" && v.reason === "left"
        ? "audit.s.group.leader.left"
        : entry.kind === "user.directory.deactivate"
          ? `audit.s.user.directory.${v.cause === "disabled" ? "disabled" : "missing"}`
          : `audit.s.${entry.kind}`;
  return isolate(t, t.has(key) ? (key as MessageKey) : "audit.s.other", params);
}

export default function AuditLog() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  // Where two people share a name, their e-mail tells them apart.
  const names = new Map<string, Set<string>>();
  for (const person of data.actors)
    names.set(person.displayName, (names.get(person.displayName) ?? new Set()).add(person.id));
  for (const entry of data.entries)
    for (const ref of [entry.subject, entry.related])
      if (ref?.type === "user") names.set(ref.label, (names.get(ref.label) ?? new Set()).add(ref.id));
  const shared = new Set([...names].filter(([, ids]) => ids.size > 1).map(([name]) => name));
  const csv = `/registro.csv${params.toString() ? `?${params.toString()}` : ""}`;
  return (
    <>
      <div className="pionieri-title-row">
        <h1>{t("audit.title")}</h1>
        <a href={csv} className="btn btn-outline-secondary btn-sm" download>
          {t("audit.exportCsv")}
        </a>
      </div>
      <p>{t("audit.intro")}</p>
      <Form method="get" className="pionieri-filters" aria-label={t("audit.filters")}>
        <FilterFold active={["tipo", "persona", "dal", "al"].filter((name) => params.get(name)).length}>
          <SelectField
            name="tipo"
            label={t("audit.area")}
            defaultValue={params.get("tipo") ?? ""}
            options={[
              { value: "", label: t("audit.allAreas") },
              ...AUDIT_AREAS.filter((area) => data.kinds.some((kind) => kind.startsWith(`${area}.`))).map((area) => ({
                value: area,
                label: t(`audit.area.${area}` as MessageKey),
              })),
            ]}
          />
          <SelectField
            name="persona"
            label={t("audit.person")}
            defaultValue={params.get("persona") ?? ""}
            options={[
              { value: "", label: t("audit.everyone") },
              ...data.actors.map((a) => ({
                value: a.id,
                label: shared.has(a.displayName) ? `${a.displayName} (${a.email})` : a.displayName,
              })),
            ]}
          />
          <TextField name="dal" type="date" label={t("timeline.from")} defaultValue={params.get("dal") ?? ""} />
          <TextField name="al" type="date" label={t("timeline.to")} defaultValue={params.get("al") ?? ""} />
          <button type="submit" className="btn btn-outline-primary">
            {t("filters.apply")}
          </button>
        </FilterFold>
      </Form>
      <p role="status">{t("audit.count", { count: data.total })}</p>
      <DataTable
        caption={t("audit.title")}
        captionHidden
        className="pionieri-audit"
        rows={data.entries}
        rowKey={(entry) => entry.id}
        columns={[
          { label: t("audit.when"), cell: (entry) => formatDate(entry.at, locale, "dateTime") },
          {
            label: t("audit.what"),
            rowHeader: true,
            cell: (entry) => (
              <>
                <span>{sentence(t, locale, entry, shared)}</span>
                {entry.values.reason && entry.values.reason !== "left" ? (
                  <span className="pionieri-reason d-block">
                    {isolate(t, "audit.reason", { reason: entry.values.reason })}
                  </span>
                ) : null}
              </>
            ),
          },
        ]}
      />
      <Pager page={data.page} pages={data.pages} />
    </>
  );
}
