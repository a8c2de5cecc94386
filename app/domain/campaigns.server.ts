import { randomBytes } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/lib/actor";
import { db } from "~/lib/db/client.server";
import { contentVersion, whileUnchanged } from "~/lib/db/cache.server";
import { reader, writeNow } from "~/lib/db/fast.server";
import { addDays, daysBetween, today, type Day } from "~/lib/days";
import { httpError } from "~/lib/http.server";
import type { MessageKey } from "~/lib/i18n";
import { audienceOf } from "./audience";
import { audit } from "./audit.server";
import { refreshIndicators } from "./findings.server";
import { OBSERVE_LIMITS, type Outcome } from "./observation";
import { assertCan, can, type CampaignRef } from "./policy.server";

/**
 * Observation campaigns (issue 15): the places and services observed, the campaigns, who joined
 * them, and the visits recorded. The figures drawn from the visits are in findings.server.ts.
 */

export type PlaceKind = "place" | "service";

export function listPlaces(includeArchived = false) {
  // Every observing page lists them; they change when the Cabina edits the catalogue.
  return whileUnchanged(`places:${includeArchived}`, async () => {
    const where = includeArchived ? {} : { archived: false };
    const [places, services] = await Promise.all([
      db.place.findMany({ where, orderBy: [{ position: "asc" }, { name: "asc" }] }),
      db.service.findMany({ where, orderBy: [{ position: "asc" }, { name: "asc" }] }),
    ]);
    return { places, services };
  });
}

/** Places and services as the Cabina manages them, with how many visits and answers use each. */
export async function listPlacesWithUse(actor: Actor) {
  assertCan(actor, "place.manage");
  const [places, services] = await Promise.all([
    db.place.findMany({
      orderBy: [{ archived: "asc" }, { position: "asc" }, { name: "asc" }],
      select: { id: true, name: true, archived: true, _count: { select: { stops: true, surveys: true } } },
    }),
    db.service.findMany({
      orderBy: [{ archived: "asc" }, { position: "asc" }, { name: "asc" }],
      select: { id: true, name: true, archived: true, _count: { select: { visits: true, responses: true } } },
    }),
  ]);
  return {
    places: places.map(({ _count, ...place }) => ({ ...place, uses: _count.stops + _count.surveys })),
    services: services.map(({ _count, ...service }) => ({ ...service, uses: _count.visits + _count.responses })),
  };
}

const table = (kind: PlaceKind) => (kind === "place" ? db.place : db.service) as typeof db.place;
/** The same model inside a transaction (places and services have the same columns). */
const inTx = (tx: Prisma.TransactionClient, kind: PlaceKind) =>
  (kind === "place" ? tx.place : tx.service) as typeof tx.place;

export async function addPlace(actor: Actor, kind: PlaceKind, name: string) {
  assertCan(actor, "place.manage");
  const model = table(kind);
  if (await model.findUnique({ where: { name }, select: { id: true } })) return { ok: false as const };
  const last = await model.aggregate({ _max: { position: true } });
  await db.$transaction(async (tx) => {
    const created = await inTx(tx, kind).create({
      data: { name, position: (last._max.position ?? 0) + 1 },
    });
    await audit(tx, actor.id, `${kind}.create`, created.id, { name });
  });
  return { ok: true as const };
}

export async function renamePlace(actor: Actor, kind: PlaceKind, id: string, name: string) {
  assertCan(actor, "place.manage");
  const model = table(kind);
  const current = await model.findUnique({ where: { id }, select: { name: true } });
  if (!current) httpError(404);
  const clash = await model.findUnique({ where: { name }, select: { id: true } });
  if (clash && clash.id !== id) return { ok: false as const };
  await db.$transaction(async (tx) => {
    await inTx(tx, kind).update({ where: { id }, data: { name } });
    await audit(tx, actor.id, `${kind}.rename`, id, { from: current.name, to: name });
  });
  return { ok: true as const };
}

/** A place or service is archived, not deleted: the visits and answers that name it keep it. */
export async function setPlaceArchived(actor: Actor, kind: PlaceKind, id: string, archived: boolean) {
  assertCan(actor, "place.manage");
  const model = table(kind);
  const current = await model.findUnique({ where: { id }, select: { name: true } });
  if (!current) httpError(404);
  await db.$transaction(async (tx) => {
    await inTx(tx, kind).update({ where: { id }, data: { archived } });
    await audit(tx, actor.id, `${kind}.${archived ? "archive" : "restore"}`, id, { name: current.name });
  });
}

export type CampaignInput = {
  title: string;
  purpose: string;
  groupId: string | null;
  startsOn: Day;
  endsOn: Day;
  placeIds: string[];
  serviceIds: string[];
};
type Problem = { field: string; key: MessageKey };

async function checkCampaign(input: CampaignInput): Promise<Problem | null> {
  if (input.endsOn < input.startsOn) return { field: "endsOn", key: "obs.endsBeforeStart" };
  if (daysBetween(input.startsOn, input.endsOn) > OBSERVE_LIMITS.campaignDays)
    return { field: "endsOn", key: "obs.tooLong" };
  if (input.placeIds.length === 0) return { field: "placeIds", key: "obs.placesRequired" };
  const [places, services, group] = await Promise.all([
    db.place.count({ where: { id: { in: input.placeIds }, archived: false } }),
    db.service.count({ where: { id: { in: input.serviceIds }, archived: false } }),
    input.groupId ? db.workingGroup.count({ where: { id: input.groupId } }) : 1,
  ]);
  if (places !== input.placeIds.length) return { field: "placeIds", key: "obs.unknownPlace" };
  if (services !== input.serviceIds.length) return { field: "serviceIds", key: "obs.unknownPlace" };
  if (group !== 1) return { field: "groupId", key: "v.required" };
  return null;
}

export async function createCampaign(actor: Actor, input: CampaignInput) {
  assertCan(actor, "campaign.create", { groupId: input.groupId });
  const problem = await checkCampaign(input);
  if (problem) return { ok: false as const, ...problem };
  const id = await db.$transaction(async (tx) => {
    const campaign = await tx.campaign.create({
      data: {
        title: input.title,
        purpose: input.purpose,
        groupId: input.groupId,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        createdById: actor.id,
        places: { create: input.placeIds.map((placeId) => ({ placeId })) },
        services: { create: input.serviceIds.map((serviceId) => ({ serviceId })) },
        // Whoever opens a campaign records in it from the start.
        members: { create: [{ userId: actor.id }] },
      },
    });
    await audit(tx, actor.id, "campaign.create", campaign.id, { title: input.title });
    return campaign.id;
  });
  return { ok: true as const, id };
}

/**
 * Changing a campaign keeps its visits: a place or service already used by a visit stays in it,
 * and the dates cannot leave a recorded visit outside.
 */
export async function updateCampaign(actor: Actor, id: string, input: Omit<CampaignInput, "groupId">) {
  const campaign = await campaignRef(actor, id);
  assertCan(actor, "campaign.edit", campaign);
  const problem = await checkCampaign({ ...input, groupId: campaign.groupId });
  if (problem) return { ok: false as const, ...problem };
  const [range, usedPlaces, usedServices] = await Promise.all([
    db.visit.aggregate({ where: { campaignId: id }, _min: { day: true }, _max: { day: true } }),
    db.visitStop.findMany({ where: { visit: { campaignId: id } }, distinct: ["placeId"], select: { placeId: true } }),
    db.visit.findMany({
      where: { campaignId: id, serviceId: { not: null } },
      distinct: ["serviceId"],
      select: { serviceId: true },
    }),
  ]);
  if (range._min.day && (range._min.day < input.startsOn || range._max.day! > input.endsOn))
    return { ok: false as const, field: "startsOn", key: "obs.datesCutVisits" as MessageKey };
  const placeIds = [...new Set([...input.placeIds, ...usedPlaces.map((stop) => stop.placeId)])];
  const serviceIds = [...new Set([...input.serviceIds, ...usedServices.map((visit) => visit.serviceId!)])];
  await db.$transaction(async (tx) => {
    await tx.campaign.update({
      where: { id },
      data: { title: input.title, purpose: input.purpose, startsOn: input.startsOn, endsOn: input.endsOn },
    });
    await tx.campaignPlace.deleteMany({ where: { campaignId: id } });
    await tx.campaignService.deleteMany({ where: { campaignId: id } });
    await tx.campaignPlace.createMany({ data: placeIds.map((placeId) => ({ campaignId: id, placeId })) });
    await tx.campaignService.createMany({ data: serviceIds.map((serviceId) => ({ campaignId: id, serviceId })) });
    await audit(tx, actor.id, "campaign.update", id, { title: input.title });
  });
  return { ok: true as const };
}

/** What the policy needs to know of a campaign, for this actor; 404 when there is none. */
export async function campaignRef(actor: Actor, id: string) {
  const campaign = await db.campaign.findUnique({
    where: { id },
    select: { id: true, groupId: true, members: { where: { userId: actor.id }, select: { userId: true } } },
  });
  if (!campaign) httpError(404);
  return { id: campaign.id, groupId: campaign.groupId, joined: campaign.members.length > 0 } satisfies CampaignRef & {
    id: string;
  };
}

export async function listCampaigns(actor: Actor) {
  const campaigns = await db.campaign.findMany({
    orderBy: [{ startsOn: "desc" }, { createdAt: "desc" }],
    select: {
      id: true,
      title: true,
      startsOn: true,
      endsOn: true,
      group: { select: { name: true } },
      members: { where: { userId: actor.id }, select: { userId: true } },
      _count: { select: { visits: true, members: true, places: true } },
    },
  });
  return campaigns.map(({ members, _count, ...campaign }) => ({
    ...campaign,
    joined: members.length > 0,
    visits: _count.visits,
    observers: _count.members,
    places: _count.places,
  }));
}

export async function getCampaign(actor: Actor, id: string) {
  // Read before the campaign: what a page draws from its names is kept under it (`drawnFrom`).
  const drawnFrom = contentVersion();
  // One statement on the read connection (Prisma read the campaign, its group, its author, its
  // places, its services and one's membership with six): every page of a campaign starts here.
  const campaign = reader().get<{
    id: string;
    title: string;
    purpose: string;
    groupId: string | null;
    startsOn: string;
    endsOn: string;
    createdAt: Date;
    groupName: string | null;
    groupSlug: string | null;
    createdBy: string | null;
    places: string;
    services: string;
    joined: boolean;
    observers: number;
  }>(
    Prisma.sql`
    SELECT c."id", c."title", c."purpose", c."groupId", c."startsOn", c."endsOn", c."createdAt",
           g."name" AS "groupName", g."slug" AS "groupSlug", u."displayName" AS "createdBy",
           (SELECT json_group_array(json_object('id', p."id", 'name', p."name", 'position', p."position"))
              FROM "CampaignPlace" cp JOIN "Place" p ON p."id" = cp."placeId" WHERE cp."campaignId" = c."id")
              AS "places",
           (SELECT json_group_array(json_object('id', s."id", 'name', s."name", 'position', s."position"))
              FROM "CampaignService" cs JOIN "Service" s ON s."id" = cs."serviceId" WHERE cs."campaignId" = c."id")
              AS "services",
           EXISTS (SELECT 1 FROM "CampaignMember" m WHERE m."campaignId" = c."id" AND m."userId" = ${actor.id})
             AS "joined",
           (SELECT COUNT(*) FROM "CampaignMember" m WHERE m."campaignId" = c."id") AS "observers"
    FROM "Campaign" c
    LEFT JOIN "WorkingGroup" g ON g."id" = c."groupId"
    LEFT JOIN "User" u ON u."id" = c."createdById"
    WHERE c."id" = ${id}`,
    { createdAt: "date", joined: "boolean" },
  );
  if (!campaign) httpError(404);
  type Named = { id: string; name: string; position: number };
  const byPosition = (a: { position: number; name: string }, b: { position: number; name: string }) =>
    a.position - b.position || a.name.localeCompare(b.name, "it");
  const ref: CampaignRef = { groupId: campaign.groupId, joined: campaign.joined };
  return {
    id: campaign.id,
    title: campaign.title,
    purpose: campaign.purpose,
    groupId: campaign.groupId,
    group: audienceOf(campaign),
    createdBy: campaign.createdBy,
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    places: (JSON.parse(campaign.places) as Named[]).sort(byPosition),
    services: (JSON.parse(campaign.services) as Named[]).sort(byPosition),
    observers: campaign.observers,
    drawnFrom,
    joined: ref.joined,
    can: {
      edit: can(actor, "campaign.edit", ref),
      join: can(actor, "campaign.join", ref),
      leave: can(actor, "campaign.leave", ref),
      record: can(actor, "visit.record", ref),
    },
  };
}

export async function joinCampaign(actor: Actor, id: string) {
  const campaign = await campaignRef(actor, id);
  assertCan(actor, "campaign.join", campaign);
  await db.campaignMember.create({ data: { campaignId: id, userId: actor.id } });
}

export async function leaveCampaign(actor: Actor, id: string) {
  const campaign = await campaignRef(actor, id);
  assertCan(actor, "campaign.leave", campaign);
  await db.campaignMember.delete({ where: { campaignId_userId: { campaignId: id, userId: actor.id } } });
}

export type VisitInput = {
  id: string;
  day: Day;
  /** seconds after midnight, Rome's clock */
  arrival: number;
  start: number | null;
  end: number | null;
  stops: string[];
  serviceId: string | null;
  outcome: Outcome;
  channel: string;
  note: string;
};

/**
 * Records one visit. The id comes from the recording page: a visit sent again (the answer was
 * lost on the way back, a second tap, the phone's queue after the network returns) finds its
 * twin and is stored once. Impossible values come back as a field's problem.
 *
 * The phone's queue sends visits one after another all day, so this is on the fast path
 * (decision 0013): the campaign's checks from getCampaign's one statement, and the visit
 * with its stops written in one synchronous transaction that first looks for its twin.
 */
export async function recordVisit(actor: Actor, campaignId: string, input: VisitInput) {
  // The same one statement as the campaign's pages (404 when there is none).
  const campaign = await getCampaign(actor, campaignId);
  assertCan(actor, "visit.record", { groupId: campaign.groupId, joined: campaign.joined });
  const problem = checkVisit(input, campaign);
  if (problem) return { ok: false as const, ...problem };

  const twin = Prisma.sql`SELECT "campaignId" FROM "Visit" WHERE "id" = ${input.id}`;
  const wait = input.start === null ? null : input.start - input.arrival;
  const service = input.start === null || input.end === null ? null : input.end - input.start;
  const visit = Prisma.sql`
    INSERT INTO "Visit" ("id", "campaignId", "recordedById", "day", "arrivalMinute", "hour", "weekday", "placeId",
      "stopCount", "serviceId", "waitSeconds", "serviceSeconds", "outcome", "channel", "note", "createdAt")
    VALUES (${input.id}, ${campaignId}, ${actor.id}, ${input.day}, ${Math.floor(input.arrival / 60)},
      ${Math.floor(input.arrival / 3600)}, ${(new Date(`${input.day}T12:00:00Z`).getUTCDay() + 6) % 7},
      ${input.stops[0]!}, ${input.stops.length}, ${input.serviceId}, ${wait}, ${service}, ${input.outcome},
      ${input.channel}, ${input.note}, ${new Date()})`;
  const stops = Prisma.sql`INSERT INTO "VisitStop" ("visitId", "position", "placeId") VALUES ${Prisma.join(
    input.stops.map((placeId, position) => Prisma.sql`(${input.id}, ${position}, ${placeId})`),
  )}`;
  // The twin is looked for inside the transaction that writes: two copies arriving at once are
  // written one after the other on the one connection, and the second finds the first.
  const written =
    writeNow((sql) => {
      const found = sql.get<{ campaignId: string }>(twin);
      if (found) return { twinIn: found.campaignId };
      sql.run(visit);
      sql.run(stops);
      return { twinIn: null };
    }) ??
    // One of Prisma's transactions is open on the connection: the same statements, through Prisma.
    (await db.$transaction(async (tx) => {
      const [found] = await tx.$queryRaw<{ campaignId: string }[]>(twin);
      if (found) return { twinIn: found.campaignId };
      await tx.$executeRaw(visit);
      await tx.$executeRaw(stops);
      return { twinIn: null };
    }));
  if (written.twinIn !== null) {
    // The same id in another campaign is not a repeat but a forgery or a clash: refuse it.
    if (written.twinIn !== campaignId) httpError(409, "obs.visitClash");
    return { ok: true as const, repeated: true };
  }
  await refreshIndicators(campaignId);
  return { ok: true as const, repeated: false };
}

function checkVisit(
  input: VisitInput,
  campaign: { startsOn: string; endsOn: string; places: { id: string }[]; services: { id: string }[] },
): Problem | null {
  if (input.day < campaign.startsOn || input.day > campaign.endsOn) return { field: "day", key: "obs.dayOutside" };
  if (input.day > today()) return { field: "day", key: "obs.dayFuture" };
  const places = new Set(campaign.places.map((place) => place.id));
  const missing = input.stops.findIndex((placeId) => !places.has(placeId));
  if (input.stops.length === 0) return { field: "stop0", key: "obs.placeRequired" };
  if (missing >= 0) return { field: `stop${missing}`, key: "obs.unknownPlace" };
  if (input.serviceId && !campaign.services.some((service) => service.id === input.serviceId))
    return { field: "serviceId", key: "obs.unknownPlace" };
  if (input.end !== null && input.start === null) return { field: "start", key: "obs.startMissing" };
  if (input.start !== null && input.start < input.arrival) return { field: "start", key: "obs.startBeforeArrival" };
  if (input.start !== null && input.end !== null && input.end < input.start)
    return { field: "end", key: "obs.endBeforeStart" };
  if (input.start !== null && input.start - input.arrival > OBSERVE_LIMITS.maxSeconds)
    return { field: "start", key: "obs.tooLongWait" };
  if (input.start !== null && input.end !== null && input.end - input.start > OBSERVE_LIMITS.maxSeconds)
    return { field: "end", key: "obs.tooLongWait" };
  return null;
}

/** The visits this person recorded in a campaign lately: to check them, and to remove a mistaken one. */
export async function myVisits(actor: Actor, campaignId: string) {
  return db.visit.findMany({
    where: { campaignId, recordedById: actor.id },
    orderBy: { createdAt: "desc" },
    take: 10,
    select: {
      id: true,
      day: true,
      arrivalMinute: true,
      outcome: true,
      waitSeconds: true,
      serviceSeconds: true,
      stops: { orderBy: { position: "asc" }, select: { place: { select: { name: true } } } },
    },
  });
}

export async function deleteVisit(actor: Actor, campaignId: string, visitId: string) {
  const ref = await campaignRef(actor, campaignId);
  const visit = await db.visit.findFirst({ where: { id: visitId, campaignId }, select: { recordedById: true } });
  if (!visit) httpError(404);
  assertCan(actor, "visit.delete", { ...ref, recordedById: visit.recordedById });
  await db.visit.delete({ where: { id: visitId } });
  await refreshIndicators(campaignId);
}

/** Every visit of a campaign, for the CSV export: one row per visit, the places in order. */
export async function visitRows(campaignId: string) {
  return db.visit.findMany({
    where: { campaignId },
    orderBy: [{ day: "asc" }, { arrivalMinute: "asc" }],
    select: {
      id: true,
      day: true,
      arrivalMinute: true,
      waitSeconds: true,
      serviceSeconds: true,
      outcome: true,
      channel: true,
      note: true,
      service: { select: { name: true } },
      stops: { orderBy: { position: "asc" }, select: { place: { select: { name: true } } } },
    },
  });
}

/** The days a visit may be recorded on today: inside the campaign and not after today. */
export function recordableDays(campaign: { startsOn: string; endsOn: string }) {
  const last = campaign.endsOn < today() ? campaign.endsOn : today();
  return { first: campaign.startsOn, last, open: last >= campaign.startsOn, next: addDays(last, 1) };
}

/** A fresh id for the recording form without JavaScript (with it, the page makes its own). */
export function newVisitId() {
  return randomBytes(16).toString("base64url");
}
