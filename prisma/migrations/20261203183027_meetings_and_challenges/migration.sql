-- Group meetings and challenges (issue 23, docs/decisions/0031-meetings-and-challenges.md):
-- meetings with their agenda and answers, challenges that ideas answer, the calendar part of an
-- outbox mail, and the links from ideas, their story and notices.

-- AlterTable
ALTER TABLE "OutboxMail" ADD COLUMN "calendar" TEXT;
ALTER TABLE "OutboxMail" ADD COLUMN "calendarMethod" TEXT;

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "place" TEXT NOT NULL DEFAULT '',
    "videoUrl" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'PROGRAMMATA',
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "minutes" TEXT,
    "minutesHtml" TEXT,
    "minutesAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Meeting_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "WorkingGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Meeting_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "ideaId" INTEGER,
    "objectiveId" INTEGER,
    "decision" TEXT,
    "ideaStatus" TEXT,
    CONSTRAINT "MeetingItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingItem_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "Idea" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "MeetingItem_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "Objective" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingResponse" (
    "meetingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("meetingId", "userId"),
    CONSTRAINT "MeetingResponse_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingResponse_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Challenge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "descriptionHtml" TEXT NOT NULL,
    "groupId" TEXT,
    "evidenceFigure" TEXT,
    "evidenceSnapshot" TEXT,
    "evidenceAsOf" TEXT,
    "opensOn" TEXT NOT NULL,
    "closesOn" TEXT NOT NULL,
    "conclusion" TEXT,
    "conclusionHtml" TEXT,
    "concludedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Challenge_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "WorkingGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Challenge_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- Columns added in place, not by redefining the tables as the generated script did: Idea,
-- IdeaEvent and Notification carry triggers (the search index, ContentVersion) that a redefinition
-- would drop. SQLite accepts a REFERENCES clause on an added column whose default is NULL.
ALTER TABLE "Idea" ADD COLUMN "challengeId" TEXT REFERENCES "Challenge" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Idea" ADD COLUMN "shortlisted" BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX "Idea_challengeId_supportCount_idx" ON "Idea"("challengeId", "supportCount");
ALTER TABLE "IdeaEvent" ADD COLUMN "meetingId" TEXT REFERENCES "Meeting" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD COLUMN "meetingId" TEXT REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD COLUMN "challengeId" TEXT REFERENCES "Challenge" ("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "Meeting_groupId_startsAt_idx" ON "Meeting"("groupId", "startsAt");
CREATE INDEX "Meeting_startsAt_idx" ON "Meeting"("startsAt");
CREATE INDEX "MeetingItem_meetingId_position_idx" ON "MeetingItem"("meetingId", "position");
CREATE INDEX "MeetingItem_ideaId_idx" ON "MeetingItem"("ideaId");
CREATE INDEX "MeetingItem_objectiveId_idx" ON "MeetingItem"("objectiveId");
CREATE INDEX "MeetingResponse_userId_idx" ON "MeetingResponse"("userId");
CREATE INDEX "Challenge_closesOn_idx" ON "Challenge"("closesOn");

-- The home page keeps the open challenges while nothing changes (app/lib/db/cache.server.ts):
-- a challenge's rows raise the content version like the other tables cached pages show.
CREATE TRIGGER "Challenge_content_insert" AFTER INSERT ON "Challenge" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Challenge_content_update" AFTER UPDATE ON "Challenge" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Challenge_content_delete" AFTER DELETE ON "Challenge" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
