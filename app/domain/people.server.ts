import { db } from "~/lib/db/client.server";

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
      memberships: {
        select: { isLeader: true, group: { select: { slug: true, name: true } } },
        orderBy: { group: { position: "asc" } },
      },
      ideas: {
        orderBy: { createdAt: "desc" },
        take: 20,
        select: { id: true, title: true, status: true, createdAt: true },
      },
    },
  });
  return user;
}

/** Everything Pionieri holds about the person (GDPR art. 15): what they wrote, did and received. */
export async function personalData(userId: string) {
  const [user, ideas, comments, supports, follows, notifications, updates, files] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: {
        email: true,
        displayName: true,
        office: true,
        role: true,
        locale: true,
        active: true,
        createdAt: true,
        memberships: { select: { isLeader: true, joinedAt: true, group: { select: { name: true } } } },
      },
    }),
    db.idea.findMany({
      where: { authorId: userId },
      orderBy: { id: "asc" },
      select: { id: true, title: true, body: true, status: true, createdAt: true, editedAt: true },
    }),
    db.comment.findMany({
      where: { authorId: userId },
      orderBy: { id: "asc" },
      select: { id: true, ideaId: true, body: true, createdAt: true, editedAt: true, deletedAt: true },
    }),
    db.support.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { ideaId: true, createdAt: true },
    }),
    db.follow.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { ideaId: true, createdAt: true } }),
    db.notification.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { kind: true, ideaId: true, data: true, createdAt: true, readAt: true },
    }),
    db.progressUpdate.findMany({
      where: { authorId: userId },
      orderBy: { createdAt: "asc" },
      select: { objectiveId: true, date: true, progress: true, status: true, note: true, createdAt: true },
    }),
    db.attachment.findMany({
      where: { uploadedById: userId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        name: true,
        createdAt: true,
        ideaId: true,
        objectiveId: true,
        updateId: true,
        documentId: true,
        file: { select: { hash: true, mime: true, size: true } },
      },
    }),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    profile: user,
    ideas,
    comments,
    supports,
    follows,
    notifications: notifications.map((n) => ({ ...n, data: JSON.parse(n.data) as unknown })),
    progressUpdates: updates,
    /** The files they attached; in the ZIP download, under files/ with these names. */
    files: files.map((file, i) => ({
      name: file.name,
      inArchive: `files/${String(i + 1).padStart(3, "0")}-${file.name}`,
      type: file.file.mime,
      size: file.file.size,
      uploadedAt: file.createdAt,
      on: file.ideaId
        ? { idea: file.ideaId }
        : file.objectiveId
          ? { objective: file.objectiveId }
          : file.updateId
            ? { progressUpdate: file.updateId }
            : { groupDocument: file.documentId },
      hash: file.file.hash,
    })),
  };
}
