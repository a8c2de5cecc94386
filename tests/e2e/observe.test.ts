import { beforeAll, describe, expect, it } from "vitest";
import { seedCampaign, seedSurvey } from "../../prisma/seed-observe";
import { expectAccessible, login, watchedContext, type Page } from "../support/browser";
import { useServer } from "../support/harness";
import { PASSWORD } from "../support/scenario";

const h = useServer({ browser: true });
let campaignId: string;
let survey: { id: string; token: string; kioskToken: string };

beforeAll(async () => {
  const { users, groups } = h.scenario;
  // A campaign running today, so the form's day (today) is inside it.
  const campaign = await seedCampaign(h.server.db, {
    title: "Ingresso, novembre",
    startsOn: "2026-11-01",
    endsOn: "2027-01-31",
    visits: 0,
    groupId: groups.logistica!.id,
    createdById: users.leader.id,
    recorders: [users.leader.id],
  });
  campaignId = campaign.id;
  const created = await seedSurvey(h.server.db, {
    title: "Com'è andata allo sportello?",
    from: "2026-11-02",
    to: "2026-11-06",
    responses: 0,
    createdById: users.board.id,
    status: "APERTO",
  });
  const place = await h.server.db.surveyPlace.findFirstOrThrow({ where: { surveyId: created.id } });
  survey = { id: created.id, token: place.token, kioskToken: place.kioskToken };
});

const visits = () => h.server.db.visit.count({ where: { campaignId } });

/** Fills a visit's places and outcome (the times are typed or tapped by the caller). */
async function describeVisit(page: Page) {
  await page.getByLabel("1° ufficio o sportello").selectOption({ label: "Anagrafe" });
  await page.getByLabel("2° ufficio o sportello (se ci va)").selectOption({ label: "Ufficio tributi" });
  await page.getByLabel("Servizio richiesto").selectOption({ label: "Cambio di residenza" });
  await page.getByLabel("Com'è finita").selectOption({ label: "Rinviato ad altro ufficio" });
  await page.getByLabel("Che cosa l'ha portato qui").selectOption({ label: "Spontaneo, senza appuntamento" });
}

describe("recording a visit on a 360 px phone", () => {
  it("without JavaScript: typed times, a plain form", async () => {
    const side = await watchedContext(h.browser, h.server.url, { javaScriptEnabled: false });
    const page = await side.context.newPage();
    await page.setViewportSize({ width: 360, height: 800 });
    await login(page, h.server.url, "osservatore@test.example", PASSWORD);
    await page.goto(`${h.server.url}/rilevazioni/${campaignId}/visita`);
    await page.getByLabel("Arrivo").fill("09:05");
    await page.getByLabel("Inizio del servizio").fill("09:17");
    await page.getByLabel("Fine del servizio").fill("09:24");
    await describeVisit(page);
    await page.getByLabel("Nota breve").fill("Chiedeva del modulo per la residenza");
    const before = await visits();
    await page.getByRole("button", { name: "Registra la visita" }).click();
    await page.getByText("Visita registrata.").waitFor();
    expect(await visits()).toBe(before + 1);
    const stored = await h.server.db.visit.findFirstOrThrow({ where: { campaignId }, orderBy: { createdAt: "desc" } });
    expect(stored).toMatchObject({ waitSeconds: 12 * 60, serviceSeconds: 7 * 60, stopCount: 2 });
    await page.getByText("Anagrafe → Ufficio tributi · Rinviato ad altro ufficio").first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await side.context.close();
    expect(side.problems).toEqual([]);
  });

  it("with JavaScript: tapped times, kept on the phone offline, sent once when the network is back", async () => {
    const side = await watchedContext(h.browser, h.server.url);
    const page = await side.context.newPage();
    await page.setViewportSize({ width: 360, height: 800 });
    await login(page, h.server.url, "osservatore@test.example", PASSWORD);
    await page.goto(`${h.server.url}/rilevazioni/${campaignId}/visita`);
    await page.getByRole("button", { name: "Arrivo adesso" }).waitFor();
    await expectAccessible(page);
    const before = await visits();

    // The network drops: two visits are typed and kept.
    await side.context.setOffline(true);
    for (let index = 0; index < 2; index += 1) {
      await page.getByRole("button", { name: "Arrivo adesso" }).click();
      await expect.poll(() => page.getByLabel("Arrivo").inputValue()).toMatch(/^\d\d:\d\d:\d\d$/);
      await page.getByRole("button", { name: "Inizia adesso" }).click();
      await page.getByRole("button", { name: "Finisce adesso" }).click();
      await describeVisit(page);
      await page.getByRole("button", { name: "Registra la visita" }).click();
      await page
        .getByText(index === 0 ? "1 visita salvata su questo dispositivo" : "2 visite salvate su questo dispositivo")
        .waitFor();
    }
    expect(await visits()).toBe(before);

    // Back online: both go, once each.
    await side.context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await page.getByText("Tutte le visite sono state inviate").waitFor();
    expect(await visits()).toBe(before + 2);

    // The server stores a visit but its answer is lost on the way back: sent again, stored once.
    let cut = true;
    let lost!: () => void;
    const answerLost = new Promise<void>((resolve) => (lost = resolve));
    await page.route("**/coda", async (route) => {
      if (!cut) return route.continue();
      cut = false;
      const delivered = await route.fetch();
      expect(delivered.status()).toBe(200);
      await route.abort("connectionreset");
      lost();
    });
    await page.getByLabel("Arrivo").fill("10:00");
    await describeVisit(page);
    await page.getByRole("button", { name: "Registra la visita" }).click();
    await answerLost;
    await page.getByText("1 visita salvata su questo dispositivo").waitFor();
    expect(await visits()).toBe(before + 3);
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await page.getByText("Tutte le visite sono state inviate").waitFor();
    expect(await visits()).toBe(before + 3);
    expect(await page.evaluate(() => Object.keys(localStorage).map((key) => localStorage.getItem(key)))).toEqual([
      JSON.stringify({ queue: [], refused: [] }),
    ]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await side.context.close();
    // The dropped network and the cut answer are the test's own doing; nothing else may go wrong.
    expect(side.problems.filter((problem) => !/ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_RESET/.test(problem))).toEqual(
      [],
    );
  });
});

/** Answers every question of the survey's page: 4 everywhere, "Non so" for the last one. */
async function answerAll(page: Page) {
  const groups = page.getByRole("group");
  const count = await groups.count();
  expect(count).toBe(6);
  for (let index = 0; index < count; index += 1)
    await groups
      .nth(index)
      .getByText(index === count - 1 ? "Non so" : "4", { exact: true })
      .click();
}

describe("citizens answer the survey", () => {
  it.each([
    { js: true, width: 360 },
    { js: false, width: 360 },
  ])("from the poster's QR page on a phone (JavaScript: $js)", async ({ js, width }) => {
    const side = await watchedContext(h.browser, h.server.url, { javaScriptEnabled: js });
    const page = await side.context.newPage();
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${h.server.url}/q/${survey.token}`);
    await page.getByRole("heading", { name: "Com'è andata allo sportello?" }).waitFor();
    // No door into the intranet from a citizen's page.
    expect(await page.getByRole("link", { name: "Accedi" }).count()).toBe(0);
    if (js) await expectAccessible(page);
    const before = await h.server.db.surveyResponse.count({ where: { surveyId: survey.id } });
    await answerAll(page);
    await page.getByLabel("Vuole aggiungere qualcosa? (facoltativo)").fill("Gentili e veloci");
    await page.getByRole("button", { name: "Invia le risposte" }).click();
    await page.getByRole("heading", { name: "Grazie!" }).waitFor();
    if (js) await expectAccessible(page);
    const latest = await h.server.db.surveyResponse.findFirstOrThrow({
      where: { surveyId: survey.id },
      orderBy: { id: "desc" },
      include: { answers: true },
    });
    expect(await h.server.db.surveyResponse.count({ where: { surveyId: survey.id } })).toBe(before + 1);
    expect(latest.answers.map((answer) => answer.score).sort()).toEqual([4, 4, 4, 4, 4, null].sort());
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    // In English too.
    await page.goto(`${h.server.url}/q/${survey.token}?lang=en`);
    await page.getByText("How satisfied are you with the waiting time?").waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await side.context.close();
    expect(side.problems).toEqual([]);
  });

  it("from the kiosk: large targets, no way out, empty again for the next person", async () => {
    const side = await watchedContext(h.browser, h.server.url);
    const page = await side.context.newPage();
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`${h.server.url}/chiosco/${survey.kioskToken}`);
    await page.getByRole("heading", { name: "Com'è andata allo sportello?" }).waitFor();
    await expectAccessible(page);
    // The only link is the language switch: no header, menu or footer to leave by.
    expect(await page.locator("a").count()).toBe(1);
    expect(await page.locator("header, footer, nav").count()).toBe(0);
    const target = await page.getByRole("group").first().locator("label").first().boundingBox();
    expect(target!.height).toBeGreaterThanOrEqual(64);
    await answerAll(page);
    await page.getByRole("button", { name: "Invia le risposte" }).click();
    await page.getByRole("heading", { name: "Grazie!" }).waitFor();
    expect(await h.server.db.surveyResponse.count({ where: { surveyId: survey.id, via: "CHIOSCO" } })).toBe(1);
    // It empties itself for the next person.
    await page.getByRole("button", { name: "Invia le risposte" }).waitFor({ timeout: 15_000 });
    expect(await page.locator("input[type=radio]:checked").count()).toBe(0);
    await side.context.close();
    expect(side.problems).toEqual([]);
  });
});
