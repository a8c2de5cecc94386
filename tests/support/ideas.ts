import type { Db } from "../../app/lib/db/client.server";
import { noticesSettled } from "./db-state";
import { buildIdea, buildStatusChange } from "./factories";
import type { Scenario } from "./scenario";

/** An idea of the `logistica` group by `authorId`, moved along the workflow up to `status`. */
export async function ideaAt(
  db: Db,
  scenario: Scenario,
  status: string,
  input: { title?: string; body?: string; authorId?: string } = {},
) {
  const idea = await buildIdea(db, {
    title: input.title ?? `Idea ${status.toLowerCase()} ${Math.random().toString(36).slice(2, 7)}`,
    body: input.body,
    groupId: scenario.groups.logistica!.id,
    authorId: input.authorId ?? scenario.users.member.id,
  });
  const path = [
    "IN_DISCUSSIONE",
    "IN_VALUTAZIONE",
    status === "NON_ACCOLTA" ? "NON_ACCOLTA" : "ACCOLTA",
    "IN_REALIZZAZIONE",
    "REALIZZATA",
  ];
  const stop = path.indexOf(status);
  let from = "NUOVA";
  for (const to of stop >= 0 ? path.slice(0, stop + 1) : []) {
    await buildStatusChange(db, { ideaId: idea.id, from, to, actorId: scenario.users.board.id, reason: "prova" });
    from = to;
  }
  if (status === "DUPLICATA") await db.idea.update({ where: { id: idea.id }, data: { status } });
  return idea;
}

/** Everything an idea's writes touch: a refused write must leave it exactly as it was. */
export async function ideaState(db: Db, id: number) {
  // At rest: an earlier write's notices, fanned out moments later, are not this request's.
  await noticesSettled(db);
  const [idea, supports, comments, events, follows, revisions, notifications, pending] = await Promise.all([
    db.idea.findUnique({ where: { id } }),
    db.support.findMany({ where: { ideaId: id }, orderBy: { userId: "asc" } }),
    db.comment.findMany({ where: { ideaId: id }, orderBy: { id: "asc" } }),
    db.ideaEvent.count({ where: { ideaId: id } }),
    db.follow.count({ where: { ideaId: id } }),
    db.ideaRevision.count({ where: { ideaId: id } }),
    db.notification.count({ where: { ideaId: id } }),
    db.pendingNotice.count({ where: { ideaId: id } }),
  ]);
  return { idea, supports, comments, events, follows, revisions, notifications, pending };
}
