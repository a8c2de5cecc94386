-- The content version (decision 0022): one row, raised by a trigger on every write to a table
-- whose rows a page keeps in memory, whoever writes (the server, its mail worker, a script).
-- Left out on purpose: Session (sliding), OutboxMail (thousands of writes on a digest morning),
-- Notification (a comment's fan-out), AuditEvent, CalendarToken, Invitation and UserImport
-- (nothing cached shows them; they are bookkeeping around writes that are counted), and
-- citizens' visits and answers (Visit, VisitStop, SurveyResponse, SurveyAnswer), whose figures
-- are kept per campaign or survey and told by their own writes. tests/integration/database.test.ts checks that every
-- other table has its three triggers, so a migration that rebuilds a table cannot drop them unseen.

-- CreateTable
CREATE TABLE "ContentVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "n" INTEGER NOT NULL DEFAULT 0
);

INSERT INTO "ContentVersion" ("id", "n") VALUES (1, 0);

CREATE TRIGGER "Attachment_content_insert" AFTER INSERT ON "Attachment" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Attachment_content_update" AFTER UPDATE ON "Attachment" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Attachment_content_delete" AFTER DELETE ON "Attachment" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "BoardNote_content_insert" AFTER INSERT ON "BoardNote" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "BoardNote_content_update" AFTER UPDATE ON "BoardNote" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "BoardNote_content_delete" AFTER DELETE ON "BoardNote" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Campaign_content_insert" AFTER INSERT ON "Campaign" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Campaign_content_update" AFTER UPDATE ON "Campaign" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Campaign_content_delete" AFTER DELETE ON "Campaign" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CampaignMember_content_insert" AFTER INSERT ON "CampaignMember" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CampaignMember_content_update" AFTER UPDATE ON "CampaignMember" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CampaignMember_content_delete" AFTER DELETE ON "CampaignMember" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CampaignPlace_content_insert" AFTER INSERT ON "CampaignPlace" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CampaignPlace_content_update" AFTER UPDATE ON "CampaignPlace" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CampaignPlace_content_delete" AFTER DELETE ON "CampaignPlace" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CampaignService_content_insert" AFTER INSERT ON "CampaignService" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CampaignService_content_update" AFTER UPDATE ON "CampaignService" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CampaignService_content_delete" AFTER DELETE ON "CampaignService" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Comment_content_insert" AFTER INSERT ON "Comment" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Comment_content_update" AFTER UPDATE ON "Comment" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Comment_content_delete" AFTER DELETE ON "Comment" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CommentReport_content_insert" AFTER INSERT ON "CommentReport" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CommentReport_content_update" AFTER UPDATE ON "CommentReport" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CommentReport_content_delete" AFTER DELETE ON "CommentReport" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Follow_content_insert" AFTER INSERT ON "Follow" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Follow_content_update" AFTER UPDATE ON "Follow" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Follow_content_delete" AFTER DELETE ON "Follow" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "GroupDocument_content_insert" AFTER INSERT ON "GroupDocument" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "GroupDocument_content_update" AFTER UPDATE ON "GroupDocument" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "GroupDocument_content_delete" AFTER DELETE ON "GroupDocument" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Idea_content_insert" AFTER INSERT ON "Idea" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Idea_content_update" AFTER UPDATE ON "Idea" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Idea_content_delete" AFTER DELETE ON "Idea" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "IdeaEvent_content_insert" AFTER INSERT ON "IdeaEvent" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "IdeaEvent_content_update" AFTER UPDATE ON "IdeaEvent" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "IdeaEvent_content_delete" AFTER DELETE ON "IdeaEvent" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "IdeaEvidence_content_insert" AFTER INSERT ON "IdeaEvidence" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "IdeaEvidence_content_update" AFTER UPDATE ON "IdeaEvidence" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "IdeaEvidence_content_delete" AFTER DELETE ON "IdeaEvidence" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "IdeaRevision_content_insert" AFTER INSERT ON "IdeaRevision" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "IdeaRevision_content_update" AFTER UPDATE ON "IdeaRevision" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "IdeaRevision_content_delete" AFTER DELETE ON "IdeaRevision" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "IdeaTag_content_insert" AFTER INSERT ON "IdeaTag" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "IdeaTag_content_update" AFTER UPDATE ON "IdeaTag" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "IdeaTag_content_delete" AFTER DELETE ON "IdeaTag" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Membership_content_insert" AFTER INSERT ON "Membership" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Membership_content_update" AFTER UPDATE ON "Membership" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Membership_content_delete" AFTER DELETE ON "Membership" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Milestone_content_insert" AFTER INSERT ON "Milestone" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Milestone_content_update" AFTER UPDATE ON "Milestone" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Milestone_content_delete" AFTER DELETE ON "Milestone" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Objective_content_insert" AFTER INSERT ON "Objective" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Objective_content_update" AFTER UPDATE ON "Objective" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Objective_content_delete" AFTER DELETE ON "Objective" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ObjectiveChange_content_insert" AFTER INSERT ON "ObjectiveChange" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ObjectiveChange_content_update" AFTER UPDATE ON "ObjectiveChange" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ObjectiveChange_content_delete" AFTER DELETE ON "ObjectiveChange" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ObjectiveIdea_content_insert" AFTER INSERT ON "ObjectiveIdea" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ObjectiveIdea_content_update" AFTER UPDATE ON "ObjectiveIdea" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ObjectiveIdea_content_delete" AFTER DELETE ON "ObjectiveIdea" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Phase_content_insert" AFTER INSERT ON "Phase" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Phase_content_update" AFTER UPDATE ON "Phase" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Phase_content_delete" AFTER DELETE ON "Phase" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Place_content_insert" AFTER INSERT ON "Place" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Place_content_update" AFTER UPDATE ON "Place" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Place_content_delete" AFTER DELETE ON "Place" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ProgressUpdate_content_insert" AFTER INSERT ON "ProgressUpdate" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ProgressUpdate_content_update" AFTER UPDATE ON "ProgressUpdate" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ProgressUpdate_content_delete" AFTER DELETE ON "ProgressUpdate" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Service_content_insert" AFTER INSERT ON "Service" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Service_content_update" AFTER UPDATE ON "Service" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Service_content_delete" AFTER DELETE ON "Service" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Setting_content_insert" AFTER INSERT ON "Setting" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Setting_content_update" AFTER UPDATE ON "Setting" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Setting_content_delete" AFTER DELETE ON "Setting" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Snapshot_content_insert" AFTER INSERT ON "Snapshot" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Snapshot_content_update" AFTER UPDATE ON "Snapshot" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Snapshot_content_delete" AFTER DELETE ON "Snapshot" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "StoredFile_content_insert" AFTER INSERT ON "StoredFile" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "StoredFile_content_update" AFTER UPDATE ON "StoredFile" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "StoredFile_content_delete" AFTER DELETE ON "StoredFile" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Support_content_insert" AFTER INSERT ON "Support" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Support_content_update" AFTER UPDATE ON "Support" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Support_content_delete" AFTER DELETE ON "Support" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Survey_content_insert" AFTER INSERT ON "Survey" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Survey_content_update" AFTER UPDATE ON "Survey" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Survey_content_delete" AFTER DELETE ON "Survey" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "SurveyPlace_content_insert" AFTER INSERT ON "SurveyPlace" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "SurveyPlace_content_update" AFTER UPDATE ON "SurveyPlace" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "SurveyPlace_content_delete" AFTER DELETE ON "SurveyPlace" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "SurveyQuestion_content_insert" AFTER INSERT ON "SurveyQuestion" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "SurveyQuestion_content_update" AFTER UPDATE ON "SurveyQuestion" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "SurveyQuestion_content_delete" AFTER DELETE ON "SurveyQuestion" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Tag_content_insert" AFTER INSERT ON "Tag" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Tag_content_update" AFTER UPDATE ON "Tag" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Tag_content_delete" AFTER DELETE ON "Tag" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "User_content_insert" AFTER INSERT ON "User" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "User_content_update" AFTER UPDATE ON "User" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "User_content_delete" AFTER DELETE ON "User" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "WorkingGroup_content_insert" AFTER INSERT ON "WorkingGroup" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "WorkingGroup_content_update" AFTER UPDATE ON "WorkingGroup" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "WorkingGroup_content_delete" AFTER DELETE ON "WorkingGroup" BEGIN UPDATE "ContentVersion" SET "n" = "n" + 1 WHERE "id" = 1; END;
