import type { FigureMeasure } from "./observation";

/** What an idea keeps of a figure it cites: its numbers as of that day (issue 15). */
export type EvidenceSnapshot = {
  measure: FigureMeasure;
  source: string;
  place: string | null;
  value: number | null;
  n: number;
  unit: "min" | "%";
  href: string;
};
