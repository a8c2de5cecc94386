/** Group meetings (issue 23): what the forms and the pages share with the server. */
export const MEETING_LIMITS = {
  title: 140,
  place: 200,
  videoUrl: 500,
  item: 200,
  /** agenda items a meeting may have */
  maxItems: 12,
  decision: 1000,
  minutes: 20_000,
  /** how far ahead a meeting may be set, in days */
  maxDays: 366,
  /** a meeting's longest length, in minutes */
  maxMinutes: 12 * 60,
} as const;

export const MEETING_ANSWERS = ["SI", "FORSE", "NO"] as const;
export type MeetingAnswer = (typeof MEETING_ANSWERS)[number];

export const isMeetingAnswer = (value: unknown): value is MeetingAnswer =>
  typeof value === "string" && (MEETING_ANSWERS as readonly string[]).includes(value);

/** What an agenda item points to, as the form writes it: "idea:12", "obiettivo:3" or nothing. */
export type AgendaRef = { ideaId: number | null; objectiveId: number | null };

export function parseAgendaRef(value: string): AgendaRef | null {
  if (value === "") return { ideaId: null, objectiveId: null };
  const match = /^(idea|obiettivo):(\d{1,9})$/.exec(value);
  if (!match) return null;
  const id = Number(match[2]);
  return match[1] === "idea" ? { ideaId: id, objectiveId: null } : { ideaId: null, objectiveId: id };
}

export const agendaRefValue = (ref: AgendaRef) =>
  ref.ideaId !== null ? `idea:${ref.ideaId}` : ref.objectiveId !== null ? `obiettivo:${ref.objectiveId}` : "";
