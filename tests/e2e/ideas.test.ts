import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, login, watchedContext, type Browser, type Page } from "../support/browser";
import { buildComment } from "../support/factories";
import { ideaAt } from "../support/ideas";
import { PASSWORD, seedScenario, type Scenario } from "../support/scenario";
import { startServer, type TestServer } from "../support/server";
import { noticesSettled } from "../support/db-state";

let server: TestServer;
let scenario: Scenario;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  scenario = await seedScenario(server.db);
  await ideaAt(server.db, scenario, "IN_DISCUSSIONE", {
    title: "Eliminacode unico per tutti gli sportelli",
    authorId: scenario.users.otherLeader.id,
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function as(email: string, js: boolean) {
  const side = await watchedContext(browser, server.url, { javaScriptEnabled: js });
  const page = await side.context.newPage();
  await login(page, server.url, email, PASSWORD);
  return { page, side };
}

async function submit(page: Page, name: string) {
  await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name, exact: true }).click()]);
}

/**
 * The participation loop, as colleagues live it: an idea is proposed (the form points to a
 * similar one), supported and discussed, moved forward by the group's leader and accepted by
 * the board; its author hears about each step and its story shows them all.
 */
describe.each([
  { js: true, label: "with JavaScript" },
  { js: false, label: "without JavaScript" },
])("idea → support, comment, mention → review → decision, $label", ({ js }) => {
  it("works end to end", async () => {
    const title = js ? "Un eliminacode per l'Anagrafe" : "Eliminacode anche per i Tributi";

    // A (Dario) proposes the idea and is shown the similar one first.
    const a = await as("dipendente@test.example", js);
    await a.page.goto(`${server.url}/idee/nuova`);
    await a.page.getByText("Come sarebbe bello se…?").waitFor();
    await a.page.getByLabel(/^Titolo/).fill(title);
    await a.page.getByLabel(/^Gruppo di lavoro/).selectOption({ label: "Logistica" });
    await a.page.getByLabel(/^Descrizione/).fill("Un solo **numero** per tutte le code.");
    if (!js) await submit(a.page, "Anteprima");
    const hint = a.page.getByTestId("similar-ideas");
    await hint.getByText("Eliminacode unico per tutti gli sportelli").waitFor();
    if (!js) await a.page.locator(".pionieri-preview strong", { hasText: "numero" }).waitFor();
    // The page of the new idea is the signal (the flash message is checked over HTTP in
    // tests/integration/ideas.test.ts); under load a background fetch can delay the message.
    await Promise.all([
      a.page.waitForURL(/\/idee\/\d+$/, { timeout: 60_000 }),
      a.page.getByRole("button", { name: "Pubblica l'idea", exact: true }).click(),
    ]);
    await a.page.getByRole("heading", { level: 1, name: title }).waitFor();
    const ideaUrl = a.page.url();

    // B (Marta) supports it and comments, mentioning A.
    const b = await as("membro@test.example", js);
    await b.page.goto(ideaUrl);
    // The count is on the button for the eye, and in its description for a screen reader.
    const support = b.page.getByRole("button", { name: "Sostieni", exact: true });
    expect((await support.textContent())?.trim()).toBe("Sostieni · 0");
    expect(await support.getAttribute("class")).toContain("btn-primary");
    await support.click();
    // Supported: the button says how to take it back, and the count moved.
    const withdraw = b.page.getByRole("button", { name: "Sostieni già — ritira", exact: true });
    await withdraw.waitFor();
    expect((await withdraw.textContent())?.trim()).toBe("Sostieni già — ritira · 1");
    await b.page.getByText("1 sostegno", { exact: true }).waitFor({ state: "attached" });
    await b.page.getByText("La sostieni: premi di nuovo per ritirare il tuo sostegno.").waitFor();
    await b.page.getByLabel("Il tuo commento").fill("Ottima proposta, @dipendente: ne parliamo al gruppo.");
    await submit(b.page, "Pubblica il commento");
    await b.page.locator("a.mention", { hasText: "@dipendente" }).waitFor();
    // Posted, the comment is in the list and the box is empty again: no second post by mistake.
    await expect(b.page.getByLabel("Il tuo commento").inputValue()).resolves.toBe("");

    // A sees one notification of the comment, the most specific: the mention (not also «ha commentato»).
    await a.page.goto(`${server.url}/notifiche`);
    await a.page.getByText(`Marta Membro ti ha menzionato in «${title}»`).waitFor();
    await expect(a.page.getByText(`Marta Membro ha commentato «${title}»`).count()).resolves.toBe(0);
    await expect(a.page.locator(".pionieri-notifications li.is-unread", { hasText: title }).count()).resolves.toBe(1);

    // The group's leader opens the discussion, then sends it to the board.
    const leader = await as("leader.logistica@test.example", js);
    await leader.page.goto(ideaUrl);
    const badge = (page: Page, text: string) =>
      page.locator(".pionieri-idea-header .pionieri-status", { hasText: text }).waitFor();
    await leader.page.getByLabel("In discussione").check();
    await submit(leader.page, "Cambia stato");
    await badge(leader.page, "In discussione");
    await leader.page.getByLabel("In valutazione").check();
    await leader.page
      .getByLabel("Motivazione pubblica", { exact: true })
      .fill("Proposta matura, la passiamo alla Cabina.");
    await submit(leader.page, "Cambia stato");
    await badge(leader.page, "In valutazione");

    // The board accepts it; without a reason it is refused first.
    const board = await as("cabina@test.example", js);
    await board.page.goto(ideaUrl);
    await board.page.getByRole("radio", { name: "Accolta (motivazione obbligatoria)", exact: true }).check();
    await submit(board.page, "Cambia stato");
    await board.page.getByText("Scrivi la motivazione: verrà mostrata a tutti.").waitFor();
    await board.page.getByRole("radio", { name: "Accolta (motivazione obbligatoria)", exact: true }).check();
    await board.page
      .getByLabel("Motivazione pubblica", { exact: true })
      .fill("Utile e sostenibile: si parte in primavera.");
    await submit(board.page, "Cambia stato");
    await badge(board.page, "Accolta");

    // A is told (moments later: app/domain/notifications.server.ts), with the reason, and the
    // idea's story shows every step.
    await noticesSettled(server.db);
    await a.page.goto(`${server.url}/notifiche`);
    const decision = a.page.locator(".pionieri-notifications li", {
      hasText: `Bruno Cabina ha portato «${title}» allo stato «Accolta»`,
    });
    await decision.getByText("Motivazione: Utile e sostenibile: si parte in primavera.").waitFor();
    await a.page.goto(ideaUrl);
    const story = a.page.locator(".pionieri-story");
    for (const step of [
      "Dario Dipendente ha proposto l'idea.",
      "Lia Logistica ha cambiato lo stato da «Nuova» a «In discussione».",
      "Lia Logistica ha cambiato lo stato da «In discussione» a «In valutazione».",
      "Motivazione: Proposta matura, la passiamo alla Cabina.",
      "Bruno Cabina ha cambiato lo stato da «In valutazione» a «Accolta».",
      "Motivazione: Utile e sostenibile: si parte in primavera.",
    ]) {
      await story.getByText(step).waitFor();
    }
    await a.page.locator(".pionieri-status", { hasText: "Accolta" }).first().waitFor();

    for (const side of [a.side, b.side, leader.side, board.side]) {
      await side.context.close();
      expect(side.problems).toEqual([]);
    }
  });
});

describe("the idea list, drawn by the server", () => {
  it.each([true, false])(
    "searches, sorts and pages with plain links and forms, without a script (JavaScript on: %s)",
    async (js) => {
      for (const title of ["Sportello con orari serali", "Sportello anche il sabato"]) {
        await ideaAt(server.db, scenario, "IN_DISCUSSIONE", { title, authorId: scenario.users.member.id });
      }
      const { page, side } = await as("dipendente@test.example", js);
      const scripts: string[] = [];
      page.on("request", (request) => {
        if (request.resourceType() === "script") scripts.push(request.url());
      });
      await page.goto(`${server.url}/idee`);
      await page.getByRole("searchbox", { name: "Cerca nelle idee" }).fill("sportello");
      await Promise.all([
        page.waitForURL(/q=sportello/),
        page.getByRole("button", { name: "Cerca", exact: true }).click(),
      ]);
      expect(await page.locator(".pionieri-idea-card mark").count()).toBeGreaterThanOrEqual(2);
      await Promise.all([page.waitForURL(/sort=sostegni/), page.getByRole("link", { name: "più sostenute" }).click()]);
      await page.getByRole("link", { name: "Sportello con orari serali" }).first().waitFor();
      expect(new URL(page.url()).searchParams.get("q")).toBe("sportello");
      expect(await page.getByRole("link", { name: "più sostenute" }).getAttribute("aria-current")).toBe("true");
      expect(scripts).toEqual([]);
      await side.context.close();
      expect(side.problems).toEqual([]);
    },
  );
});

describe("accessibility of the idea pages", () => {
  it.each(["/idee", "/idee/nuova", "/idee?q=eliminacode", "IDEA", "/notifiche", "/moderazione", "/admin/temi"])(
    "%s",
    async (path) => {
      const idea = await ideaAt(server.db, scenario, "IN_VALUTAZIONE", {
        title: "Pagina da controllare",
        body: "Testo con **grassetto** e [un link](https://example.org)",
      });
      await buildComment(server.db, { ideaId: idea.id, authorId: scenario.users.member.id, body: "Un commento" });
      const email = path.startsWith("/admin")
        ? "admin@test.example"
        : path === "/moderazione"
          ? "leader.logistica@test.example"
          : "cabina@test.example";
      const { page, side } = await as(email, true);
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`${server.url}${path === "IDEA" ? `/idee/${idea.id}` : path}`);
        await expectAccessible(page);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(0);
      }
      await side.context.close();
      expect(side.problems).toEqual([]);
    },
  );
});
