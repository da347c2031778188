import { MigrationInterface, QueryRunner } from "typeorm";

export class TrustAndPrivacy1796202759856 implements MigrationInterface {
    name = 'TrustAndPrivacy1796202759856'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "IDX_af547895f6281e0352f134df7c"
        `);
        await queryRunner.query(`
            CREATE TABLE "door_assignments" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "userId" varchar(36) NOT NULL,
                "forumId" varchar(36) NOT NULL,
                "days" text,
                "createdAt" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_7a9eb7ff9ee25a969e82e5e891" ON "door_assignments" ("forumId")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_0f7a099d58b90e6425f44e012b" ON "door_assignments" ("userId", "forumId")
        `);
        await queryRunner.query(`
            CREATE TABLE "sign_in_throttles" (
                "keyHash" varchar(64) PRIMARY KEY NOT NULL,
                "scope" varchar(8) NOT NULL,
                "failures" integer NOT NULL DEFAULT (0),
                "lockedUntil" datetime,
                "lastFailureAt" datetime NOT NULL
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_a666ab5ead0900a3c0d7f1239c" ON "sign_in_throttles" ("lastFailureAt")
        `);
        await queryRunner.query(`
            CREATE TABLE "audit_entries" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "at" datetime(3) NOT NULL,
                "action" varchar(48) NOT NULL,
                "actorId" varchar(36),
                "actorRole" varchar(16) NOT NULL,
                "targetType" varchar(24),
                "targetId" varchar(64),
                "summary" varchar(500) NOT NULL
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_3426e518626e2affdad2e44158" ON "audit_entries" ("targetType", "targetId")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_86f149b397133751bc321c8e37" ON "audit_entries" ("action", "at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_b12f87335630edfd1294cf349b" ON "audit_entries" ("at")
        `);
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
            DROP INDEX "IDX_d95bd61f33e5918e8affd667c9"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_5aea55c08edc61ee1446cfd48d"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_check_ins" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "forumId" varchar(36) NOT NULL,
                "attendeeId" varchar(36),
                "badgeNumber" integer NOT NULL,
                "badgeVersion" integer,
                "day" varchar(10) NOT NULL,
                "result" varchar(12) NOT NULL,
                "admitted" boolean,
                "method" varchar(8) NOT NULL,
                "scannedAt" datetime NOT NULL,
                "recordedAt" datetime NOT NULL,
                "offline" boolean NOT NULL DEFAULT (0),
                "door" varchar(60) NOT NULL,
                "staffUserId" varchar(36) NOT NULL,
                "nonce" varchar(64) NOT NULL,
                "deviceId" varchar(36),
                "forced" boolean NOT NULL DEFAULT (0),
                "reason" varchar(200),
                "offDay" boolean NOT NULL DEFAULT (0)
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_check_ins"(
                    "id",
                    "forumId",
                    "attendeeId",
                    "badgeNumber",
                    "badgeVersion",
                    "day",
                    "result",
                    "admitted",
                    "method",
                    "scannedAt",
                    "recordedAt",
                    "offline",
                    "door",
                    "staffUserId",
                    "nonce"
                )
            SELECT "id",
                "forumId",
                "attendeeId",
                "badgeNumber",
                "badgeVersion",
                "day",
                "result",
                "admitted",
                "method",
                "scannedAt",
                "recordedAt",
                "offline",
                "door",
                "staffUserId",
                "nonce"
            FROM "check_ins"
        `);
        await queryRunner.query(`
            DROP TABLE "check_ins"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_check_ins"
                RENAME TO "check_ins"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_d95bd61f33e5918e8affd667c9" ON "check_ins" ("attendeeId", "day", "admitted")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_5aea55c08edc61ee1446cfd48d" ON "check_ins" ("forumId", "day", "recordedAt")
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_57de40bc620f456c7311aa3a1e"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_sessions" (
                "tokenHash" varchar(64) PRIMARY KEY NOT NULL,
                "userId" varchar(36) NOT NULL,
                "userAgent" varchar(255),
                "createdAt" datetime NOT NULL DEFAULT (datetime('now')),
                "lastSeenAt" datetime NOT NULL,
                "expiresAt" datetime NOT NULL,
                "deviceId" varchar(36),
                "deviceName" varchar(60),
                "lastSyncAt" datetime,
                "waitingCount" integer,
                "setAsideCount" integer,
                "revokedAt" datetime,
                CONSTRAINT "FK_57de40bc620f456c7311aa3a1e6" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_sessions"(
                    "tokenHash",
                    "userId",
                    "userAgent",
                    "createdAt",
                    "lastSeenAt",
                    "expiresAt"
                )
            SELECT "tokenHash",
                "userId",
                "userAgent",
                "createdAt",
                "lastSeenAt",
                "expiresAt"
            FROM "sessions"
        `);
        await queryRunner.query(`
            DROP TABLE "sessions"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_sessions"
                RENAME TO "sessions"
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_57de40bc620f456c7311aa3a1e" ON "sessions" ("userId")
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
                "doorPhoneSearch" boolean NOT NULL DEFAULT (0),
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
                "forumId" varchar(36),
                "sealedSecrets" text
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
            CREATE UNIQUE INDEX "IDX_631b40eaefa5126be3ed1a3a0e" ON "attendees" ("forumId", "memberId")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_ab840ac6aad6fb7b77fa518611" ON "check_ins" ("forumId", "nonce")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_fd11aa87698d5a784713b9de97" ON "sessions" ("deviceId")
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
            DROP INDEX "IDX_fd11aa87698d5a784713b9de97"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_ab840ac6aad6fb7b77fa518611"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_631b40eaefa5126be3ed1a3a0e"
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
            DROP INDEX "IDX_57de40bc620f456c7311aa3a1e"
        `);
        await queryRunner.query(`
            ALTER TABLE "sessions"
                RENAME TO "temporary_sessions"
        `);
        await queryRunner.query(`
            CREATE TABLE "sessions" (
                "tokenHash" varchar(64) PRIMARY KEY NOT NULL,
                "userId" varchar(36) NOT NULL,
                "userAgent" varchar(255),
                "createdAt" datetime NOT NULL DEFAULT (datetime('now')),
                "lastSeenAt" datetime NOT NULL,
                "expiresAt" datetime NOT NULL,
                CONSTRAINT "FK_57de40bc620f456c7311aa3a1e6" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "sessions"(
                    "tokenHash",
                    "userId",
                    "userAgent",
                    "createdAt",
                    "lastSeenAt",
                    "expiresAt"
                )
            SELECT "tokenHash",
                "userId",
                "userAgent",
                "createdAt",
                "lastSeenAt",
                "expiresAt"
            FROM "temporary_sessions"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_sessions"
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_57de40bc620f456c7311aa3a1e" ON "sessions" ("userId")
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_5aea55c08edc61ee1446cfd48d"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_d95bd61f33e5918e8affd667c9"
        `);
        await queryRunner.query(`
            ALTER TABLE "check_ins"
                RENAME TO "temporary_check_ins"
        `);
        await queryRunner.query(`
            CREATE TABLE "check_ins" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "forumId" varchar(36) NOT NULL,
                "attendeeId" varchar(36),
                "badgeNumber" integer NOT NULL,
                "badgeVersion" integer,
                "day" varchar(10) NOT NULL,
                "result" varchar(12) NOT NULL,
                "admitted" boolean,
                "method" varchar(8) NOT NULL,
                "scannedAt" datetime NOT NULL,
                "recordedAt" datetime NOT NULL,
                "offline" boolean NOT NULL DEFAULT (0),
                "door" varchar(60) NOT NULL,
                "staffUserId" varchar(36) NOT NULL,
                "nonce" varchar(64) NOT NULL
            )
        `);
        await queryRunner.query(`
            INSERT INTO "check_ins"(
                    "id",
                    "forumId",
                    "attendeeId",
                    "badgeNumber",
                    "badgeVersion",
                    "day",
                    "result",
                    "admitted",
                    "method",
                    "scannedAt",
                    "recordedAt",
                    "offline",
                    "door",
                    "staffUserId",
                    "nonce"
                )
            SELECT "id",
                "forumId",
                "attendeeId",
                "badgeNumber",
                "badgeVersion",
                "day",
                "result",
                "admitted",
                "method",
                "scannedAt",
                "recordedAt",
                "offline",
                "door",
                "staffUserId",
                "nonce"
            FROM "temporary_check_ins"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_check_ins"
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_5aea55c08edc61ee1446cfd48d" ON "check_ins" ("forumId", "day", "recordedAt")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_d95bd61f33e5918e8affd667c9" ON "check_ins" ("attendeeId", "day", "admitted")
        `);
        await queryRunner.query(`
            DROP TABLE "scheduled_jobs"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_b12f87335630edfd1294cf349b"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_86f149b397133751bc321c8e37"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_3426e518626e2affdad2e44158"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_entries"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_a666ab5ead0900a3c0d7f1239c"
        `);
        await queryRunner.query(`
            DROP TABLE "sign_in_throttles"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_0f7a099d58b90e6425f44e012b"
        `);
        await queryRunner.query(`
            DROP INDEX "IDX_7a9eb7ff9ee25a969e82e5e891"
        `);
        await queryRunner.query(`
            DROP TABLE "door_assignments"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_af547895f6281e0352f134df7c" ON "check_ins" ("nonce")
        `);
    }

}
