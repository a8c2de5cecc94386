import type { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/lib/actor";
import { romeDayBounds } from "~/lib/dates";
import { db } from "~/lib/db/client.server";
import { requestId } from "~/lib/request-context.server";
import type { AuditEntry, AuditRef } from "./audit";
import { handleOf } from "./people";
import { addDays } from "~/lib/days";
import { assertCan } from "./policy.server";

type Tx = Prisma.TransactionClient;

/**
 * Records who changed what, inside the caller's transaction so that both happen or neither, with
 * the id of the request that did it (the one in its log lines).
 */
export function audit(tx: Tx, actorId: string | null, kind: string, subjectId: string | null, data: object) {
  return tx.auditEvent.create({
    data: { actorId, kind, subjectId, data: JSON.stringify(data), requestId: requestId() },
  });
}

export type AuditFilters = { kind?: string; actorId?: string; from?: string; to?: string; page: number };

const AUDIT_PAGE = 50;
/** Entries whose subject is an account: a new access link, by the admin or asked for by the person. */
const RESETS = new Set(["invitation.reset", "invitation.selfReset"]);

function where(filters: Omit<AuditFilters, "page">): Prisma.AuditEventWhereInput {
  return {
    ...(filters.kind ? { kind: { startsWith: filters.kind } } : {}),
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    ...(filters.from || filters.to
      ? {
          createdAt: {
            ...(filters.from ? { gte: romeDayBounds(filters.from).start } : {}),
            ...(filters.to ? { lt: romeDayBounds(addDays(filters.to, 1)).start } : {}),
          },
        }
      : {}),
  };
}

/**
 * The audit log: who changed what, filterable by area or kind, person and Rome days; pages of 50.
 * Each entry comes with what it concerns, named as it is now (the idea's title, the person's name
 * and e-mail), so that the page can say it as a sentence with a link.
 */
export async function auditLog(actor: Actor, filters: AuditFilters) {
  assertCan(actor, "audit.view");
  const [total, rows, kinds, actors] = await Promise.all([
    db.auditEvent.count({ where: where(filters) }),
    db.auditEvent.findMany({
      where: where(filters),
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * AUDIT_PAGE,
      take: AUDIT_PAGE,
      select: {
        id: true,
        kind: true,
        subjectId: true,
        data: true,
        createdAt: true,
        actor: { select: { id: true, displayName: true, email: true } },
      },
    }),
    db.auditEvent.findMany({ distinct: ["kind"], select: { kind: true }, orderBy: { kind: "asc" } }),
    db.user.findMany({
      where: { auditEvents: { some: {} } },
      select: { id: true, displayName: true, email: true },
      orderBy: [{ displayName: "asc" }, { email: "asc" }],
    }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE)),
    page: filters.page,
    entries: await resolveEntries(rows),
    kinds: kinds.map((k) => k.kind),
    actors,
  };
}

type Row = {
  id: string;
  kind: string;
  subjectId: string | null;
  data: string;
  createdAt: Date;
  actor: { id: string; displayName: string; email: string } | null;
};

/** What each entry concerns, read in one query per kind of thing for the whole page. */
async function resolveEntries(rows: Row[]): Promise<AuditEntry[]> {
  const parsed = rows.map((row) => ({ ...row, values: parseValues(row.data) }));
  const ids = {
    idea: new Set<number>(),
    user: new Set<string>(),
    objective: new Set<number>(),
    group: new Set<string>(),
  };
  const phaseIds = new Set<string>();
  for (const row of parsed) {
    const area = row.kind.split(".")[0];
    if (area === "idea" && row.subjectId) ids.idea.add(Number(row.subjectId));
    if (row.kind === "idea.duplicate" && row.values.originalId) ids.idea.add(Number(row.values.originalId));
    if (row.kind === "comment.hide" && row.values.ideaId) ids.idea.add(Number(row.values.ideaId));
    if ((area === "user" || RESETS.has(row.kind) || area === "group") && row.subjectId) {
      if (area === "group" && row.kind === "group.update") ids.group.add(row.subjectId);
      else ids.user.add(row.subjectId);
    }
    if (row.values.groupId) ids.group.add(row.values.groupId);
    if (area === "objective" && row.subjectId) ids.objective.add(Number(row.subjectId));
    if ((row.kind === "phase.update" || row.kind === "phase.pin") && row.subjectId) phaseIds.add(row.subjectId);
  }
  const [ideas, users, objectives, groups, phases] = await Promise.all([
    db.idea.findMany({
      where: { id: { in: [...ids.idea].filter(Number.isSafeInteger) } },
      select: { id: true, title: true },
    }),
    db.user.findMany({ where: { id: { in: [...ids.user] } }, select: { id: true, displayName: true, email: true } }),
    db.objective.findMany({
      where: { id: { in: [...ids.objective].filter(Number.isSafeInteger) } },
      select: { id: true, title: true },
    }),
    db.workingGroup.findMany({ where: { id: { in: [...ids.group] } }, select: { id: true, name: true, slug: true } }),
    db.phase.findMany({ where: { id: { in: [...phaseIds] } }, select: { id: true, name: true } }),
  ]);
  const idea = (id: string | undefined): AuditRef | null => {
    const found = id ? ideas.find((i) => String(i.id) === id) : undefined;
    return found ? { type: "idea", id: String(found.id), label: found.title } : null;
  };
  const user = (id: string | null): AuditRef | null => {
    const found = users.find((u) => u.id === id);
    return found
      ? { type: "user", id: found.id, label: found.displayName, email: found.email, slug: handleOf(found.email) }
      : null;
  };
  const group = (id: string | undefined): AuditRef | null => {
    const found = groups.find((g) => g.id === id);
    return found ? { type: "group", id: found.id, label: found.name, slug: found.slug } : null;
  };
  return parsed.map((row) => {
    const area = row.kind.split(".")[0];
    let subject: AuditRef | null = null;
    let related: AuditRef | null = null;
    if (area === "idea") subject = idea(row.subjectId ?? undefined);
    if (row.kind === "idea.duplicate") related = idea(row.values.originalId);
    if (row.kind === "comment.hide") subject = idea(row.values.ideaId);
    if (area === "user" || RESETS.has(row.kind)) subject = user(row.subjectId);
    if (row.kind === "group.update") subject = group(row.subjectId ?? undefined);
    if (row.kind === "group.leader.add" || row.kind === "group.leader.remove") {
      subject = user(row.subjectId);
      related = group(row.values.groupId);
    }
    if (area === "objective") {
      const found = objectives.find((o) => String(o.id) === row.subjectId);
      subject = found ? { type: "objective", id: String(found.id), label: found.title } : null;
    }
    if (row.kind === "phase.update" || row.kind === "phase.pin") {
      const found = phases.find((p) => p.id === row.subjectId);
      subject = found ? { type: "phase", id: found.id, label: found.name } : null;
    }
    if (area === "snapshot" && row.subjectId)
      subject = { type: "snapshot", id: row.subjectId, label: row.values.meetingDate ?? "" };
    return {
      id: row.id,
      kind: row.kind,
      at: row.createdAt,
      actor: row.actor ? { id: row.actor.id, name: row.actor.displayName, email: row.actor.email } : null,
      subject,
      related,
      values: row.values,
    };
  });
}

/** The stored JSON's values that a sentence can show (strings and numbers; fields lists joined). */
function parseValues(data: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return {};
  }
  const values: Record<string, string> = {};
  if (!parsed || typeof parsed !== "object") return values;
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value === "string" || typeof value === "number") values[name] = String(value);
    else if (Array.isArray(value)) values[name] = value.join(", ");
    else if (value && typeof value === "object" && "name" in value) values[name] = String(value.name);
  }
  return values;
}

/** Every entry matching the filters, oldest first, with its codes and stored data: the CSV for machines. */
export async function auditRows(actor: Actor, filters: Omit<AuditFilters, "page">) {
  assertCan(actor, "audit.view");
  return db.auditEvent.findMany({
    where: where(filters),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      createdAt: true,
      kind: true,
      subjectId: true,
      data: true,
      requestId: true,
      actor: { select: { email: true, displayName: true } },
    },
  });
}
