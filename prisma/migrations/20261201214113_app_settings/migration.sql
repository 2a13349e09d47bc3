-- CreateTable
CREATE TABLE "AppSetting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedByUserId" TEXT,
    "updatedAt" DATETIME NOT NULL
);

