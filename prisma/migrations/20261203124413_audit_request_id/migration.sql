-- Each audit entry names the request that wrote it: the same id is in that request's log lines and
-- in its X-Request-Id header (issue 24).

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "requestId" TEXT;

