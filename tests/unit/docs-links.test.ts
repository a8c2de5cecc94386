import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The documents point at files that exist: every `docs/decisions/NNNN-….md` named in the code and
 * the docs, and every relative link of the Markdown files (README, SECURITY, the decisions).
 */
const ROOT = path.resolve(import.meta.dirname, "../..");

function files(dir: string, ending: RegExp): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : files(relative, ending);
    return ending.test(entry.name) ? [relative] : [];
  });
}

const markdown = ["README.md", "SECURITY.md", ...files("docs", /\.md$/)];
const code = [...files("app", /\.tsx?$/), ...files("tests", /\.ts$/), ...files("prisma", /\.(ts|mjs|sql)$/)];

describe("links in the documents and the code", () => {
  it("name decision records that exist", () => {
    const broken: string[] = [];
    for (const file of [...markdown, ...code, "eslint.config.js", "scripts/node24.mjs"]) {
      for (const [name] of readFileSync(path.join(ROOT, file), "utf8").matchAll(/docs\/decisions\/[\w.-]+\.md/g))
        if (!existsSync(path.join(ROOT, name))) broken.push(`${file}: ${name}`);
    }
    expect(broken).toEqual([]);
  });

  it("point relative Markdown links at files that exist", () => {
    const broken: string[] = [];
    for (const file of markdown) {
      for (const [, target] of readFileSync(path.join(ROOT, file), "utf8").matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue;
        if (!existsSync(path.resolve(path.dirname(path.join(ROOT, file)), target!))) broken.push(`${file}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
