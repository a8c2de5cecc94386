import { Link } from "@remix-run/react";
import { formatNumber } from "~/lib/numbers";
import { useLocale, useT } from "~/lib/i18n/react";

/** Seconds as minutes (one decimal), or the reason there is no figure. */
export function useFigureText() {
  const t = useT();
  const locale = useLocale();
  return {
    minutes: (seconds: number | null, n: number) =>
      seconds === null ? few(n) : t("findings.minutes", { n: formatNumber(Math.round(seconds / 6) / 10, locale) }),
    share: (value: number | null, n: number) =>
      value === null ? few(n) : t("findings.percent", { n: formatNumber(value, locale) }),
  };
  function few(n: number) {
    return n === 0 ? "—" : t("findings.tooFew", { n });
  }
}

/** "Propose an idea from this figure": the new idea cites it, with its numbers of today. */
export function CiteLink({ figure, about }: { figure: string; about: string }) {
  const t = useT();
  return (
    <Link to={`/idee/nuova?evidenza=${encodeURIComponent(figure)}`} className="pionieri-cite">
      {t("findings.cite")}
      <span className="visually-hidden"> {about}</span>
    </Link>
  );
}

/** The ideas that cite a figure of this campaign or survey. */
export function CitingIdeas({ ideas }: { ideas: { id: number; title: string; figure: string }[] }) {
  const t = useT();
  return (
    <section aria-labelledby="citing" className="mb-4">
      <h2 id="citing">{t("findings.citingTitle")}</h2>
      {ideas.length === 0 ? (
        <p>{t("findings.citingNone")}</p>
      ) : (
        <ul>
          {ideas.map((idea) => (
            <li key={`${idea.id}-${idea.figure}`}>
              <Link to={`/idee/${idea.id}`}>{idea.title}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
