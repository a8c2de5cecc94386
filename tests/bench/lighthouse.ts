/**
 * Lighthouse (13, a dev dependency) in Debian's Chromium, as a logged-in colleague (the session cookie goes with
 * every request). Lighthouse's default: a mid-range phone on a slow 4G network, simulated.
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

export type LighthouseResult = {
  name: string;
  path: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  failing: string[];
};

const FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export async function lighthouseScores(base: string, cookie: string, pages: { name: string; path: string }[]) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: FLAGS,
  });
  const results: LighthouseResult[] = [];
  try {
    for (const page of pages) {
      const run = await lighthouse(base + page.path, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices"],
        extraHeaders: { Cookie: cookie },
      });
      if (!run) throw new Error(`Lighthouse non ha prodotto risultati per ${page.path}`);
      const { categories, audits } = run.lhr;
      const score = (id: string) => Math.round(100 * (categories[id]?.score ?? 0));
      const failing = Object.values(audits)
        .filter(
          (audit) =>
            audit.score !== null &&
            audit.score < 0.9 &&
            audit.scoreDisplayMode !== "informative" &&
            audit.scoreDisplayMode !== "manual",
        )
        .map((audit) => `${audit.id}: ${audit.displayValue ?? audit.score}`);
      results.push({
        name: page.name,
        path: page.path,
        performance: score("performance"),
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        failing,
      });
      const toImprove = failing.length ? ` (da migliorare: ${failing.join("; ")})` : "";
      console.log(
        `Lighthouse ${page.path}: prestazioni ${score("performance")}, ` +
          `accessibilità ${score("accessibility")}, buone pratiche ${score("best-practices")}${toImprove}`,
      );
    }
  } finally {
    chrome.kill();
  }
  return results;
}
