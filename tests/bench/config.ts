/** What the benchmark data holds and where: shared by the generator and the runner. */
export const BENCH = {
  users: 5_000,
  ideas: 20_000,
  supports: 300_000,
  comments: 100_000,
  objectives: 600,
  updates: 6_000,
  /** The idea with exactly 200 comments that the benchmark opens. */
  busyIdea: 4_242,
  /** Observing and listening (issue 15): one campaign's visits, one survey's citizens. */
  visits: 100_000,
  surveyResponses: 100_000,
  campaign: "bcampaign0001",
  survey: "bsurvey00001",
  /** The QR poster's token of the survey's first place (the flood of answers goes there). */
  qrToken: "bqrtoken00000000000000",
  /** Staff polls (issue 23): how many, and the busiest one's ballots. */
  polls: 40,
  poll: "bpoll0000000",
  pollBallots: 3_000,
  /** Group meetings (issue 23): the benchmark's group page shows a group with this many. */
  meetings: 50,
  meetingGroup: "informatica",
  /** A challenge (issue 23) with this many ideas answering it. */
  challenge: "bchallenge000",
  challengeIdeas: 500,
} as const;

export const BENCH_DB = process.env.BENCH_DB ?? "tmp/bench/bench.db";
/** The generator's "now": fixed, so that the file is the same on every run. */
export const BENCH_NOW = new Date("2026-11-25T11:00:00Z");
export const BENCH_PASSWORD = "pionieri-bench";
