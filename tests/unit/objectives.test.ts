import { describe, expect, it } from "vitest";
import { isLate, needsUpdate } from "~/domain/objectives";
import { objectiveSchema } from "~/forms/schemas.server";
import { romeDayBounds } from "~/lib/dates";
import { addDays, addMonths, daysBetween, isDay, today } from "~/lib/days";
import { parseForm } from "~/lib/forms.server";
import { toCsv } from "~/lib/csv";

describe("calendar days", () => {
  it.each([
    ["2026-02-28", true],
    ["2028-02-29", true],
    ["2026-02-29", false],
    ["2026-02-30", false],
    ["2026-13-01", false],
    ["31/12/2026", false],
    ["2026-1-5", false],
    ["", false],
  ])("%j is a day: %s", (value, expected) => {
    expect(isDay(value)).toBe(expected);
  });

  it("counts days across the clock changes without losing or gaining one", () => {
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2); // clocks forward on 29 March 2026
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2); // clocks back on 25 October 2026
    expect(addDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addDays("2026-10-25", 1)).toBe("2026-10-26");
    expect(addMonths("2026-11-01", 3)).toBe("2027-02-01");
    expect(addMonths("2027-01-01", -1)).toBe("2026-12-01");
  });

  it("knows Rome's today, also in the hour when UTC is still yesterday", () => {
    expect(today(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(today(new Date("2026-07-15T22:30:00Z"))).toBe("2026-07-16");
    expect(today(new Date("2026-07-15T21:30:00Z"))).toBe("2026-07-15");
  });

  it("gives the instants where a Rome day starts and ends, on the days the clocks change too", () => {
    expect(romeDayBounds("2026-01-15")).toEqual({
      start: new Date("2026-01-14T23:00:00Z"),
      end: new Date("2026-01-15T22:59:59Z"),
    });
    expect(romeDayBounds("2026-07-15")).toEqual({
      start: new Date("2026-07-14T22:00:00Z"),
      end: new Date("2026-07-15T21:59:59Z"),
    });
    expect(romeDayBounds("2026-03-29")).toEqual({
      start: new Date("2026-03-28T23:00:00Z"),
      end: new Date("2026-03-29T21:59:59Z"),
    });
    expect(romeDayBounds("2026-10-25")).toEqual({
      start: new Date("2026-10-24T22:00:00Z"),
      end: new Date("2026-10-25T22:59:59Z"),
    });
  });
});

describe("derived flags", () => {
  const objective = { dueOn: "2026-03-29", forecastOn: null, status: "IN_CORSO", startOn: "2026-01-10" };

  it("is late from the day after the due day, in Rome", () => {
    expect(isLate(objective, "2026-03-29")).toBe(false);
    expect(isLate(objective, "2026-03-30")).toBe(true);
    // 23:30 UTC on the due day is already the next day in Rome.
    expect(isLate(objective, today(new Date("2026-03-29T21:59:00Z")))).toBe(false);
    expect(isLate(objective, today(new Date("2026-03-29T22:01:00Z")))).toBe(true);
  });

  it("is late when the forecast passes the due day, and never when completed or cancelled", () => {
    expect(isLate({ ...objective, forecastOn: "2026-04-15" }, "2026-02-01")).toBe(true);
    expect(isLate({ ...objective, forecastOn: "2026-03-29" }, "2026-02-01")).toBe(false);
    expect(isLate({ ...objective, status: "COMPLETATO" }, "2026-05-01")).toBe(false);
    expect(isLate({ ...objective, status: "ANNULLATO" }, "2026-05-01")).toBe(false);
  });

  it("needs an update after 30 Rome days without one, across the clock change", () => {
    const base = { status: "IN_CORSO", startOn: "2026-01-10", createdAt: "2026-01-10T09:00:00Z" };
    // Last update late on 26 March (Rome); 30 days later is 25 April.
    const last = "2026-03-26T22:30:00Z"; // 23:30 in Rome, 26 March
    // 24 April, 23:59 in Rome, then 25 April, 00:01
    expect(needsUpdate({ ...base, lastUpdateAt: last }, new Date("2026-04-24T21:59:00Z"))).toBe(false);
    expect(needsUpdate({ ...base, lastUpdateAt: last }, new Date("2026-04-24T22:01:00Z"))).toBe(true);
    expect(needsUpdate({ ...base, lastUpdateAt: null }, new Date("2026-02-09T12:00:00Z"))).toBe(true);
    expect(needsUpdate({ ...base, lastUpdateAt: null, startOn: "2026-06-01" }, new Date("2026-05-20T12:00:00Z"))).toBe(
      false,
    );
    expect(needsUpdate({ ...base, lastUpdateAt: null, status: "COMPLETATO" }, new Date("2026-12-01T12:00:00Z"))).toBe(
      false,
    );
  });
});

describe("the objective form", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    const all = {
      groupId: "g",
      title: "Titolo",
      startOn: "2026-01-10",
      dueOn: "2026-03-31",
      status: "IN_CORSO",
      progress: "10",
      ...fields,
    };
    for (const [name, value] of Object.entries(all)) data.set(name, value);
    return parseForm(objectiveSchema, data);
  };
  it.each([
    [{ dueOn: "2026-01-09" }, "dueOn", "v.dueBeforeStart"],
    [{ progress: "-5" }, "progress", "v.progressInvalid"],
    [{ progress: "150" }, "progress", "v.progressInvalid"],
    [{ progress: "abc" }, "progress", "v.progressInvalid"],
    [{ startOn: "2026-02-30" }, "startOn", "v.dateInvalid"],
    [{ dueOn: "31/12/2026" }, "dueOn", "v.dateFormat"],
    [{ title: "  " }, "title", "v.required"],
    [{ indicatorTarget: "dieci" }, "indicatorTarget", "v.numberInvalid"],
    [{ indicatorTarget: "10" }, "indicatorName", "v.indicatorName"],
    [{ forecastOn: "2025-12-01" }, "forecastOn", "v.forecastBeforeStart"],
  ])("%j → %s: %s", (fields, name, key) => {
    const result = form(fields);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors[name]?.key).toBe(key);
  });

  it("accepts Italian decimals in the indicator", () => {
    const result = form({ indicatorName: "Attesa", indicatorBaseline: "1.234,5", indicatorTarget: "15,25" });
    expect(result.ok && [result.data.indicatorBaseline, result.data.indicatorTarget]).toEqual([1234.5, 15.25]);
  });
});

describe("CSV for Excel", () => {
  it("starts with a BOM, separates with semicolons and neutralises formulas", () => {
    const csv = toCsv(
      ["a", "b"],
      [
        ["=SOMMA(A1)", "+39 0547"],
        ["-2", "@cmd"],
        ['testo; con "virgolette"', "ok"],
      ],
    );
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("'=SOMMA(A1);'+39 0547");
    expect(csv).toContain("'-2;'@cmd");
    expect(csv).toContain('"testo; con ""virgolette""";ok');
  });
});
