-- DropIndex
DROP INDEX "OutboxMail_status_nextAttemptAt_idx";

-- CreateIndex
CREATE INDEX "OutboxMail_status_nextAttemptAt_id_idx" ON "OutboxMail"("status", "nextAttemptAt", "id");

