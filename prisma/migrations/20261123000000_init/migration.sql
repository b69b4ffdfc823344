-- CreateTable
CREATE TABLE "Postmortem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "severity" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "timezone" TEXT,
    "incidentDate" TEXT,
    "impact" TEXT NOT NULL DEFAULT '',
    "usersAffected" REAL,
    "errorRate" REAL,
    "durationMinutes" REAL,
    "requestsFailed" REAL,
    "revenueLost" REAL,
    "trigger" TEXT NOT NULL DEFAULT '',
    "rootCause" TEXT NOT NULL DEFAULT '',
    "wentWell" TEXT NOT NULL DEFAULT '',
    "wentWrong" TEXT NOT NULL DEFAULT '',
    "lucky" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PostmortemService" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "postmortemId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "PostmortemService_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PostmortemTag" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "postmortemId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "PostmortemTag_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PostmortemAuthor" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "postmortemId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "PostmortemAuthor_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TimelineEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "postmortemId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "instant" DATETIME,
    "offsetMinutes" INTEGER,
    "localTime" TEXT,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "link" TEXT,
    CONSTRAINT "TimelineEvent_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Why" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "postmortemId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    CONSTRAINT "Why_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ContributingFactor" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "postmortemId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    CONSTRAINT "ContributingFactor_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CorrectiveAction" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "postmortemId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "type" TEXT,
    "priority" TEXT,
    "owner" TEXT,
    "dueDate" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "url" TEXT,
    CONSTRAINT "CorrectiveAction_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Section" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "postmortemId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "isInternal" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Section_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Revision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "postmortemId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "authorName" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "snapshot" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Revision_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Postmortem_slug_key" ON "Postmortem"("slug");

-- CreateIndex
CREATE INDEX "Postmortem_status_idx" ON "Postmortem"("status");

-- CreateIndex
CREATE INDEX "Postmortem_updatedAt_idx" ON "Postmortem"("updatedAt");

-- CreateIndex
CREATE INDEX "PostmortemService_postmortemId_idx" ON "PostmortemService"("postmortemId");

-- CreateIndex
CREATE INDEX "PostmortemService_name_idx" ON "PostmortemService"("name");

-- CreateIndex
CREATE INDEX "PostmortemTag_postmortemId_idx" ON "PostmortemTag"("postmortemId");

-- CreateIndex
CREATE INDEX "PostmortemTag_name_idx" ON "PostmortemTag"("name");

-- CreateIndex
CREATE INDEX "PostmortemAuthor_postmortemId_idx" ON "PostmortemAuthor"("postmortemId");

-- CreateIndex
CREATE INDEX "TimelineEvent_postmortemId_idx" ON "TimelineEvent"("postmortemId");

-- CreateIndex
CREATE INDEX "Why_postmortemId_idx" ON "Why"("postmortemId");

-- CreateIndex
CREATE INDEX "ContributingFactor_postmortemId_idx" ON "ContributingFactor"("postmortemId");

-- CreateIndex
CREATE INDEX "ContributingFactor_category_idx" ON "ContributingFactor"("category");

-- CreateIndex
CREATE INDEX "CorrectiveAction_postmortemId_idx" ON "CorrectiveAction"("postmortemId");

-- CreateIndex
CREATE INDEX "CorrectiveAction_status_idx" ON "CorrectiveAction"("status");

-- CreateIndex
CREATE INDEX "Section_postmortemId_idx" ON "Section"("postmortemId");

-- CreateIndex
CREATE UNIQUE INDEX "Revision_postmortemId_version_key" ON "Revision"("postmortemId", "version");

