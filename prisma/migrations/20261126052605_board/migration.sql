-- CreateTable
CREATE TABLE "BoardNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ideaId" INTEGER NOT NULL,
    "authorId" TEXT,
    "note" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BoardNote_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "Idea" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BoardNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Snapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingDate" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "data" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Snapshot_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "BoardNote_ideaId_idx" ON "BoardNote"("ideaId");

-- CreateIndex
CREATE INDEX "Snapshot_createdAt_idx" ON "Snapshot"("createdAt");


-- A frozen snapshot never changes: the database itself refuses (Prisma's onDelete SetNull on
-- the author would be an UPDATE too, so accounts with snapshots are deactivated, not deleted).
CREATE TRIGGER "Snapshot_no_update" BEFORE UPDATE ON "Snapshot" BEGIN
    SELECT RAISE(ABORT, 'snapshot is immutable');
END;

CREATE TRIGGER "Snapshot_no_delete" BEFORE DELETE ON "Snapshot" BEGIN
    SELECT RAISE(ABORT, 'snapshot is immutable');
END;
