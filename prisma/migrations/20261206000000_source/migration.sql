-- Where an imported postmortem came from (issue 16): its source file's name and content hash (idempotent re-import), its publication date as written, and the front matter the export does not own.
-- AlterTable
ALTER TABLE "Postmortem" ADD COLUMN "frontMatter" TEXT;
ALTER TABLE "Postmortem" ADD COLUMN "publishedAt" TEXT;
ALTER TABLE "Postmortem" ADD COLUMN "sourceFileName" TEXT;
ALTER TABLE "Postmortem" ADD COLUMN "sourceHash" TEXT;

-- CreateIndex
CREATE INDEX "Postmortem_sourceFileName_idx" ON "Postmortem"("sourceFileName");

-- CreateIndex
CREATE INDEX "Postmortem_sourceHash_idx" ON "Postmortem"("sourceHash");

