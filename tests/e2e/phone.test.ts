/**
 * The pages with tables and lists, in Chromium at 1280 px and on a 360 × 740 phone: no sideways
 * scroll, tables that become label–value cards below 768 px, the first idea in the first screen,
 * touch targets of at least 24 px, axe clean at both widths; and user text that cannot reorder
 * the line it sits in.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, watchedContext, type Page } from "../support/browser";
import { buildIdea, buildMilestone, buildObjective } from "../support/factories";
import { useServer } from "../support/harness";
import { ideaAt } from "../support/ideas";
import { signedIn } from "../support/sessions";

const h = useServer({ browser: true });
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

let objectiveId = 0;
let compare = "";

beforeAll(async () => {
  const { db } = h.server;
  const { groups, users } = h.scenario;
  const logistica = groups.logistica!.id;
  for (let i = 1; i <= 6; i++)
    await buildIdea(db, { title: `Idea numero ${i} per lo Sportello`, groupId: logistica, authorId: users.member.id });
  await ideaAt(db, h.scenario, "IN_VALUTAZIONE", { title: "Un'idea che aspetta la Cabina" });
  await buildObjective(db, {
    groupId: groups.informatica!.id,
    title: "Prenotazione online degli appuntamenti",
    startOn: "2026-10-01",
    dueOn: "2027-02-28",
    progress: 30,
    status: "IN_CORSO",
  });
  await buildMilestone(db, { title: "Apertura dello Sportello pilota", date: "2027-03-01" });
  // Written through the pages, so that the audit log, the objective's changes and two snapshots exist.
  const leader = await signedIn(h.server, "leader.logistica@test.example");
  const board = await signedIn(h.server, "cabina@test.example");
  const admin = await signedIn(h.server, "admin@test.example");
  const created = await leader.post("/obiettivi/nuovo", {
    groupId: logistica,
    title: "Segnaletica unica nell'atrio del Palazzo Comunale",
    description: "",
    ownerId: users.leader.id,
    startOn: "2026-11-01",
    dueOn: "2027-01-31",
    forecastOn: "",
    status: "PIANIFICATO",
    progress: "0",
    indicatorName: "",
    indicatorUnit: "",
    indicatorBaseline: "",
    indicatorTarget: "",
    indicatorCurrent: "",
  });
  expect(created.status).toBe(302);
  objectiveId = Number(
    created.headers
      .get("location")!
      .split("/")
      .pop()!
      .replace(/[?#].*/, ""),
  );
  const snapshot = await board.post("/cabina-di-regia/riunioni", { meetingDate: "2026-11-12" });
  expect(snapshot.status).toBe(302);
  const updated = await leader.post(`/obiettivi/${objectiveId}`, {
    intent: "update",
    date: "2026-11-20",
    progress: "40",
    status: "IN_CORSO",
    note: "Cartelli ordinati.",
  });
  expect(updated.status).toBe(302);
  const { version } = await db.objective.findUniqueOrThrow({ where: { id: objectiveId } });
  const edited = await leader.post(`/obiettivi/${objectiveId}/modifica`, {
    groupId: logistica,
    title: "Segnaletica unica nell'atrio del Palazzo Comunale",
    description: "Con i colori dei servizi.",
    ownerId: users.leader.id,
    startOn: "2026-11-01",
    dueOn: "2027-02-15",
    forecastOn: "2027-02-28",
    status: "IN_CORSO",
    progress: "40",
    indicatorName: "",
    indicatorUnit: "",
    indicatorBaseline: "",
    indicatorTarget: "",
    indicatorCurrent: "",
    version: String(version),
  });
  expect(edited.status).toBe(302);
  expect((await admin.post("/admin/temi", { intent: "add", kind: "CANALE", name: "Sportello mobile" })).status).toBe(
    302,
  );
  expect((await board.post("/cabina-di-regia/riunioni", { meetingDate: "2026-11-26" })).status).toBe(302);
  const [a, b] = await db.snapshot.findMany({ orderBy: { meetingDate: "asc" }, select: { id: true } });
  compare = `/cabina-di-regia/confronto?a=${a!.id}&b=${b!.id}`;
});

/** A signed-in page (a session made the way a login makes it: many logins would meet the throttle). */
async function pageOf(email: string, options: { javaScriptEnabled?: boolean } = {}) {
  const { context, problems } = await watchedContext(h.browser, h.server.url, options);
  const client = await signedIn(h.server, email);
  const { hostname } = new URL(h.server.url);
  await context.addCookies([
    { name: "pionieri_session", value: client.cookies.get("pionieri_session")!, domain: hostname, path: "/" },
  ]);
  return { page: await context.newPage(), context, problems };
}

async function horizontalOverflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** How each data table is laid out: every row's display, and each cell's label and right edge. */
async function tableLayout(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("table.pionieri-cards")].map((table) => {
      const rows = [...table.querySelectorAll("tbody tr")];
      const cells = [...table.querySelectorAll("tbody td")];
      return {
        caption: table.querySelector("caption")?.textContent ?? "",
        rows: rows.length,
        rowDisplay: [...new Set(rows.map((row) => getComputedStyle(row).display))],
        headerHidden: (table.querySelector("thead") as HTMLElement).getBoundingClientRect().height <= 1,
        // Each value shows its column's heading before it.
        labels: cells.every((cell) => {
          const column = [...cell.parentElement!.children].indexOf(cell);
          const heading = table.querySelectorAll("thead th")[column]?.textContent ?? "";
          return heading !== "" && getComputedStyle(cell, "::before").content === JSON.stringify(heading);
        }),
        widest: Math.max(0, ...cells.map((cell) => cell.getBoundingClientRect().right)),
      };
    }),
  );
}

/** The pages (paths made once the data exists), who looks at them, and how many data tables they hold. */
const PAGES: { name: string; path: () => string; who: string; tables: number }[] = [
  { name: "/admin/utenti", path: () => "/admin/utenti", who: "admin@test.example", tables: 1 },
  { name: "/admin/temi", path: () => "/admin/temi", who: "admin@test.example", tables: 1 },
  { name: "/registro", path: () => "/registro", who: "admin@test.example", tables: 1 },
  { name: "/cabina-di-regia", path: () => "/cabina-di-regia", who: "cabina@test.example", tables: 2 },
  { name: "/cabina-di-regia/confronto", path: () => compare, who: "cabina@test.example", tables: 1 },
  { name: "/crono-programma", path: () => "/crono-programma", who: "dipendente@test.example", tables: 2 },
  { name: "/crono-programma/gestione", path: () => "/crono-programma/gestione", who: "cabina@test.example", tables: 2 },
  { name: "/gruppi/logistica", path: () => "/gruppi/logistica", who: "dipendente@test.example", tables: 2 },
  { name: "/obiettivi/N", path: () => `/obiettivi/${objectiveId}`, who: "dipendente@test.example", tables: 1 },
];

describe("tables on a phone", () => {
  it.each(PAGES)(
    "$name: a table at 1280 px, label–value cards at 360 px, never wider than the screen, axe clean",
    async ({ path, who, tables }) => {
      const { page, context, problems } = await pageOf(who);
      await page.setViewportSize(DESKTOP);
      await page.goto(`${h.server.url}${path()}`);
      await expectAccessible(page);
      const wide = await tableLayout(page);
      expect(wide.length, "data tables on the page").toBeGreaterThanOrEqual(tables);
      for (const table of wide) {
        expect(table.rows, table.caption).toBeGreaterThan(0);
        expect(table.rowDisplay, table.caption).toEqual(["table-row"]);
        expect(table.headerHidden, table.caption).toBe(false);
      }
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

      await page.setViewportSize(PHONE);
      await page.goto(`${h.server.url}${path()}`);
      await expectAccessible(page);
      expect(await horizontalOverflow(page), `${path()} scrolls sideways at 360 px`).toBeLessThanOrEqual(0);
      for (const table of await tableLayout(page)) {
        expect(table.rowDisplay, table.caption).toEqual(["flex"]);
        expect(table.headerHidden, table.caption).toBe(true);
        expect(table.labels, `${table.caption}: every value has its label`).toBe(true);
        expect(table.widest, table.caption).toBeLessThanOrEqual(PHONE.width);
      }
      await context.close();
      expect(problems).toEqual([]);
    },
  );
});

describe("the idea list on a phone", () => {
  it("folds the filters behind «Filtra», the first idea in the first screen, with and without JavaScript", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const { page, context, problems } = await pageOf("dipendente@test.example", { javaScriptEnabled });
      await page.setViewportSize(PHONE);
      await page.goto(`${h.server.url}/idee`);
      // The first idea's title is read without scrolling. Measured on the title rather than the card's top edge: the
      // banners above it (a phase's end, a count of notices) change by a line with what earlier tests left behind.
      const title = page.locator(".pionieri-idea-card").first().getByRole("link").first();
      const box = (await title.boundingBox())!;
      expect(box.y + box.height, "the first idea's title ends in the first screen").toBeLessThanOrEqual(PHONE.height);
      const fold = page.locator("details.pionieri-filter-fold");
      expect(await fold.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
      await page.getByText("Filtra", { exact: true }).click();
      await page.getByLabel("Gruppo").selectOption({ label: "Logistica" });
      await page.getByRole("button", { name: "Applica i filtri" }).click();
      await page.waitForURL(/gruppo=logistica/);
      // The fold says how many filters are on.
      await page.getByText("Filtra (1)").waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await context.close();
      expect(problems).toEqual([]);
    }
  });

  it("has touch targets of at least 24 × 24 px for every control on the list, an idea and the user list", async () => {
    const idea = await h.server.db.idea.findFirstOrThrow({ where: { title: "Idea numero 1 per lo Sportello" } });
    for (const [who, path] of [
      ["dipendente@test.example", "/idee"],
      ["dipendente@test.example", `/idee/${idea.id}`],
      ["admin@test.example", "/admin/utenti"],
    ] as const) {
      const { page, context } = await pageOf(who);
      await page.setViewportSize(PHONE);
      await page.goto(`${h.server.url}${path}`);
      // Open every fold and menu, so that what they hold is measured too.
      await page.evaluate(() => document.querySelectorAll("main details").forEach((d) => d.setAttribute("open", "")));
      const { measured, small } = await page.evaluate(() => {
        const controls = [
          ...document.querySelectorAll(
            'main button, main select, main summary, main input[type="checkbox"], main input[type="radio"], main .btn',
          ),
        ]
          .map((el) => ({ el, box: el.getBoundingClientRect() }))
          .filter(({ box }) => box.width > 0 && box.height > 0);
        return {
          measured: controls.length,
          small: controls
            .filter(({ box }) => box.width < 24 || box.height < 24)
            .map(
              ({ el, box }) =>
                `${el.tagName} «${(el.textContent ?? "").trim().slice(0, 30)}» ${box.width}×${box.height}`,
            ),
        };
      });
      expect(measured, path).toBeGreaterThanOrEqual(3);
      expect(small, path).toEqual([]);
      await context.close();
    }
  });
});

describe("user text in a sentence", () => {
  it("a name with a right-to-left override cannot reorder the rest of the feed's line", async () => {
    const { db } = h.server;
    // As if stored before the forms cleaned text (or imported): the override is never closed.
    const spoofer = await db.user.update({
      where: { email: "osservatore@test.example" },
      data: { displayName: "\u202EOlga Osservatrice" },
    });
    await buildIdea(db, {
      title: "Totem eliminacode all'ingresso",
      groupId: h.scenario.groups.logistica!.id,
      authorId: spoofer.id,
    });
    const { page, context } = await pageOf("dipendente@test.example");
    await page.setViewportSize(DESKTOP);
    await page.goto(`${h.server.url}/`);
    const order = await page.evaluate(() => {
      const items = [...document.querySelectorAll(".pionieri-activity li")];
      const index = items.findIndex((li) => li.textContent?.includes("Totem eliminacode"));
      /** Left edges of a line's words, in the order they are written. */
      const lefts = (li: Element) => {
        const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
        const found: { word: string; left: number }[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const match of (node.textContent ?? "").matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            found.push({ word: match[0], left: range.getBoundingClientRect().left });
          }
        }
        return found;
      };
      const line = items[index]!;
      return {
        index,
        texts: items.slice(0, 4).map((li) => li.textContent),
        // The name's own letters are reversed by its override; nothing after it may be.
        line: lefts(line).filter(({ word }) => !/Olga|Osservatrice/.test(word)),
        next: lefts(items[index + 1]!),
      };
    });
    expect(order.index).toBeGreaterThanOrEqual(0);
    const increasing = (words: { word: string; left: number }[]) =>
      words.every((w, i) => i === 0 || w.left > words[i - 1]!.left);
    expect(order.line.map((w) => w.word).slice(0, 4)).toEqual(["ha", "proposto", "Totem", "eliminacode"]);
    expect(increasing(order.line), `the words after the name read left to right: ${JSON.stringify(order.line)}`).toBe(
      true,
    );
    expect(order.next.length, order.texts.join(" | ")).toBeGreaterThan(5);
    expect(increasing(order.next), `the next line reads left to right: ${JSON.stringify(order.next)}`).toBe(true);
    await context.close();
  });
});

describe("the privacy notice", () => {
  it("is public, linked from the login page and the footer, and accessible at both widths", async () => {
    const { context, problems } = await watchedContext(h.browser, h.server.url);
    const page = await context.newPage();
    await page.goto(`${h.server.url}/login`);
    await page
      .getByRole("link", { name: /Informativa privacy/ })
      .first()
      .click();
    await page.waitForURL("**/privacy");
    await page.getByRole("heading", { level: 1, name: /Informativa/ }).waitFor();
    for (const size of [DESKTOP, PHONE]) {
      await page.setViewportSize(size);
      await expectAccessible(page);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    }
    await context.close();
    expect(problems).toEqual([]);
  });
});
