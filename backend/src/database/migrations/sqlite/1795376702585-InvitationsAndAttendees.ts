import { MigrationInterface, QueryRunner } from 'typeorm';

export class InvitationsAndAttendees1795376702585 implements MigrationInterface {
  name = 'InvitationsAndAttendees1795376702585';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "attendees" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "forumId" varchar(36) NOT NULL,
                "memberId" varchar(36),
                "invitationId" varchar(36),
                "role" varchar(12) NOT NULL,
                "firstName" varchar(80) NOT NULL,
                "lastName" varchar(80) NOT NULL,
                "countryCode" varchar(2),
                "region" varchar(80),
                "badgeNumber" integer NOT NULL,
                "badgeVersion" integer NOT NULL DEFAULT (1),
                "badgeRevoked" boolean NOT NULL DEFAULT (0),
                "status" varchar(12) NOT NULL DEFAULT ('confirmed'),
                "needs" text,
                "createdAt" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_50973f04d5e8501b0c98dc36af" ON "attendees" ("memberId")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_780e3e1c8b6db8199f14a19664" ON "attendees" ("invitationId")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_c7fc25ec77b2ac041b7374f74d" ON "attendees" ("forumId", "lastName")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_b6418b5f7bd0ea2c218c31788a" ON "attendees" ("forumId", "badgeNumber")
        `);
    await queryRunner.query(`
            CREATE TABLE "campaigns" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "forumId" varchar(36) NOT NULL,
                "name" varchar(120) NOT NULL,
                "audience" text NOT NULL,
                "status" varchar(12) NOT NULL DEFAULT ('draft'),
                "scheduledAt" datetime,
                "invitedCount" integer NOT NULL DEFAULT (0),
                "skipped" text,
                "reminderIntervalHours" integer NOT NULL DEFAULT (72),
                "createdById" varchar(36) NOT NULL,
                "createdAt" datetime NOT NULL DEFAULT (datetime('now')),
                "sentAt" datetime
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_e92618156fcdd80e4cfcfe24dd" ON "campaigns" ("forumId", "createdAt")
        `);
    await queryRunner.query(`
            CREATE TABLE "invitation_tokens" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "invitationId" varchar(36) NOT NULL,
                "tokenHash" varchar(64) NOT NULL,
                "revokedAt" datetime,
                "createdAt" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_718f931745b4d7131cdf00dbb9" ON "invitation_tokens" ("invitationId")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_d1f7dcbda2c0f62a7b0c9100e5" ON "invitation_tokens" ("tokenHash")
        `);
    await queryRunner.query(`
            CREATE TABLE "invitations" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "forumId" varchar(36) NOT NULL,
                "campaignId" varchar(36),
                "memberId" varchar(36) NOT NULL,
                "locale" varchar(2) NOT NULL,
                "messageKey" varchar(191),
                "revokedAt" datetime,
                "openedAt" datetime,
                "response" varchar(12),
                "respondedAt" datetime,
                "placeHeld" boolean NOT NULL DEFAULT (0),
                "waitlistedAt" datetime(3),
                "days" text,
                "dietary" text,
                "dietaryNote" varchar(500),
                "accessibility" text,
                "accessibilityNote" varchar(500),
                "arrivalCountry" varchar(2),
                "arrivalCity" varchar(80),
                "declineReason" varchar(500),
                "lastRemindedAt" datetime,
                "reminderCount" integer NOT NULL DEFAULT (0),
                "createdAt" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_a59347777c83abae9ee6b2ab47" ON "invitations" ("forumId", "waitlistedAt")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_fc3ca9b5b4e45c228288aafd36" ON "invitations" ("campaignId", "response")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_ae39775d55847074fd252491a6" ON "invitations" ("forumId", "memberId")
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_forums" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "name" varchar(160) NOT NULL,
                "slug" varchar(80) NOT NULL,
                "venue" varchar(200) NOT NULL,
                "timezone" varchar(64) NOT NULL,
                "startDate" varchar(10) NOT NULL,
                "endDate" varchar(10) NOT NULL,
                "capacity" integer NOT NULL,
                "rsvpDeadline" datetime,
                "status" varchar(16) NOT NULL DEFAULT ('draft'),
                "createdAt" datetime NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime NOT NULL DEFAULT (datetime('now')),
                "placesTaken" integer NOT NULL DEFAULT (0),
                "lastBadgeNumber" integer NOT NULL DEFAULT (0),
                CONSTRAINT "UQ_505d0853ce50ea01d323429dae2" UNIQUE ("slug")
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_forums"(
                    "id",
                    "name",
                    "slug",
                    "venue",
                    "timezone",
                    "startDate",
                    "endDate",
                    "capacity",
                    "rsvpDeadline",
                    "status",
                    "createdAt",
                    "updatedAt"
                )
            SELECT "id",
                "name",
                "slug",
                "venue",
                "timezone",
                "startDate",
                "endDate",
                "capacity",
                "rsvpDeadline",
                "status",
                "createdAt",
                "updatedAt"
            FROM "forums"
        `);
    await queryRunner.query(`
            DROP TABLE "forums"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_forums"
                RENAME TO "forums"
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "forums"
                RENAME TO "temporary_forums"
        `);
    await queryRunner.query(`
            CREATE TABLE "forums" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "name" varchar(160) NOT NULL,
                "slug" varchar(80) NOT NULL,
                "venue" varchar(200) NOT NULL,
                "timezone" varchar(64) NOT NULL,
                "startDate" varchar(10) NOT NULL,
                "endDate" varchar(10) NOT NULL,
                "capacity" integer NOT NULL,
                "rsvpDeadline" datetime,
                "status" varchar(16) NOT NULL DEFAULT ('draft'),
                "createdAt" datetime NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "UQ_505d0853ce50ea01d323429dae2" UNIQUE ("slug")
            )
        `);
    await queryRunner.query(`
            INSERT INTO "forums"(
                    "id",
                    "name",
                    "slug",
                    "venue",
                    "timezone",
                    "startDate",
                    "endDate",
                    "capacity",
                    "rsvpDeadline",
                    "status",
                    "createdAt",
                    "updatedAt"
                )
            SELECT "id",
                "name",
                "slug",
                "venue",
                "timezone",
                "startDate",
                "endDate",
                "capacity",
                "rsvpDeadline",
                "status",
                "createdAt",
                "updatedAt"
            FROM "temporary_forums"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_forums"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_ae39775d55847074fd252491a6"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_fc3ca9b5b4e45c228288aafd36"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_a59347777c83abae9ee6b2ab47"
        `);
    await queryRunner.query(`
            DROP TABLE "invitations"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_d1f7dcbda2c0f62a7b0c9100e5"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_718f931745b4d7131cdf00dbb9"
        `);
    await queryRunner.query(`
            DROP TABLE "invitation_tokens"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_e92618156fcdd80e4cfcfe24dd"
        `);
    await queryRunner.query(`
            DROP TABLE "campaigns"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_b6418b5f7bd0ea2c218c31788a"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_c7fc25ec77b2ac041b7374f74d"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_780e3e1c8b6db8199f14a19664"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_50973f04d5e8501b0c98dc36af"
        `);
    await queryRunner.query(`
            DROP TABLE "attendees"
        `);
  }
}
