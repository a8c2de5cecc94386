import { randomBytes } from "node:crypto";
import { db } from "~/lib/db/client.server";

/**
 * Secrets the server makes once and keeps in `Setting` (32 random bytes, hex), read into memory on
 * first use: the key of the unsubscribe links' signatures, the key of the polls' ballots. Made only
 * by a write that needs one (`create: true`); a read before that answers null, so reading a page
 * never writes.
 */
export type SecretName = "mail-secret" | "poll-secret";

const kept = new Map<SecretName, Buffer>();

export async function serverSecret(name: SecretName, options: { create: boolean }): Promise<Buffer | null> {
  const known = kept.get(name);
  if (known) return known;
  if (options.create)
    await db.setting.upsert({
      where: { key: name },
      create: { key: name, value: JSON.stringify(randomBytes(32).toString("hex")) },
      update: {},
    });
  const row = await db.setting.findUnique({ where: { key: name }, select: { value: true } });
  if (!row) return null;
  const secret = Buffer.from(JSON.parse(row.value) as string, "hex");
  kept.set(name, secret);
  return secret;
}
