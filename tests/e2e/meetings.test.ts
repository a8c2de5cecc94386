import { describe, expect, it } from "vitest";
import { expectAccessible, login, watchedContext } from "../support/browser";
import { useServer } from "../support/harness";
import { PASSWORD } from "../support/scenario";
import { inDays } from "../support/days";

const h = useServer({ browser: true });

/**
 * A group's meeting and a challenge as colleagues use them (issue 23), at 1280 and 360 px, with
 * and without JavaScript: the leader calls a meeting (first with a mistake), a member answers;
 * the Cabina opens a challenge and a colleague answers it with an idea chosen in the idea form.
 */
describe.each([
  { js: false, width: 1280 },
  { js: true, width: 1280 },
  { js: false, width: 360 },
  { js: true, width: 360 },
])("meetings and challenges, JavaScript $js, $width px", ({ js, width }) => {
  it("a leader calls a meeting and a member says they come", async () => {
    const title = `Sopralluogo del piano terra (${js ? "js" : "senza js"}, ${width})`;
    const lead = await watchedContext(h.browser, h.server.url, { javaScriptEnabled: js });
    const page = await lead.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await login(page, h.server.url, "leader.logistica@test.example", PASSWORD);
    await page.goto(`${h.server.url}/gruppi/logistica`);
    await page.getByRole("link", { name: "Nuova riunione" }).click();
    await page.getByLabel(/^Titolo/).fill(title);
    await page.getByLabel(/^Giorno/).fill(inDays(6));
    await page.getByLabel(/^Inizio/).fill("10:00");
    await page.getByLabel(/^Fine/).fill("09:00");
    await page.locator("#f-item-1").fill("Il percorso del cittadino");
    await page.getByRole("button", { name: "Convoca la riunione" }).click();
    await page.getByText("La fine deve venire dopo l'inizio.").waitFor();
    expect(await page.getByLabel(/^Titolo/).inputValue()).toBe(title);
    expect(await page.locator("#f-item-1").inputValue()).toBe("Il percorso del cittadino");
    await page.getByLabel(/^Fine/).fill("11:30");
    await page.getByLabel(/^Luogo/).fill("Sala riunioni, piano terra");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    if (js) await expectAccessible(page);
    await Promise.all([
      page.waitForURL(/\/riunioni\/[a-z0-9]+$/),
      page.getByRole("button", { name: "Convoca la riunione" }).click(),
    ]);
    await page.getByText("Riunione convocata").waitFor();
    await page.getByRole("heading", { name: title }).waitFor();
    await page.getByText("10:00–11:30").waitFor();
    const address = page.url();
    await lead.context.close();
    expect(lead.problems).toEqual([]);

    const colleague = await watchedContext(h.browser, h.server.url, { javaScriptEnabled: js });
    const phone = await colleague.context.newPage();
    await phone.setViewportSize({ width, height: 900 });
    await login(phone, h.server.url, "membro@test.example", PASSWORD);
    await phone.goto(address);
    await phone.getByRole("button", { name: "Invia la risposta" }).click();
    await phone.getByText("Scegli una risposta.").waitFor();
    await phone.getByLabel("Partecipo", { exact: true }).check();
    await phone.getByRole("button", { name: "Invia la risposta" }).click();
    await phone.getByText("Risposta registrata.").waitFor();
    await phone.getByText("La tua risposta: Partecipo.").waitFor();
    // A member sees the totals, never the names.
    await phone.getByText(/Partecipo: 1 · Forse: 0 · Non partecipo: 0/).waitFor();
    expect(await phone.getByText("Chi ha risposto").count()).toBe(0);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    if (js) await expectAccessible(phone);
    await colleague.context.close();
    expect(colleague.problems).toEqual([]);
  });

  it("the Cabina opens a challenge and a colleague answers it with an idea", async () => {
    const question = `Come sarebbe bello se bastasse una volta? (${js ? "js" : "senza js"}, ${width})`;
    const cabina = await watchedContext(h.browser, h.server.url, { javaScriptEnabled: js });
    const page = await cabina.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await login(page, h.server.url, "cabina@test.example", PASSWORD);
    await page.goto(`${h.server.url}/sfide`);
    await page.getByRole("link", { name: "Nuova sfida" }).click();
    await page.getByLabel(/^Domanda/).fill(question);
    await page.getByRole("button", { name: "Pubblica la sfida" }).click();
    await page.getByText("Questo campo è obbligatorio.").waitFor();
    expect(await page.getByLabel(/^Domanda/).inputValue()).toBe(question);
    await page.getByLabel(/^Descrizione/).fill("Che cosa cambieresti perché la prima volta basti?");
    await page.getByLabel(/^Per chi/).selectOption({ label: "Tutti i colleghi" });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await Promise.all([
      page.waitForURL(/\/sfide\/[a-z0-9]+$/),
      page.getByRole("button", { name: "Pubblica la sfida" }).click(),
    ]);
    await page.getByText("Sfida pubblicata.").waitFor();
    const address = page.url();
    await cabina.context.close();
    expect(cabina.problems).toEqual([]);

    const colleague = await watchedContext(h.browser, h.server.url, { javaScriptEnabled: js });
    const phone = await colleague.context.newPage();
    await phone.setViewportSize({ width, height: 900 });
    await login(phone, h.server.url, "dipendente@test.example", PASSWORD);
    await phone.getByRole("link", { name: question }).waitFor();
    await phone.goto(address);
    await phone.getByRole("link", { name: "Proponi un'idea per questa sfida" }).click();
    const idea = `La lista dei documenti con la prenotazione (${js ? "js" : "senza js"}, ${width})`;
    await phone.getByLabel(/^Titolo/).fill(idea);
    await phone.getByLabel(/^Gruppo di lavoro/).selectOption({ label: "Prodotti" });
    expect(await phone.getByLabel(/^Sfida a cui rispondi/).inputValue()).toBe(address.split("/").at(-1));
    await phone.getByLabel(/^Descrizione/).fill("Chi prenota riceve l'elenco di ciò che serve.");
    if (js) await expectAccessible(phone);
    await Promise.all([
      phone.waitForURL(/\/idee\/\d+$/),
      phone.getByRole("button", { name: "Pubblica l'idea" }).click(),
    ]);
    await phone.getByRole("link", { name: question }).waitFor();
    await phone.goto(address);
    await phone.getByRole("link", { name: idea }).waitFor();
    await phone.getByText("Idee proposte (1)").waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await colleague.context.close();
    expect(colleague.problems).toEqual([]);
  });
});
