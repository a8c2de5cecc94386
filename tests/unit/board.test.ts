import { describe, expect, it } from "vitest";
import { groupState, median, weightedProgress } from "~/domain/board";

describe("red / amber / green", () => {
  it.each([
    [{ active: 0, late: 0, needsUpdate: 0, blocked: 0 }, "green"],
    [{ active: 4, late: 0, needsUpdate: 0, blocked: 0 }, "green"],
    [{ active: 4, late: 0, needsUpdate: 1, blocked: 0 }, "amber"],
    [{ active: 4, late: 1, needsUpdate: 0, blocked: 0 }, "amber"], // 25% late
    [{ active: 3, late: 1, needsUpdate: 0, blocked: 0 }, "red"], // exactly a third
    [{ active: 7, late: 2, needsUpdate: 3, blocked: 0 }, "amber"], // 28.6%
    [{ active: 6, late: 2, needsUpdate: 0, blocked: 0 }, "red"], // 33.3%
    [{ active: 9, late: 0, needsUpdate: 0, blocked: 1 }, "red"],
  ] as const)("%j → %s", (figures, state) => {
    expect(groupState(figures)).toBe(state);
  });
});

describe("figures", () => {
  it("weights progress by planned duration", () => {
    expect(
      weightedProgress([
        { progress: 100, days: 10 },
        { progress: 0, days: 30 },
      ]),
    ).toBe(25);
    expect(weightedProgress([{ progress: 50, days: 0 }])).toBe(50);
    expect(weightedProgress([])).toBeNull();
  });

  it("takes the median of odd and even lists", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
