-- AlterTable: who last changed an instance setting (the sandbox switch shows it)
ALTER TABLE "AppSetting" ADD COLUMN "updatedByUserId" TEXT;
