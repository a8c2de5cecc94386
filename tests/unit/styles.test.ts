import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The stylesheet is built from a chosen part of Bootstrap Italia (app/styles/main.scss): every
 * class the markup names must exist in it, or a page silently loses its layout.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const css = readFileSync(path.join(ROOT, "app/styles/generated/main.css"), "utf8");

/** Classes that style nothing on purpose: names for tests, forms and SVG parts drawn by attributes. */
const HOOKS = new Set<string>([
  "pionieri-board-table",
  "pionieri-group-title",
  "pionieri-idea-form",
  "pionieri-revisions",
  "pionieri-support-count",
  "pionieri-objective-form",
  "tl-bar-fill",
  "tl-overrun",
  "tl-bar",
  "pionieri-link-alert",
  "pionieri-anonymise",
  "pionieri-timeline-page",
  "pionieri-idea",
  "is-read",
]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function classNames(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/className=(?:"([^"]*)"|\{`([^`]*)`\}|\{"([^"]*)"\})/g)) {
    const text = (match[1] ?? match[2] ?? match[3] ?? "").replace(/\$\{[^}]*\}/g, " ");
    found.push(...text.split(/\s+/).filter((token) => /^[a-z][a-z0-9-]*$/.test(token)));
  }
  // Class lists built in code: string literals that look like class lists next to a className.
  for (const match of source.matchAll(/className=\{[^}]*\?\s*"([^"]*)"\s*:\s*"([^"]*)"\s*\}/g)) {
    found.push(...`${match[1]} ${match[2]}`.split(/\s+/).filter((token) => /^[a-z][a-z0-9-]*$/.test(token)));
  }
  return found;
}

describe("stylesheet", () => {
  const used = new Map<string, string>();
  for (const file of sources(path.join(ROOT, "app"))) {
    for (const name of classNames(readFileSync(file, "utf8")))
      if (!used.has(name)) used.set(name, path.relative(ROOT, file));
  }

  it("finds the markup's classes (the scan itself works)", () => {
    expect(used.size).toBeGreaterThan(100);
    expect(used.has("mb-4")).toBe(true);
  });

  it("has a rule for every class the pages use", () => {
    const missing = [...used]
      .filter(([name]) => !HOOKS.has(name))
      // A name ending in "-" is completed in code (`pionieri-status-${status}`): some rule must start with it.
      .filter(
        ([name]) =>
          !new RegExp(`\\.${name.replace(/[-]/g, "\\-")}${name.endsWith("-") ? "[a-z0-9]" : "(?![a-z0-9_-])"}`).test(
            css,
          ),
      )
      .map(([name, file]) => `${name} (${file})`);
    expect(missing).toEqual([]);
  });
});
