-- DropIndex
DROP INDEX "Idea_authorId_idx";

-- DropIndex
DROP INDEX "Support_userId_idx";

-- DropIndex
DROP INDEX "Comment_authorId_idx";

-- CreateIndex
CREATE INDEX "Idea_authorId_createdAt_idx" ON "Idea"("authorId", "createdAt");

-- CreateIndex
CREATE INDEX "Support_userId_createdAt_idx" ON "Support"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_authorId_createdAt_idx" ON "Comment"("authorId", "createdAt");

-- CreateIndex
CREATE INDEX "ProgressUpdate_authorId_createdAt_idx" ON "ProgressUpdate"("authorId", "createdAt");

