import type { Actor } from "~/lib/actor";
import { whileUnchanged } from "~/lib/db/cache.server";
import { db } from "~/lib/db/client.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { audit } from "./audit.server";
import { assertCan } from "./policy.server";
import { DEFAULT_PRIVACY_NOTICE } from "./privacy";

/**
 * Texts the administrator writes in the app: the privacy notice, in Markdown, rendered when saved.
 * Until it is written the notice is the default (privacy.ts), with the parts to fill in marked.
 */
type PrivacyNotice = { markdown: string; html: string; updatedAt: string | null; custom: boolean };

const defaultNotice: PrivacyNotice = {
  markdown: DEFAULT_PRIVACY_NOTICE,
  html: renderMarkdown(DEFAULT_PRIVACY_NOTICE),
  updatedAt: null,
  custom: false,
};

export function getPrivacyNotice(): Promise<PrivacyNotice> {
  return whileUnchanged("setting.privacy", async () => {
    const row = await db.setting.findUnique({ where: { key: "privacy" }, select: { value: true, updatedAt: true } });
    if (!row) return defaultNotice;
    const value = JSON.parse(row.value) as { markdown: string; html: string };
    return { ...value, updatedAt: row.updatedAt.toISOString(), custom: true };
  });
}

/** The administrator writes the body's own notice; an empty text goes back to the default. */
export async function updatePrivacyNotice(actor: Actor, markdown: string) {
  assertCan(actor, "privacy.edit");
  await db.$transaction(async (tx) => {
    if (!markdown) await tx.setting.deleteMany({ where: { key: "privacy" } });
    else {
      const value = JSON.stringify({ markdown, html: renderMarkdown(markdown) });
      await tx.setting.upsert({
        where: { key: "privacy" },
        create: { key: "privacy", value, updatedById: actor.id },
        update: { value, updatedById: actor.id },
      });
    }
    await audit(tx, actor.id, "setting.privacy", "privacy", { length: markdown.length });
  });
}
