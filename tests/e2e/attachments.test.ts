import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectAccessible, login, watchedContext } from "../support/browser";
import { buildIdea } from "../support/factories";
import { html, jpegWithExif } from "../support/files";
import { useServer } from "../support/harness";
import { TMP } from "../support/paths";
import { PASSWORD } from "../support/scenario";

const h = useServer({ browser: true });

/**
 * A colleague photographs the waiting room and attaches the photo to their idea from a phone:
 * 360 px wide, once without JavaScript (a plain form) and once with it (a progress bar), and
 * sees the thumbnail, which opens the full image.
 */
describe.each([
  { js: false, label: "without JavaScript" },
  { js: true, label: "with JavaScript" },
])("attaching a photo to an idea at 360 px, $label", ({ js }) => {
  it("shows the limits first, then the thumbnail", async () => {
    const idea = await buildIdea(h.server.db, {
      title: `La sala d'attesa vista dal telefono (${js ? "js" : "senza js"})`,
      groupId: h.scenario.groups.logistica!.id,
      authorId: h.scenario.users.employee.id,
    });
    const photo = path.join(TMP, `sala-${js ? "js" : "nojs"}.jpg`);
    writeFileSync(photo, await jpegWithExif());
    const side = await watchedContext(h.browser, h.server.url, { javaScriptEnabled: js });
    const page = await side.context.newPage();
    await page.setViewportSize({ width: 360, height: 800 });
    await login(page, h.server.url, "dipendente@test.example", PASSWORD);
    await page.goto(`${h.server.url}/idee/${idea.id}`);
    await page.getByText("Fino a 10 file per pagina, 20 MB ciascuno").waitFor();
    await page.getByLabel("File da allegare").setInputFiles(photo);
    await page.getByRole("button", { name: "Carica", exact: true }).click();
    await page.getByText("File allegati: 1.").waitFor();
    const thumb = page.getByRole("img", { name: path.basename(photo) });
    await thumb.scrollIntoViewIfNeeded();
    await expect
      .poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    const box = await thumb.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(360);
    // Nothing scrolls sideways on the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    if (js) await expectAccessible(page);
    const full = await page.getByRole("link", { name: /immagine a grandezza piena/ }).getAttribute("href");
    const response = await page.request.get(`${h.server.url}${full}`);
    expect(response.headers()["content-type"]).toBe("image/jpeg");
    await side.context.close();
    expect(side.problems).toEqual([]);
  });
});

/**
 * A colleague posts a new idea with a photo in the same form (issue 23), at 1280 and 360 px, with
 * and without JavaScript: a file of the wrong type first (the form comes back with the text kept
 * and the reason beside the field), then the photo; the idea's page shows it.
 */
describe.each([
  { js: false, width: 1280 },
  { js: true, width: 1280 },
  { js: false, width: 360 },
  { js: true, width: 360 },
])("a new idea with a photo, JavaScript $js, $width px", ({ js, width }) => {
  it("refuses the wrong file with the text kept, then posts the idea with the photo", async () => {
    const tag = `${js ? "js" : "nojs"}-${width}`;
    const photo = path.join(TMP, `bancone-${tag}.jpg`);
    writeFileSync(photo, await jpegWithExif());
    const wrong = path.join(TMP, `pagina-${tag}.png`);
    writeFileSync(wrong, html());
    const title = `Un bancone più basso per chi è in carrozzina (${tag})`;
    const side = await watchedContext(h.browser, h.server.url, { javaScriptEnabled: js });
    const page = await side.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await login(page, h.server.url, "dipendente@test.example", PASSWORD);
    await page.goto(`${h.server.url}/idee/nuova`);
    await page.getByLabel(/^Titolo/).fill(title);
    await page.getByLabel(/^Gruppo di lavoro/).selectOption({ label: "Logistica" });
    await page.getByLabel(/^Descrizione/).fill("Come nella foto: un tratto di bancone a 80 cm.");
    const field = page.getByLabel(/^Allegati \(facoltativi\)/);
    await expect.poll(() => field.getAttribute("aria-describedby")).toContain("f-file-hint");
    await field.setInputFiles(wrong);
    await page.getByRole("button", { name: "Pubblica l'idea", exact: true }).click();
    await page.getByText("il contenuto non è di un tipo ammesso").waitFor();
    expect(await page.getByLabel(/^Titolo/).inputValue()).toBe(title);
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    if (js) await expectAccessible(page);
    await field.setInputFiles(photo);
    await Promise.all([
      page.waitForURL(/\/idee\/\d+$/, { timeout: 60_000 }),
      page.getByRole("button", { name: "Pubblica l'idea", exact: true }).click(),
    ]);
    await page.getByText("Idea pubblicata con i suoi allegati (1)").waitFor();
    const thumb = page.getByRole("img", { name: path.basename(photo) });
    await thumb.scrollIntoViewIfNeeded();
    await expect
      .poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    await side.context.close();
    expect(side.problems).toEqual([]);
  });
});
