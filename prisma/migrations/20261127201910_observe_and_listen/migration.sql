-- AlterTable
ALTER TABLE "Objective" ADD COLUMN "indicatorFigure" TEXT;

-- CreateTable
CREATE TABLE "Place" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "archived" BOOLEAN NOT NULL DEFAULT false
);

-- CreateTable
CREATE TABLE "Service" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "archived" BOOLEAN NOT NULL DEFAULT false
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT '',
    "groupId" TEXT,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Campaign_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "WorkingGroup" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Campaign_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CampaignPlace" (
    "campaignId" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,

    PRIMARY KEY ("campaignId", "placeId"),
    CONSTRAINT "CampaignPlace_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CampaignPlace_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CampaignService" (
    "campaignId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,

    PRIMARY KEY ("campaignId", "serviceId"),
    CONSTRAINT "CampaignService_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CampaignService_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CampaignMember" (
    "campaignId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("campaignId", "userId"),
    CONSTRAINT "CampaignMember_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CampaignMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Visit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "campaignId" TEXT NOT NULL,
    "recordedById" TEXT,
    "day" TEXT NOT NULL,
    "arrivalMinute" INTEGER NOT NULL,
    "weekday" INTEGER NOT NULL,
    "hour" INTEGER NOT NULL,
    "placeId" TEXT NOT NULL,
    "stopCount" INTEGER NOT NULL DEFAULT 1,
    "serviceId" TEXT,
    "waitSeconds" INTEGER,
    "serviceSeconds" INTEGER,
    "outcome" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Visit_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Visit_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Visit_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VisitStop" (
    "visitId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "placeId" TEXT NOT NULL,

    PRIMARY KEY ("visitId", "position"),
    CONSTRAINT "VisitStop_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VisitStop_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Survey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'BOZZA',
    "createdById" TEXT,
    "openedAt" DATETIME,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Survey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SurveyQuestion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "surveyId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "topic" TEXT,
    "textIt" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,
    CONSTRAINT "SurveyQuestion_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SurveyPlace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "surveyId" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "kioskToken" TEXT NOT NULL,
    CONSTRAINT "SurveyPlace_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SurveyPlace_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "surveyId" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "serviceId" TEXT,
    "day" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "freeText" TEXT,
    "textStatus" TEXT,
    "moderatedById" TEXT,
    CONSTRAINT "SurveyResponse_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SurveyResponse_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "SurveyResponse_moderatedById_fkey" FOREIGN KEY ("moderatedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SurveyAnswer" (
    "responseId" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "serviceId" TEXT,
    "week" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "score" INTEGER,

    PRIMARY KEY ("responseId", "questionId"),
    CONSTRAINT "SurveyAnswer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "SurveyResponse" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SurveyAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "SurveyQuestion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IdeaEvidence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ideaId" INTEGER NOT NULL,
    "figure" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,
    "asOf" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "IdeaEvidence_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "Idea" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);


-- CreateIndex
CREATE UNIQUE INDEX "Place_name_key" ON "Place"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Service_name_key" ON "Service"("name");

-- CreateIndex
CREATE INDEX "Campaign_startsOn_idx" ON "Campaign"("startsOn");

-- CreateIndex
CREATE INDEX "CampaignMember_userId_idx" ON "CampaignMember"("userId");

-- CreateIndex
CREATE INDEX "Visit_campaignId_placeId_idx" ON "Visit"("campaignId", "placeId");

-- CreateIndex
CREATE INDEX "Visit_campaignId_day_idx" ON "Visit"("campaignId", "day");

-- CreateIndex
CREATE INDEX "Visit_recordedById_createdAt_idx" ON "Visit"("recordedById", "createdAt");

-- CreateIndex
CREATE INDEX "VisitStop_placeId_idx" ON "VisitStop"("placeId");

-- CreateIndex
CREATE INDEX "Survey_createdAt_idx" ON "Survey"("createdAt");

-- CreateIndex
CREATE INDEX "SurveyQuestion_surveyId_position_idx" ON "SurveyQuestion"("surveyId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyPlace_token_key" ON "SurveyPlace"("token");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyPlace_kioskToken_key" ON "SurveyPlace"("kioskToken");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyPlace_surveyId_placeId_key" ON "SurveyPlace"("surveyId", "placeId");

-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_day_idx" ON "SurveyResponse"("surveyId", "day");

-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_textStatus_idx" ON "SurveyResponse"("surveyId", "textStatus");

-- CreateIndex
CREATE INDEX "SurveyAnswer_surveyId_questionId_placeId_serviceId_week_score_idx" ON "SurveyAnswer"("surveyId", "questionId", "placeId", "serviceId", "week", "score");

-- CreateIndex
CREATE INDEX "IdeaEvidence_ideaId_idx" ON "IdeaEvidence"("ideaId");

-- CreateIndex
CREATE INDEX "IdeaEvidence_figure_idx" ON "IdeaEvidence"("figure");

-- CreateIndex
CREATE INDEX "Objective_indicatorFigure_idx" ON "Objective"("indicatorFigure");

