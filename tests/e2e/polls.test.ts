import { describe, expect, it } from "vitest";
import { expectAccessible, login, watchedContext } from "../support/browser";
import { useServer } from "../support/harness";
import { PASSWORD } from "../support/scenario";

const h = useServer({ browser: true });

/**
 * The Cabina puts a question to everyone and a colleague answers it, changes the answer and sees
 * where it stands (issue 23): at 1280 and 360 px, with and without JavaScript.
 */
describe.each([
  { js: false, width: 1280 },
  { js: true, width: 1280 },
  { js: false, width: 360 },
  { js: true, width: 360 },
])("a staff poll, JavaScript $js, $width px", ({ js, width }) => {
  it("is asked by the Cabina, answered and changed by a colleague", async () => {
    const question = `Quale giorno per la formazione sul nuovo gestionale? (${js ? "js" : "senza js"}, ${width})`;
    const board = await watchedContext(h.browser, h.server.url, { javaScriptEnabled: js });
    const page = await board.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await login(page, h.server.url, "cabina@test.example", PASSWORD);
    await page.goto(`${h.server.url}/sondaggi`);
    await page.getByRole("link", { name: "Nuovo sondaggio" }).click();
    await page.getByLabel(/^Domanda/).fill(question);
    // A first try with one answer comes back with the reason and the question kept.
    await page.locator("#f-option-1").fill("Lunedì");
    await page.getByRole("button", { name: "Pubblica il sondaggio" }).click();
    await page.getByText("Scrivi almeno 2 risposte possibili.").waitFor();
    expect(await page.getByLabel(/^Domanda/).inputValue()).toBe(question);
    await page.locator("#f-option-2").fill("Mercoledì");
    await page.locator("#f-option-3").fill("Venerdì");
    await page.getByLabel(/^Chi può votare/).selectOption({ label: "Tutti i colleghi" });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await Promise.all([
      page.waitForURL(/\/sondaggi\/[a-z0-9]+$/),
      page.getByRole("button", { name: "Pubblica il sondaggio" }).click(),
    ]);
    await page.getByText("Sondaggio pubblicato.").waitFor();
    const address = page.url();
    await board.context.close();
    expect(board.problems).toEqual([]);

    const colleague = await watchedContext(h.browser, h.server.url, { javaScriptEnabled: js });
    const phone = await colleague.context.newPage();
    await phone.setViewportSize({ width, height: 900 });
    await login(phone, h.server.url, "dipendente@test.example", PASSWORD);
    await phone.goto(address);
    await phone.getByRole("heading", { name: question }).waitFor();
    await phone.getByText("I risultati si vedono dopo aver votato.").waitFor();
    // No answer chosen: the reason, beside the answers.
    await phone.getByRole("button", { name: "Vota", exact: true }).click();
    await phone.getByText("Scegli almeno una risposta.").waitFor();
    await phone.getByLabel("Mercoledì").check();
    await phone.getByRole("button", { name: "Vota", exact: true }).click();
    await phone.getByText("Voto registrato").waitFor();
    await phone.getByText("Hanno votato meno di 5 persone").waitFor();
    expect(await phone.getByLabel("Mercoledì").isChecked()).toBe(true);
    await phone.getByLabel("Venerdì").check();
    await phone.getByRole("button", { name: "Cambia il voto" }).click();
    await phone.getByText("Voto registrato").waitFor();
    await expect.poll(() => phone.getByLabel("Venerdì").isChecked()).toBe(true);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    if (js) await expectAccessible(phone);
    await phone.goto(`${h.server.url}/sondaggi`);
    await phone.getByRole("link", { name: question }).waitFor();
    await phone.getByText("Hai votato").first().waitFor();
    await colleague.context.close();
    expect(colleague.problems).toEqual([]);
  });
});
