-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_placeId_serviceId_day_idx" ON "SurveyResponse"("surveyId", "placeId", "serviceId", "day");
