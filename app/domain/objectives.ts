import { daysBetween, today as todayInRome, type Day } from "~/lib/days";
import { romeDay } from "~/lib/dates";

export const OBJECTIVE_STATUSES = ["PIANIFICATO", "IN_CORSO", "BLOCCATO", "COMPLETATO", "ANNULLATO"] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];

export function isObjectiveStatus(value: unknown): value is ObjectiveStatus {
  return typeof value === "string" && (OBJECTIVE_STATUSES as readonly string[]).includes(value);
}

const finished = (status: string) => status === "COMPLETATO" || status === "ANNULLATO";

/** Days without an update after which an objective is "da aggiornare". */
const STALE_AFTER_DAYS = 30;

/**
 * "In ritardo": the due day has passed (in Rome) and it is not completed, or the leader's
 * forecast is after the due day.
 */
export function isLate(objective: { dueOn: Day; forecastOn: Day | null; status: string }, today: Day = todayInRome()) {
  if (finished(objective.status)) return false;
  return today > objective.dueOn || (objective.forecastOn !== null && objective.forecastOn > objective.dueOn);
}

/**
 * "Da aggiornare": started (or due to have started) and nobody has posted an update for 30
 * days or more, counted in Rome's calendar days.
 */
export function needsUpdate(
  objective: { status: string; startOn: Day; lastUpdateAt: Date | string | null; createdAt: Date | string },
  now: Date = new Date(),
) {
  if (finished(objective.status)) return false;
  const today = todayInRome(now);
  if (objective.startOn > today) return false;
  const last = romeDay(objective.lastUpdateAt ?? objective.createdAt);
  return daysBetween(last, today) >= STALE_AFTER_DAYS;
}

/** Ideas in these statuses can be carried by an objective; an accepted one starts being realised. */
export const CARRIABLE_IDEA_STATUSES = ["ACCOLTA", "IN_REALIZZAZIONE", "REALIZZATA"] as const;

export const ZOOMS = ["mese", "trimestre", "anno"] as const;
export type Zoom = (typeof ZOOMS)[number];
export const ZOOM_MONTHS: Record<Zoom, number> = { mese: 1, trimestre: 3, anno: 12 };

/** An objective with its flags: what the timeline draws and a snapshot keeps. */
export type ObjectiveState = {
  id: number;
  groupId: string;
  title: string;
  startOn: string;
  dueOn: string;
  forecastOn: string | null;
  status: string;
  progress: number;
  late: boolean;
  needsUpdate: boolean;
};
