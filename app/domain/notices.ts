/** Where a notice leads: the comment, the idea, the objective, or the moderation list. */
export function noticePath(notice: {
  kind: string;
  ideaId: number | null;
  objectiveId: number | null;
  commentId: number | null;
}) {
  if (notice.kind === "REPORT") return "/moderazione";
  if (notice.objectiveId !== null) return `/obiettivi/${notice.objectiveId}`;
  if (notice.ideaId === null) return "/notifiche";
  const anchor = notice.commentId !== null ? `?commenti=tutti#commento-${notice.commentId}` : "";
  return `/idee/${notice.ideaId}${anchor}`;
}
