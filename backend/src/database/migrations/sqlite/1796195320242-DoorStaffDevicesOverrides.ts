import { MigrationInterface, QueryRunner } from "typeorm";

export class DoorStaffDevicesOverrides1796195320242 implements MigrationInterface {
    name = 'DoorStaffDevicesOverrides1796195320242'

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
            CREATE UNIQUE INDEX "IDX_631b40eaefa5126be3ed1a3a0e" ON "attendees" ("forumId", "memberId")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_ab840ac6aad6fb7b77fa518611" ON "check_ins" ("forumId", "nonce")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_fd11aa87698d5a784713b9de97" ON "sessions" ("deviceId")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
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
