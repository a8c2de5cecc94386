-- Staff polls (issue 23, decision 0029): a question, its options, and ballots that carry no
-- person (a key only the voter's own page can compute) with their choices.

-- CreateTable
CREATE TABLE "Poll" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "question" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "multiple" BOOLEAN NOT NULL DEFAULT false,
    "showResults" TEXT NOT NULL DEFAULT 'AFTER_VOTE',
    "endsAt" DATETIME NOT NULL,
    "groupId" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Poll_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "WorkingGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Poll_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PollOption" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pollId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "PollOption_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PollBallot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pollId" TEXT NOT NULL,
    "voterKey" TEXT NOT NULL,
    CONSTRAINT "PollBallot_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PollChoice" (
    "ballotId" TEXT NOT NULL,
    "optionId" TEXT NOT NULL,

    PRIMARY KEY ("ballotId", "optionId"),
    CONSTRAINT "PollChoice_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "PollBallot" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PollChoice_optionId_fkey" FOREIGN KEY ("optionId") REFERENCES "PollOption" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Poll_endsAt_idx" ON "Poll"("endsAt");

-- CreateIndex
CREATE INDEX "PollOption_pollId_position_idx" ON "PollOption"("pollId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "PollBallot_pollId_voterKey_key" ON "PollBallot"("pollId", "voterKey");

-- CreateIndex
CREATE INDEX "PollChoice_optionId_idx" ON "PollChoice"("optionId");

