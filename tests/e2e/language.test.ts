import { describe, expect, it } from "vitest";
import { login, watchedContext } from "../support/browser";
import { useServer } from "../support/harness";
import { PASSWORD } from "../support/scenario";

const h = useServer({ browser: true });

/**
 * Each page ships only its own language: English is loaded before hydrating an English page,
 * and after switching language in the profile (without a reload) the interface follows.
 */
describe("English", () => {
  it(
    "switching language in the profile changes the interface at once, and " + "an English page hydrates in English",
    async () => {
      const side = await watchedContext(h.browser, h.server.url);
      const page = await side.context.newPage();
      const scripts: string[] = [];
      page.on("request", (request) => {
        if (request.resourceType() === "script") scripts.push(request.url());
      });
      await login(page, h.server.url, "dipendente@test.example", PASSWORD);
      // The profile is a page drawn by the server (no JavaScript): the answer to saving is English.
      await page.goto(`${h.server.url}/profilo`);
      await page.getByLabel("Lingua dell'interfaccia", { exact: true }).selectOption("en");
      await page.getByRole("button", { name: "Salva il profilo" }).click();
      await page.getByRole("button", { name: "Save profile" }).waitFor();
      expect(await page.getByRole("link", { name: "Ideas", exact: true }).first().isVisible()).toBe(true);

      // A fresh English page: hydrated (a client-side navigation works) and still in English, its
      // English messages a script of their own.
      scripts.length = 0;
      await page.goto(`${h.server.url}/notifiche`);
      await page.waitForFunction(() => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined);
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
      expect(scripts.filter((url) => /\/en-\w+\.js$/.test(url))).toHaveLength(1);
      await page.getByRole("link", { name: "Groups", exact: true }).first().click();
      await page.waitForURL("**/gruppi");
      await page.getByRole("heading", { level: 1, name: "Working groups" }).waitFor();
      await side.context.close();
      expect(side.problems).toEqual([]);
    },
  );
});
