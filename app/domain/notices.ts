/** A meeting's notice says it was called, changed or cancelled. */
export function meetingNoticeKey(change: string | undefined) {
  if (change === "CANCELLED") return "notifications.meetingCancelled" as const;
  return change === "CHANGED" ? ("notifications.meetingChanged" as const) : ("notifications.meetingNew" as const);
}

/** Where a notice leads: the comment, the idea, the objective, or the moderation list. */
export function noticePath(notice: {
  kind: string;
  ideaId: number | null;
  objectiveId: number | null;
  commentId: number | null;
  meetingId?: string | null;
  challengeId?: string | null;
}) {
  if (notice.kind === "REPORT") return "/moderazione";
  if (notice.meetingId) return `/riunioni/${notice.meetingId}`;
  if (notice.challengeId) return `/sfide/${notice.challengeId}`;
  if (notice.objectiveId !== null) return `/obiettivi/${notice.objectiveId}`;
  if (notice.ideaId === null) return "/notifiche";
  const anchor = notice.commentId !== null ? `?commenti=tutti#commento-${notice.commentId}` : "";
  return `/idee/${notice.ideaId}${anchor}`;
}
