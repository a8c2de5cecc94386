import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The Italian catalogue travels in parts (app/lib/i18n/messages): a page's translator has the core
 * and the parts its route lists in its handle (`handle = { messages: [ideasMessages] }`). This
 * checks, from the sources, that every page lists every part it can show and no part it cannot:
 * the keys written in its modules (its own file, the components and libraries it imports, the
 * root's) and the keys its server modules hand back to the page as form errors. Refusals
 * (httpError, errorResponse) and flash messages are left out: the server translates those.
 */
const APP = path.resolve(import.meta.dirname, "../../app");
const MESSAGES = path.join(APP, "lib/i18n/messages");

const partOf = new Map<string, string>();
for (const file of readdirSync(MESSAGES)) {
  const part = file.replace(/\.ts$/, "");
  for (const [, key] of readFileSync(path.join(MESSAGES, file), "utf8").matchAll(
    /^ {2}"([a-zA-Z][a-zA-Z0-9]*\.[^"]+)":/gm,
  ))
    partOf.set(key!, part);
}
const allKeys = [...partOf.keys()];

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("~/")
    ? path.join(APP, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")])
    if (existsSync(candidate) && candidate.match(/\.tsx?$/)) return candidate;
  return null;
}

const imports = (file: string) =>
  [...readFileSync(file, "utf8").matchAll(/^import\s+(?:type\s+)?(?:[^"']*from\s+)?["']([^"']+)["']/gm)]
    .filter((m) => !m[0].startsWith("import type"))
    .map((m) => resolve(file, m[1]!))
    .filter((f): f is string => f !== null);

/** The modules a file brings into the browser (server modules are left out of the browser build). */
function clientGraph(entry: string, seen = new Set<string>()) {
  if (seen.has(entry) || /\.server\.tsx?$/.test(entry)) return seen;
  seen.add(entry);
  for (const next of imports(entry)) clientGraph(next, seen);
  return seen;
}

/** The server modules a route calls, through each other. */
function serverGraph(entry: string, seen = new Set<string>()) {
  for (const next of imports(entry)) {
    if (!/\.server\.tsx?$/.test(next) || seen.has(next)) continue;
    seen.add(next);
    serverGraph(next, seen);
  }
  return seen;
}

function keysIn(source: string) {
  const keys = new Set<string>();
  for (const [, key] of source.matchAll(/["']([a-zA-Z][a-zA-Z0-9]*\.[A-Za-z0-9_.]+)["']/g))
    if (partOf.has(key!)) keys.add(key!);
  for (const [, prefix] of source.matchAll(/`([a-zA-Z][a-zA-Z0-9]*\.[A-Za-z0-9_.]*)\$\{/g))
    for (const key of allKeys) if (key.startsWith(prefix!)) keys.add(key);
  return keys;
}

/** The keys a module can put on the page itself: not a refusal, not a flash, not a policy action's name. */
function shownKeysIn(source: string) {
  const stripped = source.replace(
    /(httpError|errorResponse|redirectWithFlash|flashCookie|assertCan|can)\([^)]*\)/g,
    "",
  );
  return keysIn(stripped);
}

/** The parts a route lists in its handle, by the names its messages are imported under. */
function declaredParts(source: string): string[] | null {
  const handle = new RegExp(
    String.raw`export const handle: PageHandle = \{\s*messages: \[([^\]]*)\],?` +
      String.raw`(?:\s*chrome: "\w+",?)?(?:\s*hydrate: false,?)?(?:\s*calledFromHydratedPages: true,?)?\s*\};`,
  ).exec(source);
  if (!handle) return null;
  return handle[1]!
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => name.replace(/Messages$/, ""));
}

const root = path.join(APP, "root.tsx");
const routes = readdirSync(path.join(APP, "routes")).map((file) => path.join(APP, "routes", file));
const pages = routes.filter((route) => /^export default function/m.test(readFileSync(route, "utf8")));

describe("Italian catalogue in parts", () => {
  it("has every key in exactly one part, and the parts are what it.ts joins", () => {
    expect(partOf.size).toBeGreaterThan(600);
    const joined = readFileSync(path.join(APP, "lib/i18n/it.ts"), "utf8");
    for (const part of new Set(partOf.values())) expect(joined).toContain(`./messages/${part}"`);
  });

  it("leaves the parts free of imports (no module registers itself)", () => {
    for (const file of readdirSync(MESSAGES))
      expect(readFileSync(path.join(MESSAGES, file), "utf8")).not.toMatch(/^import /m);
  });

  it("declares parts only on pages (a resource route has nothing to translate in the browser)", () => {
    for (const route of routes.filter((r) => !pages.includes(r)))
      expect(declaredParts(readFileSync(route, "utf8")), path.basename(route)).toBeNull();
  });

  for (const route of pages) {
    it(`gives ${path.basename(route)} every part it shows, and no other`, () => {
      const source = readFileSync(route, "utf8");
      const declared = new Set(["core", ...(declaredParts(source) ?? [])]);
      const needed = new Map<string, string>();
      // The policy's action names ("board.freeze") look like keys but are never shown.
      for (const file of new Set([...clientGraph(root), ...clientGraph(route)]))
        if (
          !/domain\/policy(\.server|-shared)\.ts$/.test(file) &&
          !file.startsWith(MESSAGES) &&
          !file.endsWith("i18n/it.ts")
        )
          for (const key of shownKeysIn(readFileSync(file, "utf8"))) needed.set(key, path.relative(APP, file));
      for (const file of serverGraph(route)) {
        if (/domain\/policy(\.server|-shared)\.ts$/.test(file)) continue;
        const source = readFileSync(file, "utf8");
        // A module with its own server translator (the e-mails) hands back text, never keys.
        if (/\btranslator\(/.test(source)) continue;
        for (const key of shownKeysIn(source)) if (!needed.has(key)) needed.set(key, path.relative(APP, file));
      }
      const missing = [...needed]
        .filter(([key]) => !declared.has(partOf.get(key)!))
        .map(([key, file]) => `${key} [${partOf.get(key)}] (${file})`);
      expect(missing).toEqual([]);
      const used = new Set([...needed.keys()].map((key) => partOf.get(key)));
      expect([...declared].filter((part) => part !== "core" && !used.has(part))).toEqual([]);
    });
  }
});
