import type { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/lib/actor";
import { romeDayBounds } from "~/lib/dates";
import { db } from "~/lib/db/client.server";
import { addDays } from "~/lib/days";
import { assertCan } from "./policy";

type Tx = Prisma.TransactionClient;

/** Records who changed what, inside the caller's transaction so that both happen or neither. */
export function audit(tx: Tx, actorId: string | null, kind: string, subjectId: string | null, data: object) {
  return tx.auditEvent.create({ data: { actorId, kind, subjectId, data: JSON.stringify(data) } });
}

export type AuditFilters = { kind?: string; actorId?: string; from?: string; to?: string; page: number };

const AUDIT_PAGE = 50;

/** The audit log: who changed what, filterable by kind, person and Rome days; pages of 50. */
export async function auditLog(actor: Actor, filters: AuditFilters) {
  assertCan(actor, "audit.view");
  const where: Prisma.AuditEventWhereInput = {};
  if (filters.kind) where.kind = { startsWith: filters.kind };
  if (filters.actorId) where.actorId = filters.actorId;
  if (filters.from || filters.to) {
    where.createdAt = {
      ...(filters.from ? { gte: romeDayBounds(filters.from).start } : {}),
      ...(filters.to ? { lt: romeDayBounds(addDays(filters.to, 1)).start } : {}),
    };
  }
  const [total, rows, kinds, actors] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * AUDIT_PAGE,
      take: AUDIT_PAGE,
      select: {
        id: true,
        kind: true,
        subjectId: true,
        data: true,
        createdAt: true,
        actor: { select: { displayName: true } },
      },
    }),
    db.auditEvent.findMany({ distinct: ["kind"], select: { kind: true }, orderBy: { kind: "asc" } }),
    db.user.findMany({
      where: { auditEvents: { some: {} } },
      select: { id: true, displayName: true },
      orderBy: { displayName: "asc" },
    }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE)),
    page: filters.page,
    rows,
    kinds: kinds.map((k) => k.kind),
    actors,
  };
}
