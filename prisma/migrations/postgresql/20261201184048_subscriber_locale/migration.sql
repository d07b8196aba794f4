-- AlterTable
ALTER TABLE "Subscriber" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en';
