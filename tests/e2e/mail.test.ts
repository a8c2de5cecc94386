/**
 * E-mail in Chromium, with the test's own SMTP server: the invitation is followed from the mail
 * that arrived to a working account, with and without JavaScript; a forgotten password is
 * reset from the login page; the pages e-mail brings are accessible at 1280 and 360 px.
 */
import { describe, expect, it } from "vitest";
import { expectAccessible, login, watchedContext, type Page } from "../support/browser";
import { useServer } from "../support/harness";
import { PASSWORD } from "../support/scenario";
import { buildComment, buildIdea } from "../support/factories";
import { signedIn } from "../support/sessions";
import { mailEnv, useSmtp, type Received } from "../support/smtp";

const smtp = useSmtp();
const h = useServer({ browser: true, env: () => mailEnv(smtp) });

function linkIn(mail: Received, path: string) {
  const match = new RegExp(`https?://\\S+${path}\\S*`).exec(mail.mail.text ?? "");
  if (!match) throw new Error(`no ${path} link in:\n${mail.mail.text}`);
  return match[0];
}

describe.each([
  { js: true, label: "with JavaScript" },
  { js: false, label: "without JavaScript" },
])("the invitation, from the mail to a working account, $label", ({ js }) => {
  it("arrives and its link makes the account", async () => {
    const email = `da.posta.${js ? "js" : "nojs"}@test.example`;
    const adminSide = await watchedContext(h.browser, h.server.url, { javaScriptEnabled: js });
    const admin = await adminSide.context.newPage();
    await login(admin, h.server.url, "admin@test.example", PASSWORD);
    await admin.goto(`${h.server.url}/admin/utenti`);
    await admin.locator("#invite-email").fill(email);
    await admin.getByRole("button", { name: "Crea l'invito" }).click();
    await admin.getByText(`L'invito è stato inviato per e-mail a ${email}`).waitFor();
    await adminSide.context.close();
    expect(adminSide.problems).toEqual([]);

    const mail = await smtp.waitFor((r) => r.to.includes(email));
    expect(mail.mail.subject).toBe("Sei invitato su Pionieri, l'intranet dello Sportello del Cittadino");
    const colleagueSide = await watchedContext(h.browser, h.server.url, { javaScriptEnabled: js });
    const page = await colleagueSide.context.newPage();
    await page.goto(linkIn(mail, "/invito/"));
    await page.getByLabel("Nome e cognome").fill("Rita Dallaposta");
    await page.getByLabel(/^Password/).fill("una frase arrivata per posta");
    await page.getByLabel("Ripeti la password").fill("una frase arrivata per posta");
    await page.getByRole("button", { name: "Crea l'account ed entra" }).click();
    await page.getByText("Benvenuta, benvenuto tra i Pionieri!").waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    await colleagueSide.context.close();
    expect(colleagueSide.problems).toEqual([]);
  });
});

describe("a forgotten password", () => {
  it("is reset from the login page through the mail, and the old password stops working", async () => {
    const { context, problems } = await watchedContext(h.browser, h.server.url);
    const page = await context.newPage();
    await page.goto(`${h.server.url}/login`);
    await page.getByRole("link", { name: "Password dimenticata?" }).click();
    await page.waitForURL("**/password-dimenticata");
    await page.getByLabel("Email").fill("membro@test.example");
    await page.getByRole("button", { name: "Mandami il link" }).click();
    await page.getByText("Se l'indirizzo corrisponde a un account di Pionieri").waitFor();
    const mail = await smtp.waitFor(
      (r) => r.to.includes("membro@test.example") && /nuova password/.test(r.mail.subject ?? ""),
    );
    await page.goto(linkIn(mail, "/invito/"));
    await page.getByLabel(/^Password/).fill("la nuova password di marta");
    await page.getByLabel("Ripeti la password").fill("la nuova password di marta");
    await page.getByRole("button", { name: "Salva la password ed entra" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/invito"));
    await context.close();
    expect(problems).toEqual([]);

    const again = await watchedContext(h.browser, h.server.url);
    const retry = await again.context.newPage();
    await retry.goto(`${h.server.url}/login`);
    await retry.getByLabel("Email").fill("membro@test.example");
    await retry.getByLabel("Password").fill(PASSWORD);
    await retry.getByRole("button", { name: "Accedi" }).click();
    await retry.getByText("Email o password non corrette.").waitFor();
    await login(retry, h.server.url, "membro@test.example", "la nuova password di marta");
    await again.context.close();
  });
});

describe("the pages e-mail brings are accessible", () => {
  async function check(page: Page, path: string) {
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${h.server.url}${path}`);
      await expectAccessible(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(0);
    }
  }

  it("/password-dimenticata and /disiscrizione (signed out), /profilo's choices and /admin/posta", async () => {
    const { context, problems } = await watchedContext(h.browser, h.server.url);
    const page = await context.newPage();
    await check(page, "/password-dimenticata");
    // An unsubscribe link from a real notice: a colleague replies to the admin's comment.
    const { db } = h.server;
    const idea = await buildIdea(db, {
      title: "Una bacheca per i turni",
      groupId: h.scenario.groups.logistica!.id,
      authorId: h.scenario.users.leader.id,
    });
    const comment = await buildComment(db, { ideaId: idea.id, authorId: h.scenario.users.admin.id, body: "Utile" });
    const colleague = await signedIn(h.server, "dipendente@test.example");
    await colleague.post(`/idee/${idea.id}`, { intent: "comment", body: "Concordo", parentId: String(comment.id) });
    const reply = await smtp.waitFor(
      (r) => r.to.includes("admin@test.example") && /risposto/.test(r.mail.subject ?? ""),
    );
    const link = new URL(/List-Unsubscribe:\s*<([^>]+)>/i.exec(reply.raw.replace(/\r?\n[ \t]+/g, " "))![1]!);
    await check(page, link.pathname + link.search);
    await page.getByText("Vuoi smettere di ricevere le e-mail di questo tipo?").waitFor();
    await login(page, h.server.url, "admin@test.example", PASSWORD);
    await check(page, "/profilo");
    await page.getByRole("radio", { name: "Nuovi commenti sulle idee che segui Subito" }).check();
    await page.getByRole("button", { name: "Salva le preferenze e-mail" }).click();
    await page.getByText("Preferenze e-mail salvate.").waitFor();
    await check(page, "/admin/posta");
    await context.close();
    expect(problems).toEqual([]);
  });
});
