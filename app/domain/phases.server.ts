import { Prisma } from "~/generated/prisma/client";
import { reader, storedDate } from "~/lib/db.server";

/**
 * The phase the project is in: the one the board pinned; otherwise the one whose dates
 * include now; between phases, the last one that started; before the first, the first.
 */
export async function currentPhase(now = new Date()) {
  // On every page (the banner): one statement on the fast path. The pinned phase wins, then the
  // one running now, then the latest started, then the first to come.
  const row = reader().get<{ id: string; name: string; endsOn: string }>(Prisma.sql`
    SELECT "id", "name", "endsOn" FROM "Phase"
    ORDER BY "pinned" DESC,
             ("startsOn" <= ${now} AND "endsOn" >= ${now}) DESC,
             ("startsOn" <= ${now}) DESC,
             CASE WHEN "startsOn" <= ${now} THEN "startsOn" END DESC,
             "startsOn" ASC
    LIMIT 1`);
  return row ? { id: row.id, name: row.name, endsOn: storedDate(row.endsOn) } : null;
}
