import { MigrationInterface, QueryRunner } from "typeorm";

export class RetentionAndAuditPage1796195700027 implements MigrationInterface {
    name = 'RetentionAndAuditPage1796195700027'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "scheduled_jobs" (
                "name" varchar(48) PRIMARY KEY NOT NULL,
                "nextRunAt" datetime(3) NOT NULL,
                "leaseUntil" datetime(3),
                "leaseOwner" varchar(64),
                "lastRunAt" datetime(3)
            )
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
                "retentionMonths" integer,
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
                    "updatedAt",
                    "placesTaken",
                    "lastBadgeNumber"
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
                "updatedAt",
                "placesTaken",
                "lastBadgeNumber"
            FROM "forums"
        `);
        await queryRunner.query(`
            DROP TABLE "forums"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_forums"
                RENAME TO "forums"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_d8c6d3f534885550caba170628"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_5fb73ec3167ac1b3d330c9c2b8"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_d97799f977ce7ec3bcdf5691d2"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_messages" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "recipient" varchar(254) NOT NULL,
                "memberId" varchar(36),
                "template" varchar(64) NOT NULL,
                "locale" varchar(2) NOT NULL,
                "data" text NOT NULL,
                "idempotencyKey" varchar(191) NOT NULL,
                "state" varchar(12) NOT NULL,
                "attempts" integer NOT NULL DEFAULT (0),
                "nextAttemptAt" datetime(3) NOT NULL,
                "leaseUntil" datetime(3),
                "lastError" varchar(1000),
                "smtpMessageId" varchar(255),
                "createdAt" datetime NOT NULL DEFAULT (datetime('now')),
                "sentAt" datetime,
                "forumId" varchar(36)
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_messages"(
                    "id",
                    "recipient",
                    "memberId",
                    "template",
                    "locale",
                    "data",
                    "idempotencyKey",
                    "state",
                    "attempts",
                    "nextAttemptAt",
                    "leaseUntil",
                    "lastError",
                    "smtpMessageId",
                    "createdAt",
                    "sentAt"
                )
            SELECT "id",
                "recipient",
                "memberId",
                "template",
                "locale",
                "data",
                "idempotencyKey",
                "state",
                "attempts",
                "nextAttemptAt",
                "leaseUntil",
                "lastError",
                "smtpMessageId",
                "createdAt",
                "sentAt"
            FROM "messages"
        `);
        await queryRunner.query(`
            DROP TABLE "messages"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_messages"
                RENAME TO "messages"
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_d8c6d3f534885550caba170628" ON "messages" ("state", "nextAttemptAt")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_5fb73ec3167ac1b3d330c9c2b8" ON "messages" ("idempotencyKey")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_d97799f977ce7ec3bcdf5691d2" ON "messages" ("memberId")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_792c23abc7b6ea1693496fcf4d" ON "messages" ("forumId")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "IDX_792c23abc7b6ea1693496fcf4d"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_d97799f977ce7ec3bcdf5691d2"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_5fb73ec3167ac1b3d330c9c2b8"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_d8c6d3f534885550caba170628"
        `);
        await queryRunner.query(`
            ALTER TABLE "messages"
                RENAME TO "temporary_messages"
        `);
        await queryRunner.query(`
            CREATE TABLE "messages" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "recipient" varchar(254) NOT NULL,
                "memberId" varchar(36),
                "template" varchar(64) NOT NULL,
                "locale" varchar(2) NOT NULL,
                "data" text NOT NULL,
                "idempotencyKey" varchar(191) NOT NULL,
                "state" varchar(12) NOT NULL,
                "attempts" integer NOT NULL DEFAULT (0),
                "nextAttemptAt" datetime(3) NOT NULL,
                "leaseUntil" datetime(3),
                "lastError" varchar(1000),
                "smtpMessageId" varchar(255),
                "createdAt" datetime NOT NULL DEFAULT (datetime('now')),
                "sentAt" datetime
            )
        `);
        await queryRunner.query(`
            INSERT INTO "messages"(
                    "id",
                    "recipient",
                    "memberId",
                    "template",
                    "locale",
                    "data",
                    "idempotencyKey",
                    "state",
                    "attempts",
                    "nextAttemptAt",
                    "leaseUntil",
                    "lastError",
                    "smtpMessageId",
                    "createdAt",
                    "sentAt"
                )
            SELECT "id",
                "recipient",
                "memberId",
                "template",
                "locale",
                "data",
                "idempotencyKey",
                "state",
                "attempts",
                "nextAttemptAt",
                "leaseUntil",
                "lastError",
                "smtpMessageId",
                "createdAt",
                "sentAt"
            FROM "temporary_messages"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_messages"
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_d97799f977ce7ec3bcdf5691d2" ON "messages" ("memberId")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_5fb73ec3167ac1b3d330c9c2b8" ON "messages" ("idempotencyKey")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_d8c6d3f534885550caba170628" ON "messages" ("state", "nextAttemptAt")
        `);
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
                "placesTaken" integer NOT NULL DEFAULT (0),
                "lastBadgeNumber" integer NOT NULL DEFAULT (0),
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
                    "updatedAt",
                    "placesTaken",
                    "lastBadgeNumber"
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
                "updatedAt",
                "placesTaken",
                "lastBadgeNumber"
            FROM "temporary_forums"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_forums"
        `);
        await queryRunner.query(`
            DROP TABLE "scheduled_jobs"
        `);
    }

}
