import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDate, romeDay } from "~/lib/dates";
import { registerCatalogue, translator } from "~/lib/i18n";
import { en } from "~/lib/i18n/en";
import { it as itCatalogue } from "~/lib/i18n/it";

// As the server does at start (entry.server.tsx).
registerCatalogue("en", en);

describe("message catalogues", () => {
  it("English has exactly the Italian keys, none empty", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(itCatalogue).sort());
    for (const [key, value] of Object.entries(en)) expect(value.trim(), key).not.toBe("");
  });

  it("keeps the same {placeholders} in both languages", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(itCatalogue) as (keyof typeof itCatalogue)[]) {
      expect(names(en[key]), key).toEqual(names(itCatalogue[key]));
    }
  });

  it("every key used in the code exists", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory() && entry.name !== "generated") walk(full);
        else if (/\.tsx?$/.test(entry.name) && !full.includes(`${path.sep}i18n${path.sep}`)) files.push(full);
      }
    };
    walk("app");
    const used = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(file, "utf8").matchAll(/\bt\(\s*"([a-zA-Z0-9.]+)"/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    for (const key of used) expect(Object.hasOwn(itCatalogue, key), key).toBe(true);
  });

  it("every message key written as a string elsewhere (schemas, actions, flashes) exists", () => {
    const policy = ["app/domain/policy.server.ts", "app/domain/policy-shared.ts"]
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
    const actions = new Set([...policy.matchAll(/^\s+"([a-z]+\.[a-zA-Z.]+)": /gm)].map((m) => m[1]));
    const prefixes = new Set(Object.keys(itCatalogue).map((key) => key.split(".")[0]));
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory() && entry.name !== "generated" && entry.name !== "i18n") walk(full);
        else if (/\.tsx?$/.test(entry.name)) files.push(full);
      }
    };
    walk("app");
    // Audit kinds (audit(tx, actor, "phase.create", …)) are codes, not messages.
    for (const file of files) {
      for (const match of readFileSync(file, "utf8").matchAll(/audit\(tx, [^,]+, "([^"]+)"/g)) actions.add(match[1]!);
    }
    const missing = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(file, "utf8").matchAll(/"([a-z]+)\.([a-zA-Z]+(?:\.[a-zA-Z]+)*)"/g)) {
        const key = `${match[1]}.${match[2]}`;
        if (prefixes.has(match[1]!) && !actions.has(key) && !Object.hasOwn(itCatalogue, key))
          missing.add(`${key} (${file})`);
      }
    }
    expect([...missing]).toEqual([]);
  });

  it("fills parameters and leaves unknown ones visible", () => {
    const t = translator("it");
    expect(t("phase.banner", { name: "Esplorazione delle idee" })).toBe(
      "Oggi siamo nella fase: Esplorazione delle idee",
    );
    expect(translator("en")("phase.banner", {})).toBe("Current phase: {name}");
  });
});

describe("dates in Europe/Rome", () => {
  it("shows the Roman calendar day, not UTC's", () => {
    // 23:30 UTC on 31 December is already 1 January in Rome (UTC+1).
    expect(formatDate("2026-12-31T23:30:00Z", "it")).toBe("1 gennaio 2027");
    expect(romeDay("2026-12-31T23:30:00Z")).toBe("2027-01-01");
    expect(formatDate("2026-12-31T23:30:00Z", "en")).toBe("1 January 2027");
  });

  it("follows summer time (UTC+2) and its changes", () => {
    expect(formatDate("2026-07-01T22:30:00Z", "it", "dateTime")).toBe("2 luglio 2026 alle ore 00:30");
    // Clocks go back at 03:00 on 25 October 2026: 00:30 UTC is 02:30 CEST, 01:30 UTC is 02:30 CET.
    expect(formatDate("2026-10-25T00:30:00Z", "it", "dateTime")).toBe("25 ottobre 2026 alle ore 02:30");
    expect(formatDate("2026-10-25T01:30:00Z", "it", "dateTime")).toBe("25 ottobre 2026 alle ore 02:30");
  });

  it(
    "gives the same day as Intl for every minute around midnight and both " +
      "clock changes, remembered by hour or not",
    () => {
      const day = new Intl.DateTimeFormat("en-CA", {
        timeZone: "Europe/Rome",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      });
      const long = new Intl.DateTimeFormat("it-IT", {
        timeZone: "Europe/Rome",
        day: "numeric",
        month: "long",
        year: "numeric",
      });
      for (const from of ["2026-03-28T18:00:00Z", "2026-10-24T18:00:00Z", "2026-12-31T20:00:00Z"]) {
        const start = Date.parse(from);
        // Minute 59 first, so that a wrong memory of the hour would show on the minutes after it.
        for (let hour = 0; hour < 12; hour++) {
          for (const minute of [59, 0, 1, 30]) {
            const instant = new Date(start + hour * 3_600_000 + minute * 60_000);
            expect(romeDay(instant), instant.toISOString()).toBe(day.format(instant));
            expect(formatDate(instant, "it"), instant.toISOString()).toBe(long.format(instant));
          }
        }
      }
    },
  );

  it("gives the same time as Intl for every second around both clock changes, remembered by minute or not", () => {
    const withTime = new Intl.DateTimeFormat("it-IT", {
      timeZone: "Europe/Rome",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    });
    for (const change of ["2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z"]) {
      const at = Date.parse(change);
      // The last seconds before the change first, so that a wrong memory would show after it.
      for (const offset of [-61, -60, -59, -1, 0, 1, 59, 60, 61]) {
        for (const second of [59, 0, 30]) {
          const instant = new Date(at + offset * 60_000 + second * 1000);
          expect(formatDate(instant, "it", "dateTime"), instant.toISOString()).toBe(withTime.format(instant));
        }
      }
    }
  });
});
