-- A comment on a followed idea writes one notice per follower: each index of Notification is
-- one more B-tree write per row. The sender finds the notices to mail through createdAt, the
-- digest through (userId, readAt, createdAt): nothing reads this one.

-- DropIndex
DROP INDEX "Notification_emailedAt_idx";
