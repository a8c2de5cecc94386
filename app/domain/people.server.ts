import { db } from "~/lib/db.server";

/** A colleague's page by handle (the e-mail's local part, as in @nome.cognome). */
export async function getPerson(handle: string) {
  if (!/^[a-z0-9][a-z0-9._-]{0,63}$/i.test(handle)) return null;
  const user = await db.user.findFirst({
    where: { email: { startsWith: `${handle.toLowerCase()}@` }, passwordHash: { not: null } },
    select: {
      id: true,
      displayName: true,
      office: true,
      role: true,
      active: true,
      memberships: { select: { isLeader: true, group: { select: { slug: true, name: true } } }, orderBy: { group: { position: "asc" } } },
      ideas: { orderBy: { createdAt: "desc" }, take: 20, select: { id: true, title: true, status: true, createdAt: true } },
    },
  });
  return user;
}
