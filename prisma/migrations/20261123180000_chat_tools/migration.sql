-- Built-in tools per conversation; each answer's tool calls and results; quirk notes.
ALTER TABLE "Conversation" ADD COLUMN "enabledTools" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Message" ADD COLUMN "toolTrace" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "Message" ADD COLUMN "notes" TEXT NOT NULL DEFAULT '[]';
