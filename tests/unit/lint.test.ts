import { readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";

/**
 * The rules `npm run lint` (part of `npm test`) holds the code to, shown failing on files that
 * break them on purpose (tests/lint/fixtures), each linted as if it stood where it would do harm.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURES = path.join(ROOT, "tests/lint/fixtures");
const eslint = new ESLint({ cwd: ROOT });

async function problems(fixture: string, standsAt: string) {
  const [result] = await eslint.lintText(readFileSync(path.join(FIXTURES, fixture), "utf8"), {
    filePath: path.join(ROOT, standsAt),
  });
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe("the linter", () => {
  it("passes a file that keeps the rules", async () => {
    expect(await problems("clean.tsx", "app/components/lint-fixture.tsx")).toEqual([]);
  });

  it.each([
    ["route-reads-database.tsx", "app/routes/lint-fixture.tsx", /no-restricted-imports: .*non toccano il database/],
    [
      "component-imports-server.tsx",
      "app/components/lint-fixture.tsx",
      /no-restricted-imports: .*niente moduli \.server/,
    ],
    ["domain-imports-route.ts", "app/domain/lint-fixture.server.ts", /no-restricted-imports: .*non dipende da pagine/],
    ["lib-imports-domain.ts", "app/lib/lint-fixture.ts", /no-restricted-imports: .*non conosce il dominio/],
    ["domain-raw-sql.ts", "app/domain/lint-fixture.server.ts", /no-restricted-syntax: SQL scritto a mano/],
    ["long-line.ts", "app/lib/lint-fixture.ts", /pionieri\/line-width: Riga di 1\d\d caratteri: il limite è 120/],
    ["hook-in-condition.tsx", "app/components/lint-fixture.tsx", /react-hooks\/rules-of-hooks/],
  ])("refuses %s where it stands at %s", async (fixture, standsAt, expected) => {
    const found = await problems(fixture, standsAt);
    expect(
      found.some((problem) => expected.test(problem)),
      found.join("\n"),
    ).toBe(true);
  });

  it("allows raw SQL in the hot paths decision 0013 names, and nowhere else in the domain", async () => {
    expect(await problems("domain-raw-sql.ts", "app/domain/idea-list.server.ts")).toEqual([]);
    expect((await problems("domain-raw-sql.ts", "app/domain/ideas.server.ts")).length).toBeGreaterThan(0);
  });
});

describe("the formatter", () => {
  it("finds a file not written as Prettier writes it", async () => {
    const file = path.join(FIXTURES, "unformatted.ts");
    const options = await prettier.resolveConfig(path.join(ROOT, "app/lib/x.ts"));
    expect(await prettier.check(readFileSync(file, "utf8"), { ...options, filepath: file })).toBe(false);
    const clean = path.join(FIXTURES, "clean.tsx");
    expect(await prettier.check(readFileSync(clean, "utf8"), { ...options, filepath: clean })).toBe(true);
  });

  it("is part of npm test, with the linter and the unused-export check", () => {
    const scripts = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts as Record<string, string>;
    expect(scripts.test).toContain("npm run lint");
    expect(scripts.lint).toMatch(/prettier --check .*eslint .*knip/);
  });
});
