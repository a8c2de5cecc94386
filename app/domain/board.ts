import type { ObjectiveState } from "./objectives";

/** The board's dashboard rules, pure so that they can be shown on the page and tested. */
export type GroupState = "red" | "amber" | "green";

/** A group's line on the dashboard and in a snapshot (board.server.ts computes it). */
export type GroupSummary = {
  id: string;
  name: string;
  slug: string;
  state: GroupState;
  byStatus: Record<string, number>;
  progress: number | null;
  late: number;
  needsUpdate: number;
  nextDue: { id: number; title: string; dueOn: string }[];
  lastUpdate: string | null;
};

/** A decision of the board on an idea, as a snapshot keeps it. */
export type Decision = {
  ideaId: number;
  title: string;
  toStatus: string;
  reason: string | null;
  at: string;
  by: string | null;
};

/** What a meeting snapshot freezes (snapshots.server.ts), as the snapshot pages read it. */
export type SnapshotData = {
  groups: GroupSummary[];
  ideasByStatus: Record<string, number>;
  decisions: Decision[];
  objectives: ObjectiveState[];
  asOf: string;
};

export type GroupFigures = {
  active: number;
  late: number;
  needsUpdate: number;
  blocked: number;
};

/**
 * Red: a blocked objective, or at least a third of the active objectives late.
 * Amber: anything late or without an update for 30 days. Green: everything else (also no
 * active objectives). The page states the same rule in words (board.ragRule).
 */
export function groupState({ active, late, needsUpdate, blocked }: GroupFigures): GroupState {
  if (active === 0) return "green";
  if (blocked > 0 || (late > 0 && late * 3 >= active)) return "red";
  if (late > 0 || needsUpdate > 0) return "amber";
  return "green";
}

/** Average progress weighted by each objective's planned duration in days (start to due, inclusive). */
export function weightedProgress(objectives: { progress: number; days: number }[]): number | null {
  const total = objectives.reduce((sum, o) => sum + Math.max(1, o.days), 0);
  if (total === 0) return null;
  return Math.round(objectives.reduce((sum, o) => sum + o.progress * Math.max(1, o.days), 0) / total);
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Offices with fewer colleagues than this are counted together, so that no one can be singled out. */
export const MIN_OFFICE_SIZE = 5;
/** The weekly participation starts at the project's first phase, at most this many weeks back. */
export const MAX_WEEKS = 52;

/** The board's CSV exports, by their address (/cabina-di-regia/esporta/<kind>). */
export const EXPORTS = ["idee", "obiettivi", "aggiornamenti", "partecipazione"] as const;
export type ExportKind = (typeof EXPORTS)[number];
