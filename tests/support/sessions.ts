import { randomBytes } from "node:crypto";
import { Client } from "./http";
import type { TestServer } from "./server";

/**
 * A Client with a fresh session of `email`, stored the way a login stores it. For files that
 * need many signed-in people: real logins from one address would meet the login throttle.
 */
export async function signedIn(server: TestServer, email: string) {
  const user = await server.db.user.findUniqueOrThrow({ where: { email } });
  const id = randomBytes(20).toString("hex");
  await server.db.session.create({ data: { id, userId: user.id, expiresAt: new Date(Date.now() + 8 * 3600_000) } });
  const client = new Client(server.url);
  client.cookies.set("pionieri_session", id);
  return client;
}
