import type { IdeaStatus } from "~/domain/ideas";
import { ideaStatusLabel } from "~/lib/i18n/labels";
import { useT } from "~/lib/i18n/react";

/** An idea's status as a coloured word (its own module: pages that show only this need no idea messages). */
export function StatusBadge({ status }: { status: IdeaStatus | string }) {
  const t = useT();
  return (
    <span className={`pionieri-status pionieri-status-${status.toLowerCase()}`}>{ideaStatusLabel(t, status)}</span>
  );
}
