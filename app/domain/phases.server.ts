import { db } from "~/lib/db.server";

/**
 * The phase the project is in: the one the board pinned; otherwise the one whose dates
 * include now; between phases, the last one that started; before the first, the first.
 */
export async function currentPhase(now = new Date()) {
  const select = { id: true, name: true, endsOn: true } as const;
  return (
    (await db.phase.findFirst({ where: { pinned: true }, select })) ??
    (await db.phase.findFirst({
      where: { startsOn: { lte: now }, endsOn: { gte: now } },
      orderBy: { startsOn: "desc" },
      select,
    })) ??
    (await db.phase.findFirst({ where: { startsOn: { lte: now } }, orderBy: { startsOn: "desc" }, select })) ??
    (await db.phase.findFirst({ orderBy: { startsOn: "asc" }, select }))
  );
}
