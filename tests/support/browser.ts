import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";
import { CHROME_PATH } from "./paths";

/** Debian's Chromium, headless, with nothing that would reach outside this machine. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROME_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * A browser context that records what should never happen: a request to another origin
 * (the intranet must work offline), a CSP violation or a script error.
 */
export async function watchedContext(browser: Browser, base: string, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: "it-IT",
    timezoneId: "Europe/Rome",
  });
  // Shorter than the test's own timeout, so a stuck step names itself.
  context.setDefaultTimeout(20_000);
  const problems: string[] = [];
  const origin = new URL(base).origin;
  context.on("request", (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin && url.protocol !== "data:") problems.push(`external request: ${request.url()}`);
  });
  context.on("page", (page) => watchPage(page, problems));
  return { context, problems };
}

function watchPage(page: Page, problems: string[]) {
  page.on("console", (message) => {
    // A 4xx answer to a form (wrong password, field errors) is a page like any other.
    const expected = /Failed to load resource: the server responded with a status of 4\d\d/.test(message.text());
    if (message.type() === "error" && !expected) problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
}

export async function login(page: Page, base: string, email: string, password: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Accedi" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** axe-core with the WCAG 2.1 A and AA rules: no serious or critical violation allowed. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} → ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(bad, `${page.url()}`).toEqual([]);
  return results;
}

export type { Browser, BrowserContext, Page };
