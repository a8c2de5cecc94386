import { describe, expect, it } from "vitest";
import { expectAccessible, login, watchedContext } from "../support/browser";
import { buildObjective } from "../support/factories";
import { useServer } from "../support/harness";
import { ideaAt } from "../support/ideas";
import { PASSWORD } from "../support/scenario";

const h = useServer({ browser: true });

describe.each([
  { js: true, label: "with JavaScript" },
  { js: false, label: "without JavaScript" },
])("planning against reality, $label", ({ js }) => {
  it(
    "a leader plans an objective carrying an accepted idea, reports twice; " + "the timeline and the idea show it",
    async () => {
      const ideaTitle = js ? "Sportello aperto il sabato" : "Sportello aperto la sera";
      const objectiveTitle = js ? "Apertura del sabato mattina" : "Apertura serale il giovedì";
      const idea = await ideaAt(h.server.db, h.scenario, "ACCOLTA", {
        title: ideaTitle,
        authorId: h.scenario.users.employee.id,
      });
      const { context, problems } = await watchedContext(h.browser, h.server.url, { javaScriptEnabled: js });
      const page = await context.newPage();
      await login(page, h.server.url, "leader.logistica@test.example", PASSWORD);

      await page.goto(`${h.server.url}/gruppi/logistica`);
      await page.getByRole("link", { name: "Nuovo micro-obiettivo" }).click();
      await page.waitForURL("**/obiettivi/nuovo?gruppo=logistica");
      await page.getByLabel(/^Titolo/).fill(objectiveTitle);
      await page.getByLabel(/^Responsabile/).selectOption({ label: "Marta Membro" });
      const now = new Date();
      const iso = (d: Date) => d.toISOString().slice(0, 10);
      await page.getByLabel(/^Inizio previsto/).fill(iso(new Date(now.getTime() - 10 * 86400_000)));
      await page.getByLabel(/^Scadenza/).fill(iso(new Date(now.getTime() + 40 * 86400_000)));
      await page.getByLabel(new RegExp(ideaTitle)).check();
      await Promise.all([
        page.waitForURL(/\/obiettivi\/\d+$/),
        page.getByRole("button", { name: "Crea il micro-obiettivo" }).click(),
      ]);
      await page.getByText("Micro-obiettivo creato").waitFor();

      for (const [progress, note] of [
        ["25", "Accordo con i sindacati raggiunto."],
        ["60", "Turni definiti fino a marzo."],
      ] as const) {
        await page.getByRole("spinbutton", { name: /^Avanzamento/ }).fill(progress);
        await page.getByLabel(/^Stato/).selectOption({ label: "In corso" });
        await page.getByLabel("Nota").fill(note);
        await page.getByRole("button", { name: "Pubblica l'aggiornamento" }).click();
        await page.locator(".pionieri-story li", { hasText: note }).waitFor();
      }
      await page.getByText("Avanzamento: 60%").waitFor();
      const notes = await page.locator(".pionieri-story li").allTextContents();
      expect(notes[0]).toContain("Turni definiti fino a marzo.");

      await page.goto(`${h.server.url}/crono-programma?gruppo=logistica`);
      const bar = page.locator("svg.pionieri-timeline .tl-bar", { hasText: objectiveTitle });
      await bar.waitFor();
      expect(await bar.textContent()).toContain("60%");
      const [outer, fill] = await Promise.all([
        bar.locator(".tl-bar-bg").getAttribute("width"),
        bar.locator(".tl-bar-fill").getAttribute("width"),
      ]);
      expect(Number(fill) / Number(outer)).toBeCloseTo(0.6, 1);
      await page
        .getByRole("row", { name: new RegExp(objectiveTitle) })
        .getByText("60%")
        .waitFor();
      // Each label has a line of its own above its bar: no label is drawn over a bar.
      const label = await bar.locator(".tl-bar-label").boundingBox();
      const outline = await bar.locator(".tl-bar-bg").boundingBox();
      expect(label!.y + label!.height).toBeLessThanOrEqual(outline!.y + 1);

      // On a phone the chart becomes a list per group with the same bar, readable without zooming.
      await page.setViewportSize({ width: 360, height: 800 });
      await expect(page.locator("svg.pionieri-timeline").isVisible()).resolves.toBe(false);
      const item = page.locator(".pionieri-timeline-narrow .tl-item", { hasText: objectiveTitle });
      await expect(item.locator(".tl-item-facts").textContent()).resolves.toContain("60%");
      const [track, fillBox] = await Promise.all([
        item.locator(".tl-span").boundingBox(),
        item.locator(".tl-fill").boundingBox(),
      ]);
      expect(fillBox!.width / track!.width).toBeCloseTo(0.6, 1);
      const fontSize = await item.locator("a").evaluate((a) => Number.parseFloat(getComputedStyle(a).fontSize));
      expect(fontSize).toBeGreaterThanOrEqual(14);
      await page.setViewportSize({ width: 1280, height: 800 });

      await page.goto(`${h.server.url}/idee/${idea.id}`);
      await page.locator(".pionieri-idea-header .pionieri-status", { hasText: "In realizzazione" }).waitFor();
      await page.getByRole("link", { name: objectiveTitle }).waitFor();
      await page
        .locator(".pionieri-story")
        .getByText(`Portata avanti dal micro-obiettivo «${objectiveTitle}»`, { exact: false })
        .waitFor();

      await context.close();
      expect(problems).toEqual([]);
    },
  );
});

describe("accessibility of the crono-programma", () => {
  it.each([
    "/crono-programma",
    "/crono-programma?zoom=anno",
    "OBJECTIVE",
    "/crono-programma/gestione",
    "/obiettivi/nuovo?gruppo=logistica",
  ])("%s", async (path) => {
    const objective = await buildObjective(h.server.db, {
      groupId: h.scenario.groups.logistica!.id,
      title: "Obiettivo da controllare",
      startOn: "2026-10-01",
      dueOn: "2026-11-15",
      forecastOn: "2026-12-20",
      status: "IN_CORSO",
      progress: 30,
      indicator: { name: "Attesa", unit: "minuti", baseline: 30, target: 10, current: 25 },
    });
    const { context, problems } = await watchedContext(h.browser, h.server.url);
    const page = await context.newPage();
    await login(page, h.server.url, "cabina@test.example", PASSWORD);
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${h.server.url}${path === "OBJECTIVE" ? `/obiettivi/${objective.id}` : path}`);
      await expectAccessible(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(0);
    }
    await context.close();
    expect(problems).toEqual([]);
  });

  it("prints on landscape A4 with the chart and without the navigation", async () => {
    const { context } = await watchedContext(h.browser, h.server.url);
    const page = await context.newPage();
    await login(page, h.server.url, "dipendente@test.example", PASSWORD);
    await page.goto(`${h.server.url}/crono-programma`);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".pionieri-nav").isVisible()).toBe(false);
    expect(await page.locator("svg.pionieri-timeline").isVisible()).toBe(true);
    const pdf = await page.pdf({ format: "A4", landscape: true, preferCSSPageSize: true });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await context.close();
  });
});
