-- Postgres twin of prisma/migrations/20261123180000_chat_tools (prisma migrate diff, provider postgresql).
-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "enabledTools" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "notes" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "toolTrace" TEXT NOT NULL DEFAULT '[]';

