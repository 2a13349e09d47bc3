-- Changing course (issue 14): per-column top_p, stop sequences and reasoning effort; presets that
-- are saved model sets; and messages as a tree, so edited prompts (branches) and regenerated
-- answers (versions) keep their earlier siblings.

-- AlterTable
ALTER TABLE "ConversationColumn" ADD COLUMN "reasoningEffort" TEXT;
ALTER TABLE "ConversationColumn" ADD COLUMN "stop" TEXT;
ALTER TABLE "ConversationColumn" ADD COLUMN "topP" REAL;

-- AlterTable
ALTER TABLE "Preset" ADD COLUMN "columns" TEXT;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN "parentId" TEXT;
ALTER TABLE "Message" ADD COLUMN "selected" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "Message" ADD COLUMN "sharedAnswerId" TEXT;

-- CreateIndex
CREATE INDEX "Message_parentId_idx" ON "Message"("parentId");

-- Existing conversations are one branch: each prompt follows the prompt of the turn before,
-- and each answer belongs to its turn's prompt.
UPDATE "Message" SET "parentId" = (
  SELECT u."id" FROM "Message" u
  WHERE u."conversationId" = "Message"."conversationId" AND u."role" = 'user' AND u."turn" = "Message"."turn" - 1
  ORDER BY u."createdAt" LIMIT 1
) WHERE "role" = 'user';
UPDATE "Message" SET "parentId" = (
  SELECT u."id" FROM "Message" u
  WHERE u."conversationId" = "Message"."conversationId" AND u."role" = 'user' AND u."turn" = "Message"."turn"
  ORDER BY u."createdAt" LIMIT 1
) WHERE "role" <> 'user';
