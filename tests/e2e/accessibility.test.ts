import { describe, expect, it } from "vitest";
import { expectAccessible, login, watchedContext } from "../support/browser";
import { useServer } from "../support/harness";
import { PASSWORD } from "../support/scenario";

const h = useServer({ browser: true });

describe("accessibility (axe-core, WCAG 2.1 AA)", () => {
  it("the login page, also with its error message", async () => {
    const { context, problems } = await watchedContext(h.browser, h.server.url);
    const page = await context.newPage();
    await page.goto(`${h.server.url}/login`);
    await expectAccessible(page);
    await page.getByLabel("Email").fill("qualcuno@test.example");
    await page.getByLabel("Password").fill("sbagliata-ancora");
    await page.getByRole("button", { name: "Accedi" }).click();
    await page.getByText("Email o password non corrette.").waitFor();
    await expectAccessible(page);
    await context.close();
    expect(problems).toEqual([]);
  });

  it.each([
    "/",
    "/gruppi/logistica",
    "/admin/utenti",
    "/admin/gruppi",
    "/admin/privacy",
    "/profilo",
    "/gruppi",
    "/accessibilita",
    "/non-esiste",
  ])("%s as the admin, on a desktop and on a 360 px phone", async (path) => {
    const { context, problems } = await watchedContext(h.browser, h.server.url);
    const page = await context.newPage();
    await login(page, h.server.url, "admin@test.example", PASSWORD);
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${h.server.url}${path}`);
      await expectAccessible(page);
      // Nothing wider than the screen at 360 px, except inside a scrollable table.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(0);
    }
    await context.close();
    expect(problems).toEqual([]);
  });

  it("starts every page with a skip link to the main content, and shows focus", async () => {
    const { context } = await watchedContext(h.browser, h.server.url);
    const page = await context.newPage();
    await login(page, h.server.url, "dipendente@test.example", PASSWORD);
    await page.goto(`${h.server.url}/gruppi`);
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { text: el.textContent, href: el.getAttribute("href"), outline: getComputedStyle(el).outlineStyle };
    });
    expect(focused).toMatchObject({ text: "Vai al contenuto principale", href: "#contenuto" });
    expect(focused.outline).not.toBe("none");
    await context.close();
  });
});

describe("focus after a navigation", () => {
  it("moves to the main content, so a screen reader starts reading the new page", async () => {
    const { context } = await watchedContext(h.browser, h.server.url);
    const page = await context.newPage();
    await login(page, h.server.url, "dipendente@test.example", PASSWORD);
    await page.getByRole("link", { name: "Gruppi", exact: true }).first().click();
    await page.waitForURL("**/gruppi");
    await page.waitForFunction(() => document.activeElement?.id === "contenuto");
    await context.close();
  });
});
