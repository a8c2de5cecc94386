import { romeDay } from "~/lib/dates";
import { db } from "~/lib/db/client.server";
import { toCsv } from "~/lib/csv";
import { translator, type Locale } from "~/lib/i18n";
import type { ExportKind } from "./board";
import { participation } from "./board.server";
import { timelineData } from "./timeline.server";
import { assertCan } from "./policy.server";
import type { Actor } from "~/lib/actor";
import { ideaStatusLabel, objectiveStatusLabel } from "~/lib/i18n/labels";

/** The board's CSV files. Participation is aggregated: no row names a person. */
export async function boardExport(actor: Actor, kind: ExportKind, locale: Locale): Promise<string> {
  assertCan(actor, "board.export");
  const t = translator(locale);
  const status = (value: string | null) => (value ? ideaStatusLabel(t, value) : "");
  switch (kind) {
    case "idee": {
      const ideas = await db.idea.findMany({
        orderBy: { id: "asc" },
        select: {
          id: true,
          title: true,
          status: true,
          supportCount: true,
          commentCount: true,
          createdAt: true,
          group: { select: { name: true } },
          author: { select: { displayName: true } },
          events: {
            where: { kind: { in: ["STATUS", "MERGED_INTO"] } },
            orderBy: { createdAt: "asc" },
            select: { toStatus: true, reason: true, createdAt: true },
          },
        },
      });
      return toCsv(
        [
          "#",
          t("export.group"),
          t("export.title"),
          t("export.author"),
          t("export.created"),
          t("export.status"),
          t("export.supports"),
          t("export.comments"),
          t("export.history"),
        ],
        ideas.map((i) => [
          i.id,
          i.group.name,
          i.title,
          i.author?.displayName ?? t("ideas.formerColleague"),
          romeDay(i.createdAt),
          status(i.status),
          i.supportCount,
          i.commentCount,
          i.events
            .map((e) => `${romeDay(e.createdAt)} ${status(e.toStatus)}${e.reason ? `: ${e.reason}` : ""}`)
            .join(" | "),
        ]),
      );
    }
    case "obiettivi": {
      const { objectives, groups } = await timelineData();
      const name = new Map(groups.map((g) => [g.id, g.name]));
      return toCsv(
        [
          "#",
          t("export.group"),
          t("export.title"),
          t("export.owner"),
          t("objectives.colStart"),
          t("objectives.colDue"),
          t("objectives.colForecast"),
          t("export.status"),
          t("objectives.colProgress"),
          t("objectives.late"),
          t("objectives.needsUpdate"),
        ],
        objectives.map((o) => [
          o.id,
          name.get(o.groupId),
          o.title,
          o.ownerName,
          o.startOn,
          o.dueOn,
          o.forecastOn,
          objectiveStatusLabel(t, o.status),
          o.progress,
          o.late ? t("objectives.yes") : t("objectives.no"),
          o.needsUpdate ? t("objectives.yes") : t("objectives.no"),
        ]),
      );
    }
    case "aggiornamenti": {
      const updates = await db.progressUpdate.findMany({
        orderBy: { createdAt: "asc" },
        select: {
          date: true,
          progress: true,
          status: true,
          note: true,
          author: { select: { displayName: true } },
          objective: { select: { id: true, title: true, group: { select: { name: true } } } },
        },
      });
      return toCsv(
        [
          t("export.objective"),
          t("export.group"),
          t("objectives.updateDate"),
          t("export.author"),
          t("objectives.colProgress"),
          t("export.status"),
          t("objectives.updateNote"),
        ],
        updates.map((u) => [
          `#${u.objective.id} ${u.objective.title}`,
          u.objective.group.name,
          u.date,
          u.author?.displayName ?? "",
          u.progress,
          objectiveStatusLabel(t, u.status),
          u.note,
        ]),
      );
    }
    case "partecipazione": {
      const p = await participation();
      return toCsv(
        [t("export.scope"), t("export.name"), t("export.participants"), t("export.participants90"), t("export.staff")],
        [
          [t("export.scopeAll"), t("export.last30"), p.last30, "", p.staff],
          [t("export.scopeAll"), t("export.last90"), "", p.last90, p.staff],
          [t("export.scopeAll"), t("export.ever"), p.ever, "", p.staff],
          ...p.perGroup.map((g) => [t("export.scopeGroup"), g.name, g.last30, g.last90, ""]),
          ...p.perOffice.map((o) => [
            t("export.scopeOffice"),
            o.office || t("board.otherOffices"),
            o.last30,
            o.last90,
            o.staff,
          ]),
          ...p.weekly.map((w) => [t("export.scopeWeek"), w.week, `${w.ideas} / ${w.comments} / ${w.supports}`, "", ""]),
        ],
      );
    }
  }
}
