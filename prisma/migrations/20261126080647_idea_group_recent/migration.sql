-- CreateIndex
CREATE INDEX "Idea_groupId_createdAt_idx" ON "Idea"("groupId", "createdAt");

