import { describe, expect, it } from "vitest";
import { expectAccessible, watchedContext } from "../support/browser";
import { useServer } from "../support/harness";
import { useDirectory } from "../support/ldap";

const colleague = {
  user: "mgialli",
  givenName: "Marta",
  surname: "Gialli",
  email: "marta.gialli@comune.example",
  password: "la-password-del-pc-42",
  office: "Ufficio Relazioni con il Pubblico",
};
const directory = useDirectory([colleague]);
const h = useServer({ browser: true, env: () => directory.env() });

/**
 * A colleague's first day with the directory: the username and password of their office
 * computer on the login page, and they are in. Once with JavaScript, once without.
 */
describe.each([
  { js: true, label: "with JavaScript" },
  { js: false, label: "without JavaScript" },
])("directory sign-in from the login page, $label", ({ js }) => {
  it("lands on the home page with the name and office the directory gave", async () => {
    const side = await watchedContext(h.browser, h.server.url, { javaScriptEnabled: js });
    const page = await side.context.newPage();
    await page.goto(`${h.server.url}/login`);
    // axe-core runs as a script in the page: only where scripts run.
    if (js) await expectAccessible(page);
    await page.getByLabel(/^Nome utente o email/).fill(js ? "mgialli" : "Marta.Gialli@comune.example");
    await page.getByLabel(/^Password/).fill(colleague.password);
    await page.getByRole("button", { name: "Accedi" }).click();
    await page.waitForURL(`${h.server.url}/`);
    await page.getByText("Oggi siamo nella fase: Esplorazione delle idee").waitFor();
    await expect(
      page
        .getByRole("link", { name: /Marta Gialli/ })
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await page.goto(`${h.server.url}/profilo`);
    expect(await page.getByLabel(/^Ufficio/).inputValue()).toBe(colleague.office);
    await page.getByText("la password si cambia lì").waitFor();
    await side.context.close();
    expect(side.problems).toEqual([]);
  });
});
