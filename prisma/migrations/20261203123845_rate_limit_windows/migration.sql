-- The windows of the limits that protect sign-in, password reset and citizens' answers, so that a
-- restart does not reopen a window an attacker had filled (issue 24). Keys are hashed.

-- CreateTable
CREATE TABLE "RateLimitWindow" (
    "bucket" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "resetAt" DATETIME NOT NULL,

    PRIMARY KEY ("bucket", "keyHash")
);

-- CreateIndex
CREATE INDEX "RateLimitWindow_resetAt_idx" ON "RateLimitWindow"("resetAt");

