-- DropIndex
DROP INDEX "Notification_createdAt_idx";

-- CreateIndex
CREATE INDEX "Notification_kind_createdAt_idx" ON "Notification"("kind", "createdAt");

