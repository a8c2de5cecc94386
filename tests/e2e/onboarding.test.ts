import { describe, expect, it } from "vitest";
import { login, watchedContext } from "../support/browser";
import { useServer } from "../support/harness";
import { PASSWORD } from "../support/scenario";

const h = useServer({ browser: true });

/**
 * The first day of a new colleague: the admin invites them, they accept and set a password,
 * join a working group and log out. Once with JavaScript, once without.
 */
describe.each([
  { js: true, label: "with JavaScript" },
  { js: false, label: "without JavaScript" },
])("invitation → first login → joining a group, $label", ({ js }) => {
  it("works end to end", async () => {
    const email = `nuovo.${js ? "js" : "nojs"}@test.example`;
    const name = js ? "Giada Giovane" : "Nino Senzajs";

    const adminSide = await watchedContext(h.browser, h.server.url, { javaScriptEnabled: js });
    const admin = await adminSide.context.newPage();
    await login(admin, h.server.url, "admin@test.example", PASSWORD);
    await admin.getByRole("link", { name: "Amministrazione" }).first().click();
    await admin.waitForURL("**/admin/utenti");
    await admin.locator("#invite-email").fill(email);
    await admin.locator("#f-role").selectOption("DIPENDENTE");
    await admin.getByRole("button", { name: "Crea l'invito" }).click();
    const linkField = admin.getByTestId("invitation-link");
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(new RegExp(`^${h.server.url}/invito/[A-Za-z0-9_-]{40,}$`));
    await adminSide.context.close();
    expect(adminSide.problems).toEqual([]);

    const colleagueSide = await watchedContext(h.browser, h.server.url, { javaScriptEnabled: js });
    const page = await colleagueSide.context.newPage();
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Completa il tuo account");
    await page.getByLabel("Nome e cognome").fill(name);
    await page.getByLabel("Ufficio").fill("Anagrafe");
    await page.getByLabel(/^Password/).fill("corta");
    await page.getByLabel("Ripeti la password").fill("corta");
    await page.getByRole("button", { name: "Crea l'account ed entra" }).click();
    const error = page.getByText("La password deve avere almeno 10 caratteri.");
    await error.waitFor();
    // The error is tied to its field for screen readers, and what was typed stays.
    const described = await page.getByLabel(/^Password/).getAttribute("aria-describedby");
    expect(described).toContain(await error.getAttribute("id"));
    expect(await page.getByLabel("Nome e cognome").inputValue()).toBe(name);

    await page.getByLabel(/^Password/).fill("una frase da ricordare");
    await page.getByLabel("Ripeti la password").fill("una frase da ricordare");
    await page.getByRole("button", { name: "Crea l'account ed entra" }).click();
    await page.getByText("Benvenuta, benvenuto tra i Pionieri!").waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    await page.getByText("Oggi siamo nella fase: Esplorazione delle idee").waitFor();

    await page.getByRole("button", { name: "Partecipa al gruppo Prodotti" }).click();
    await page.getByText("Ora fai parte del gruppo Prodotti").waitFor();
    await page.getByRole("link", { name: "Prodotti", exact: true }).click();
    await page.waitForURL("**/gruppi/prodotti");
    await page.getByRole("row", { name: new RegExp(name) }).waitFor();

    await page.getByRole("button", { name: "Esci" }).click();
    await page.getByText("Sei uscita, sei uscito da Pionieri").waitFor();
    await page.goto(`${h.server.url}/gruppi/prodotti`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await colleagueSide.context.close();
    expect(colleagueSide.problems).toEqual([]);

    const user = await h.server.db.user.findUniqueOrThrow({
      where: { email },
      include: { memberships: { include: { group: true } } },
    });
    expect(user.displayName).toBe(name);
    expect(user.memberships.map((m) => m.group.slug)).toEqual(["prodotti"]);
    expect(await h.server.db.session.count({ where: { userId: user.id } })).toBe(0);
  });
});
