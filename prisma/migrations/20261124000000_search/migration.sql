-- Full-text search (docs/decisions/012-search-with-fts5.md).
--
-- "SearchDocument" holds each postmortem's text by field and its facet values;
-- lib/server/search/reindex-postmortem.ts writes it in the transaction of
-- every save. "SearchIndex" is an FTS5 index over its text (external content:
-- the text is stored once, in "SearchDocument"), kept in step by the triggers
-- below. Hand-written: Prisma cannot describe virtual tables or triggers, so a
-- future `prisma migrate diff` must be generated from the schema files, never
-- from this database (it would offer to drop them).

CREATE TABLE "SearchDocument" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "seq" INTEGER NOT NULL,
    "severity" TEXT,
    "status" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "services" TEXT NOT NULL,
    "tags" TEXT NOT NULL,
    "factorCategories" TEXT NOT NULL,
    "actionStatuses" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "labels" TEXT NOT NULL,
    "impact" TEXT NOT NULL,
    "timeline" TEXT NOT NULL,
    "rootCause" TEXT NOT NULL,
    "factors" TEXT NOT NULL,
    "actions" TEXT NOT NULL,
    "lessons" TEXT NOT NULL,
    "sections" TEXT NOT NULL,
    CONSTRAINT "SearchDocument_id_fkey" FOREIGN KEY ("id") REFERENCES "Postmortem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Covers the facet columns, so that loading or refreshing the facet cache
-- reads this narrow index and never the wide text rows.
CREATE INDEX "SearchDocument_seq_idx" ON "SearchDocument"("seq", "severity", "status", "day", "services", "tags", "factorCategories", "actionStatuses");

CREATE TABLE "SearchWord" (
    "word" TEXT NOT NULL PRIMARY KEY
) WITHOUT ROWID;

CREATE TABLE "SearchState" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "deletions" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "SearchState" ("id", "deletions") VALUES (1, 0);

-- Columns in bm25 weight order; the weights live in lib/server/search/sql.ts.
-- prefix = '2 3': half-typed words of two or three letters are looked up in
-- their own small index instead of merging every term that starts with them.
CREATE VIRTUAL TABLE "SearchIndex" USING fts5(
    "title", "summary", "labels", "impact", "timeline", "rootCause", "factors", "actions", "lessons", "sections",
    content = 'SearchDocument',
    content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2',
    prefix = '2 3'
);

-- Document frequencies by term (used to pick the distinctive words of a postmortem).
CREATE VIRTUAL TABLE "SearchTerm" USING fts5vocab('SearchIndex', 'row');

CREATE TRIGGER "SearchDocument_after_insert" AFTER INSERT ON "SearchDocument" BEGIN
    INSERT INTO "SearchIndex" ("rowid", "title", "summary", "labels", "impact", "timeline", "rootCause", "factors", "actions", "lessons", "sections")
    VALUES (new."id", new."title", new."summary", new."labels", new."impact", new."timeline", new."rootCause", new."factors", new."actions", new."lessons", new."sections");
END;

CREATE TRIGGER "SearchDocument_after_delete" AFTER DELETE ON "SearchDocument" BEGIN
    INSERT INTO "SearchIndex" ("SearchIndex", "rowid", "title", "summary", "labels", "impact", "timeline", "rootCause", "factors", "actions", "lessons", "sections")
    VALUES ('delete', old."id", old."title", old."summary", old."labels", old."impact", old."timeline", old."rootCause", old."factors", old."actions", old."lessons", old."sections");
    UPDATE "SearchState" SET "deletions" = "deletions" + 1 WHERE "id" = 1;
END;

-- Only when the text changed: archiving or a new severity re-indexes nothing.
CREATE TRIGGER "SearchDocument_after_update" AFTER UPDATE ON "SearchDocument"
WHEN old."title" IS NOT new."title" OR old."summary" IS NOT new."summary" OR old."labels" IS NOT new."labels"
  OR old."impact" IS NOT new."impact" OR old."timeline" IS NOT new."timeline" OR old."rootCause" IS NOT new."rootCause"
  OR old."factors" IS NOT new."factors" OR old."actions" IS NOT new."actions" OR old."lessons" IS NOT new."lessons"
  OR old."sections" IS NOT new."sections" OR old."id" IS NOT new."id"
BEGIN
    INSERT INTO "SearchIndex" ("SearchIndex", "rowid", "title", "summary", "labels", "impact", "timeline", "rootCause", "factors", "actions", "lessons", "sections")
    VALUES ('delete', old."id", old."title", old."summary", old."labels", old."impact", old."timeline", old."rootCause", old."factors", old."actions", old."lessons", old."sections");
    INSERT INTO "SearchIndex" ("rowid", "title", "summary", "labels", "impact", "timeline", "rootCause", "factors", "actions", "lessons", "sections")
    VALUES (new."id", new."title", new."summary", new."labels", new."impact", new."timeline", new."rootCause", new."factors", new."actions", new."lessons", new."sections");
END;

-- Index the postmortems that exist already. The application writes the same
-- fields (with Markdown punctuation removed) on the next save of each one;
-- `npx hindsight reindex` does it for all of them, and fills "SearchWord".
INSERT INTO "SearchDocument" (
    "id", "seq", "severity", "status", "day", "services", "tags", "factorCategories", "actionStatuses",
    "title", "summary", "labels", "impact", "timeline", "rootCause", "factors", "actions", "lessons", "sections"
)
SELECT
    p."id",
    -- The order of the last saves so far: "recently updated" is right from the start.
    row_number() OVER (ORDER BY p."updatedAt", p."id"),
    p."severity",
    p."status",
    coalesce(p."incidentDate", substr(p."createdAt", 1, 10)),
    (SELECT json_group_array("name") FROM (SELECT "name" FROM "PostmortemService" WHERE "postmortemId" = p."id" ORDER BY "position")),
    (SELECT json_group_array("name") FROM (SELECT "name" FROM "PostmortemTag" WHERE "postmortemId" = p."id" ORDER BY "position")),
    (SELECT json_group_array(DISTINCT "category") FROM "ContributingFactor" WHERE "postmortemId" = p."id"),
    (SELECT json_group_array(DISTINCT "status") FROM "CorrectiveAction" WHERE "postmortemId" = p."id"),
    p."title",
    p."summary",
    concat_ws(char(10),
        (SELECT group_concat("name", char(10)) FROM "PostmortemService" WHERE "postmortemId" = p."id"),
        (SELECT group_concat("name", char(10)) FROM "PostmortemTag" WHERE "postmortemId" = p."id"),
        (SELECT group_concat("name", char(10)) FROM "PostmortemAuthor" WHERE "postmortemId" = p."id")),
    p."impact",
    coalesce((SELECT group_concat("text", char(10)) FROM (SELECT "text" FROM "TimelineEvent" WHERE "postmortemId" = p."id" ORDER BY "position")), ''),
    concat_ws(char(10), p."trigger", p."rootCause",
        (SELECT group_concat("text", char(10)) FROM (SELECT "text" FROM "Why" WHERE "postmortemId" = p."id" ORDER BY "position"))),
    coalesce((SELECT group_concat(replace("category", '_', ' ') || ': ' || "text", char(10)) FROM "ContributingFactor" WHERE "postmortemId" = p."id"), ''),
    coalesce((SELECT group_concat(concat_ws(char(10), "title", "description", "owner"), char(10)) FROM "CorrectiveAction" WHERE "postmortemId" = p."id"), ''),
    concat_ws(char(10), p."wentWell", p."wentWrong", p."lucky"),
    coalesce((SELECT group_concat("title" || char(10) || "body", char(10)) FROM "Section" WHERE "postmortemId" = p."id"), '')
FROM "Postmortem" p;
