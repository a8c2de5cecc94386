/**
 * Observing and listening to citizens (issue 15): the fixed lists, limits and figure keys shared
 * by the pages, the forms and the domain. docs/decisions/0021-observe-and-listen.md
 */

/** How a visit ended. */
export const OUTCOMES = ["RISOLTO", "RINVIATO", "TORNARE", "INFORMAZIONI"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** What brought the citizen to the counter. */
export const CHANNELS = ["SPONTANEO", "APPUNTAMENTO", "TELEFONO", "WEB", "RINVIO", "ALTRO"] as const;

export type SurveyStatus = "BOZZA" | "APERTO" | "CHIUSO";

/** The method's six questions ("ascoltare il cittadino"), in both languages. */
export const METHOD_QUESTIONS = [
  {
    topic: "ATTESA",
    it: "Quanto è soddisfatto del tempo di attesa?",
    en: "How satisfied are you with the waiting time?",
  },
  {
    topic: "EROGAZIONE",
    it: "Quanto è soddisfatto del tempo impiegato per il servizio?",
    en: "How satisfied are you with the time the service took?",
  },
  {
    topic: "INFORMAZIONI",
    it: "Le informazioni ricevute erano complete?",
    en: "Was the information you received complete?",
  },
  {
    topic: "MODULISTICA",
    it: "Quanto è soddisfatto dei moduli da compilare?",
    en: "How satisfied are you with the forms to fill in?",
  },
  { topic: "SERVITO", it: "Come è stato servito?", en: "How were you served?" },
  {
    topic: "ISTRUTTORIA",
    it: "È stato informato su come procede la sua pratica?",
    en: "Were you kept informed while your request was processed?",
  },
] as const;

export const OBSERVE_LIMITS = {
  title: 120,
  purpose: 2000,
  placeName: 80,
  note: 280,
  question: 200,
  freeText: 500,
  /** places a visit can go through */
  stops: 5,
  /** a wait or a service longer than this is a typing mistake, not a visit */
  maxSeconds: 8 * 3600,
  /** questions in a survey */
  questions: 12,
  /** a campaign's length */
  campaignDays: 366,
} as const;

/** No breakdown (a place, a service, a week, an hour) is shown for fewer answers or visits. */
export const MIN_GROUP = 5;

/**
 * A figure that an idea can cite and an objective's indicator can follow: a measure of a
 * campaign or a survey, over everything or one place. Written as a key in the address and in
 * the database: `waitMedian.<campaignId>.<placeId|all>`.
 */
export const FIGURE_MEASURES = ["waitMedian", "waitP90", "serviceMedian", "firstCounter", "satisfied"] as const;
export type FigureMeasure = (typeof FIGURE_MEASURES)[number];
export type Figure = { measure: FigureMeasure; source: string; place: string | null };

export function figureKey(figure: Figure): string {
  return `${figure.measure}.${figure.source}.${figure.place ?? "all"}`;
}

export function parseFigure(key: unknown): Figure | null {
  if (typeof key !== "string") return null;
  const match = /^([a-zA-Z0-9]{2,20})\.([a-z0-9]{8,40})\.([a-z0-9]{3,40})$/.exec(key);
  if (!match || !(FIGURE_MEASURES as readonly string[]).includes(match[1]!)) return null;
  return { measure: match[1] as FigureMeasure, source: match[2]!, place: match[3] === "all" ? null : match[3]! };
}

/** Minutes for times, percent for shares. */
export function figureUnit(measure: FigureMeasure): "min" | "%" {
  return measure === "firstCounter" || measure === "satisfied" ? "%" : "min";
}

/** Seconds as minutes with one decimal (what the pages and the indicators show). */
export function minutes(seconds: number | null): number | null {
  return seconds === null ? null : Math.round(seconds / 6) / 10;
}

/** "08:05" or "08:05:30" → seconds after midnight; anything else null. */
export function clockSeconds(value: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/.exec(value);
  if (!match) return null;
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3] ?? 0);
}
