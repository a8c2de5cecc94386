import type { Actor } from "~/lib/actor";
import { db } from "~/lib/db/client.server";
import { today, type Day } from "~/lib/days";
import { formatDay } from "~/lib/dates";
import { isLocale, translator, type Locale, type Message } from "~/lib/i18n";

const localeOf = (value: string): Locale => (isLocale(value) ? value : "it");
import { openChallenges } from "./open-challenges.server";
import { challengeState } from "./challenges";
import { can } from "./policy.server";

/**
 * The one check the idea form makes of a challenge (issue 23), apart from challenges.server.ts so
 * that the form's page carries only its own words (its messages are in the part "ideaForm").
 */
/** A challenge an idea is proposed in answer to: it must exist and be open today. */
export async function challengeForIdea(
  actor: Actor,
  id: string,
  locale = "it",
  day: Day = today(),
): Promise<{ ok: true; id: string; title: string } | { ok: false; problem: Message }> {
  const challenge = await db.challenge.findUnique({
    where: { id },
    select: { id: true, title: true, groupId: true, opensOn: true, closesOn: true, concludedAt: true },
  });
  if (!challenge) return { ok: false, problem: { key: "ideas.challengeUnknown" } };
  const state = challengeState(challenge, day);
  if (!can(actor, "challenge.answer", { groupId: challenge.groupId, state }))
    return {
      ok: false,
      problem:
        state === "PROSSIMA"
          ? { key: "ideas.challengeNotOpen", params: { day: formatDay(challenge.opensOn, localeOf(locale)) } }
          : { key: "ideas.challengeClosed", params: { day: formatDay(challenge.closesOn, localeOf(locale)) } },
    };
  return { ok: true, id: challenge.id, title: challenge.title };
}

/**
 * The field to choose the challenge an idea answers (issue 23), shown when challenges are open.
 * Its words come translated with the data: this form's JavaScript is at its budget (decision 0030).
 */
export async function challengeField(locale: string, chosen: string) {
  const open = await openChallenges();
  if (open.length === 0) return null;
  const t = translator(localeOf(locale));
  return {
    label: t("ideas.fieldChallenge"),
    hint: t("ideas.fieldChallengeHint"),
    options: [
      { value: "", label: t("ideas.noChallenge") },
      ...open.map((challenge) => ({ value: challenge.id, label: challenge.title })),
    ],
    chosen: open.some((challenge) => challenge.id === chosen) ? chosen : "",
  };
}
