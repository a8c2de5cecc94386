import { whileUnchanged } from "~/lib/db/cache.server";
import { db } from "~/lib/db/client.server";
import { today, type Day } from "~/lib/days";

/**
 * The open challenges (the home page, the idea form): kept while nothing changes, per day, so
 * the home page reads nothing more when it is cached (decision 0016).
 */
export function openChallenges(day: Day = today()) {
  return whileUnchanged(`challenges.open.${day}`, async () => {
    const rows = await db.challenge.findMany({
      where: { opensOn: { lte: day }, closesOn: { gte: day }, concludedAt: null },
      orderBy: [{ closesOn: "asc" }, { createdAt: "asc" }],
      take: 20,
      select: {
        id: true,
        title: true,
        closesOn: true,
        group: { select: { name: true } },
        _count: { select: { ideas: true } },
      },
    });
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      closesOn: row.closesOn,
      groupName: row.group?.name ?? null,
      ideaCount: row._count.ideas,
    }));
  });
}
