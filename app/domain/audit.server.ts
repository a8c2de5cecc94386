import type { Prisma } from "~/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** Records who changed what, inside the caller's transaction so that both happen or neither. */
export function audit(
  tx: Tx,
  actorId: string | null,
  kind: string,
  subjectId: string | null,
  data: Record<string, unknown>,
) {
  return tx.auditEvent.create({ data: { actorId, kind, subjectId, data: JSON.stringify(data) } });
}
