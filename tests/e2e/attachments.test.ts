import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectAccessible, login, watchedContext } from "../support/browser";
import { buildIdea } from "../support/factories";
import { jpegWithExif } from "../support/files";
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
