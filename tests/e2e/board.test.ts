import { describe, expect, it } from "vitest";
import { expectAccessible, login, watchedContext } from "../support/browser";
import { useServer } from "../support/harness";
import { ideaAt } from "../support/ideas";
import { PASSWORD } from "../support/scenario";

const h = useServer({ browser: true });

describe("a board meeting", () => {
  it(
    "decides two ideas from the queue, freezes a snapshot, compares it " + "with the previous one and prints it",
    async () => {
      const first = await ideaAt(h.server.db, h.scenario, "IN_VALUTAZIONE", { title: "Sportello anche in frazione" });
      const second = await ideaAt(h.server.db, h.scenario, "IN_VALUTAZIONE", { title: "Modulo unico per i bonus" });
      const { context, problems } = await watchedContext(h.browser, h.server.url);
      const page = await context.newPage();
      await login(page, h.server.url, "cabina@test.example", PASSWORD);

      // The previous meeting's snapshot, frozen beside the snapshots.
      await page.goto(`${h.server.url}/cabina-di-regia`);
      await page.getByRole("link", { name: "Istantanee delle riunioni" }).first().click();
      await page.waitForURL("**/cabina-di-regia/riunioni");
      await page.getByLabel(/^Data della riunione/).fill("2026-11-12");
      await page.getByRole("button", { name: "Congela l'istantanea" }).click();
      await page.getByText("Istantanea congelata.").waitFor();

      await page.goto(`${h.server.url}/cabina-di-regia`);
      for (const [idea, decision, reason] of [
        [first, "Accolta", "Porta lo Sportello dove serve."],
        [second, "Non accolta", "Già coperto dal modulo unico esistente."],
      ] as const) {
        const item = page.locator("li.pionieri-panel", { hasText: idea.title });
        await item.getByRole("radio", { name: decision, exact: true }).check();
        await item.getByLabel(/^Motivazione pubblica/).fill(reason);
        await item.getByRole("button", { name: `Registra la decisione sull'idea #${idea.id}` }).click();
        await page.getByText("Decisione registrata").waitFor();
        await page.locator("li.pionieri-panel", { hasText: idea.title }).waitFor({ state: "detached" });
      }
      expect((await h.server.db.idea.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("ACCOLTA");
      expect((await h.server.db.idea.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("NON_ACCOLTA");

      await page.goto(`${h.server.url}/cabina-di-regia/riunioni`);
      await page.getByLabel(/^Data della riunione/).fill("2026-11-26");
      await page.getByLabel("Note della riunione").fill("Decise due idee; priorità alle frazioni.");
      await page.getByRole("button", { name: "Congela l'istantanea" }).click();
      await page.getByRole("heading", { name: "Riunione del 26 novembre 2026" }).waitFor();
      await page.getByText("Sportello anche in frazione").first().waitFor();

      await page.goto(`${h.server.url}/cabina-di-regia/riunioni`);
      await page.getByLabel("Dalla riunione", { exact: true }).selectOption({ label: "12 novembre 2026" });
      await page.getByLabel("Alla riunione", { exact: true }).selectOption({ label: "26 novembre 2026" });
      await page.getByRole("button", { name: "Confronta" }).click();
      await page.getByRole("heading", { name: /che cosa è cambiato/ }).waitFor();
      const decided = page.locator("section", {
        has: page.getByRole("heading", { name: /Idee decise nel periodo \(2\)/ }),
      });
      await decided.getByText("Sportello anche in frazione").waitFor();
      await decided.getByText("Modulo unico per i bonus").waitFor();

      await page.goto(`${h.server.url}/cabina-di-regia/riunioni`);
      await page.getByRole("link", { name: "Versione da stampare" }).first().click();
      await page.getByText("Usa il comando Stampa del browser").waitFor();
      await page.emulateMedia({ media: "print" });
      expect(await page.getByText("Usa il comando Stampa del browser").isVisible()).toBe(false);
      expect(await page.locator(".pionieri-header").isVisible()).toBe(false);
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.byteLength).toBeGreaterThan(10_000);
      await context.close();
      expect(problems).toEqual([]);
    },
  );

  it.each(["/cabina-di-regia", "PRINT", "/cabina-di-regia/riunioni", "/registro"])(
    "%s is accessible (axe-core)",
    async (path) => {
      await ideaAt(h.server.db, h.scenario, "IN_VALUTAZIONE", { title: "In coda per l'accessibilità" });
      const { context, problems } = await watchedContext(h.browser, h.server.url);
      const page = await context.newPage();
      await login(page, h.server.url, "cabina@test.example", PASSWORD);
      let target = path;
      if (path === "PRINT") {
        const snapshot = await h.server.db.snapshot.findFirst({ orderBy: { createdAt: "desc" } });
        target = `/cabina-di-regia/riunioni/${snapshot!.id}/stampa`;
      }
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`${h.server.url}${target}`);
        await expectAccessible(page);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(0);
      }
      await context.close();
      expect(problems).toEqual([]);
    },
  );
});
