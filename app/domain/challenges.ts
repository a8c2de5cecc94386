/** Challenges (issue 23): what the forms and the pages share with the server. */
export const CHALLENGE_LIMITS = {
  title: 200,
  description: 5000,
  conclusion: 10_000,
  /** how long a challenge may stay open, in days */
  maxDays: 180,
  /** how far ahead it may open, in days */
  maxAhead: 366,
} as const;

export type ChallengeState = "PROSSIMA" | "APERTA" | "CHIUSA" | "CONCLUSA";

/** Where a challenge stands on a day (Rome): not open yet, open, closed, concluded by the Cabina. */
export function challengeState(
  challenge: { opensOn: string; closesOn: string; concludedAt: Date | string | null },
  day: string,
): ChallengeState {
  if (challenge.concludedAt) return "CONCLUSA";
  if (day < challenge.opensOn) return "PROSSIMA";
  return day <= challenge.closesOn ? "APERTA" : "CHIUSA";
}
