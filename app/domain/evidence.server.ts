import type { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/lib/actor";
import { db } from "~/lib/db/client.server";
import { today } from "~/lib/days";
import { httpError } from "~/lib/http.server";
import { audit } from "./audit.server";
import { describeFigure, figureValue } from "./findings.server";
import { figureKey, figureUnit, parseFigure, type Figure } from "./observation";
import type { EvidenceSnapshot } from "./evidence";
import { assertCan, can } from "./policy.server";

/**
 * How findings feed the loop (issue 15): an idea cites a figure with its numbers as of that
 * day; an objective's indicator follows a figure; the figure's page lists what cites it.
 */

/** The figure as it stands today, ready to be cited (null for a key that names nothing). */
export type CitedFigure = EvidenceSnapshot & { key: string };

export async function citeFigure(key: unknown): Promise<CitedFigure | null> {
  const figure = parseFigure(key);
  if (!figure) return null;
  const described = await describeFigure(figure);
  if (!described) return null;
  const { value, n } = await figureValue(figure);
  return {
    key: figureKey(figure),
    measure: figure.measure,
    source: described.source,
    place: described.place,
    value,
    n,
    unit: figureUnit(figure.measure),
    href: described.href,
  };
}

/** Inside the idea's creation: the evidence is frozen with the idea. */
export async function attachEvidence(tx: Prisma.TransactionClient, ideaId: number, cited: CitedFigure) {
  const { key, ...snapshot } = cited;
  await tx.ideaEvidence.create({
    data: { ideaId, figure: key, snapshot: JSON.stringify(snapshot), asOf: today() },
  });
}

/** The objectives this person may bind to a figure (those they may update). */
export async function bindableObjectives(actor: Actor) {
  // Leaders update their groups' objectives, the Cabina every group's: nobody else needs a query.
  if (actor.role !== "CABINA" && actor.leaderOf.length === 0) return [];
  const objectives = await db.objective.findMany({
    where: {
      status: { notIn: ["COMPLETATO", "ANNULLATO"] },
      ...(actor.role === "CABINA" ? {} : { groupId: { in: [...actor.leaderOf] } }),
    },
    orderBy: [{ groupId: "asc" }, { dueOn: "asc" }],
    select: { id: true, title: true, groupId: true, indicatorFigure: true, group: { select: { name: true } } },
  });
  return objectives
    .filter((objective) => can(actor, "objective.update", objective))
    .map((objective) => ({ id: objective.id, title: objective.title, group: objective.group.name }));
}

/**
 * Binds an objective's indicator to a figure: its name and unit come from the figure, its
 * current value is measured from now on (findings.server.ts keeps it up to date). The
 * objective's history records the change like any other edit.
 */
export async function bindIndicator(actor: Actor, objectiveId: number, figure: Figure, name: string) {
  const objective = await db.objective.findUnique({
    where: { id: objectiveId },
    select: { id: true, groupId: true, indicatorFigure: true, indicatorCurrent: true, title: true },
  });
  if (!objective) httpError(404);
  assertCan(actor, "objective.update", objective);
  const cited = await citeFigure(figureKey(figure));
  if (!cited) httpError(400, "obs.unknownFigure");
  await db.$transaction(async (tx) => {
    await tx.objective.update({
      where: { id: objectiveId },
      data: {
        indicatorFigure: cited.key,
        indicatorName: name,
        indicatorUnit: cited.unit,
        indicatorCurrent: cited.value,
        version: { increment: 1 },
      },
    });
    await tx.objectiveChange.create({
      data: {
        objectiveId,
        actorId: actor.id,
        field: "indicatorFigure",
        fromValue: objective.indicatorFigure,
        toValue: cited.key,
      },
    });
    await audit(tx, actor.id, "objective.bindIndicator", String(objectiveId), { figure: cited.key });
  });
  return cited;
}

/** Stops measuring: the indicator keeps its last value and is typed again. */
export async function unbindIndicator(actor: Actor, objectiveId: number) {
  const objective = await db.objective.findUnique({
    where: { id: objectiveId },
    select: { id: true, groupId: true, indicatorFigure: true },
  });
  if (!objective) httpError(404);
  assertCan(actor, "objective.update", objective);
  if (!objective.indicatorFigure) return;
  await db.$transaction(async (tx) => {
    await tx.objective.update({
      where: { id: objectiveId },
      data: { indicatorFigure: null, version: { increment: 1 } },
    });
    await tx.objectiveChange.create({
      data: {
        objectiveId,
        actorId: actor.id,
        field: "indicatorFigure",
        fromValue: objective.indicatorFigure,
        toValue: null,
      },
    });
    await audit(tx, actor.id, "objective.unbindIndicator", String(objectiveId), { figure: objective.indicatorFigure });
  });
}
