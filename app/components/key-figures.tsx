import { Link } from "@remix-run/react";
import { formatDay } from "~/lib/dates";
import { useLocale, useT } from "~/lib/i18n/react";
import { formatNumber } from "~/lib/numbers";

type Point = { week: string; n: number; value: number | null };
type Key = {
  campaign: { id: string; title: string; wait: Point[]; firstCounter: Point[] } | null;
  survey: { id: string; title: string; satisfied: { key: string; n: number; share: number | null }[] } | null;
};

/**
 * The board's view of the citizens (issue 15): the latest campaign's median wait and
 * first-counter share and the latest survey's satisfied share, each with its last week against
 * the week before.
 */
export function KeyFigures({ figures }: { figures: Key }) {
  const t = useT();
  const locale = useLocale();
  if (!figures.campaign && !figures.survey) return null;
  const rows: { label: string; unit: string; points: Point[]; href: string; source: string; better: "up" | "down" }[] =
    [];
  if (figures.campaign) {
    const href = `/rilevazioni/${figures.campaign.id}`;
    rows.push(
      {
        label: t("board.keyWait"),
        unit: "min",
        points: figures.campaign.wait,
        href,
        source: figures.campaign.title,
        better: "down",
      },
      {
        label: t("board.keyFirstCounter"),
        unit: "%",
        points: figures.campaign.firstCounter,
        href,
        source: figures.campaign.title,
        better: "up",
      },
    );
  }
  if (figures.survey)
    rows.push({
      label: t("board.keySatisfied"),
      unit: "%",
      points: figures.survey.satisfied.map((week) => ({ week: week.key, n: week.n, value: week.share })),
      href: `/questionari/${figures.survey.id}`,
      source: figures.survey.title,
      better: "up",
    });
  return (
    <section aria-labelledby="key-title" className="mb-5">
      <h2 id="key-title">{t("board.keyTitle")}</h2>
      <dl className="pionieri-figures">
        {rows.map((row) => {
          const known = row.points.filter((point) => point.value !== null);
          const last = known.at(-1);
          const before = known.at(-2);
          const change = last && before ? Math.round((last.value! - before.value!) * 10) / 10 : null;
          return (
            <div key={row.label}>
              <dt>{row.label}</dt>
              <dd>{last ? `${formatNumber(last.value!, locale)} ${row.unit}` : "—"}</dd>
              <dd className="pionieri-figure-note">
                <span className="d-block mb-1">
                  {last ? t("board.keyWeek", { date: formatDay(last.week, locale) }) : null}
                  {change !== null
                    ? ` · ${t(
                        change === 0
                          ? "board.keySame"
                          : change < 0 === (row.better === "down")
                            ? "board.keyBetter"
                            : "board.keyWorse",
                        { change: `${change > 0 ? "+" : ""}${formatNumber(change, locale)} ${row.unit}` },
                      )}`
                    : null}
                </span>
                <Link to={row.href}>{row.source}</Link>
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
