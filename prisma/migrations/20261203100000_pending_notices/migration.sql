-- A notice to many (an idea's followers, a group's members) is written as one row in the
-- transaction of what it reports and fanned out into one Notification per person moments later,
-- many at a time: one comment on an idea with 550 followers wrote 550 rows scattered over the
-- (userId, readAt, createdAt) index inside the comment's own request (decision 0023).
-- Not among the content version's tables: no cached page shows it.

-- CreateTable
CREATE TABLE "PendingNotice" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "audience" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "ideaId" INTEGER,
    "objectiveId" INTEGER,
    "commentId" INTEGER,
    "groupId" TEXT,
    "authorId" TEXT,
    "actorId" TEXT,
    "data" TEXT NOT NULL,
    "except" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PendingNotice_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "Idea" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PendingNotice_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "Objective" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PendingNotice_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "WorkingGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
