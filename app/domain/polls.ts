/** Staff polls (issue 23): what the form and the pages share with the server. */
export const POLL_LIMITS = {
  question: 200,
  description: 2000,
  option: 120,
  minOptions: 2,
  maxOptions: 10,
  /** Below this many voters, no option's count is shown: only how many voted. */
  minVotersForResults: 5,
  /** How far ahead a poll may end, in days. */
  maxDays: 366,
} as const;

/** When the results show: to each voter once they voted, or to everyone at the end. */
export const POLL_RESULTS = ["AFTER_VOTE", "AFTER_END"] as const;
export type PollResults = (typeof POLL_RESULTS)[number];
