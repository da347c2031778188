import { MigrationInterface, QueryRunner } from 'typeorm';

export class RegisterAndOutbox1795374616187 implements MigrationInterface {
  name = 'RegisterAndOutbox1795374616187';

  public async up(queryRunner: QueryRunner): Promise<void> {
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
            CREATE INDEX "IDX_d97799f977ce7ec3bcdf5691d2" ON "messages" ("memberId")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_5fb73ec3167ac1b3d330c9c2b8" ON "messages" ("idempotencyKey")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_d8c6d3f534885550caba170628" ON "messages" ("state", "nextAttemptAt")
        `);
    await queryRunner.query(`
            CREATE TABLE "outreach_logs" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "memberId" varchar(36) NOT NULL,
                "channel" varchar(12) NOT NULL,
                "outcome" varchar(16) NOT NULL,
                "note" varchar(1000),
                "staffUserId" varchar(36) NOT NULL,
                "contactedAt" datetime NOT NULL
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_1c2325d470527f5af618513aab" ON "outreach_logs" ("memberId", "contactedAt")
        `);
    await queryRunner.query(`
            CREATE TABLE "import_batches" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "fileName" varchar(255) NOT NULL,
                "format" varchar(8) NOT NULL,
                "storedPath" varchar(255) NOT NULL,
                "status" varchar(16) NOT NULL DEFAULT ('uploaded'),
                "mapping" text,
                "defaultCountry" varchar(2),
                "rowCount" integer NOT NULL DEFAULT (0),
                "validCount" integer NOT NULL DEFAULT (0),
                "errorCount" integer NOT NULL DEFAULT (0),
                "duplicateCount" integer NOT NULL DEFAULT (0),
                "importedCount" integer NOT NULL DEFAULT (0),
                "failureReason" varchar(500),
                "createdById" varchar(36) NOT NULL,
                "createdAt" datetime NOT NULL DEFAULT (datetime('now')),
                "committedAt" datetime,
                "rolledBackAt" datetime
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "member_events" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "memberId" varchar(36) NOT NULL,
                "kind" varchar(16) NOT NULL,
                "actor" varchar(64) NOT NULL,
                "details" text,
                "at" datetime(3) NOT NULL
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_4fa6be75d8593426413d1d6e0e" ON "member_events" ("memberId", "at")
        `);
    await queryRunner.query(`
            CREATE TABLE "member_tokens" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "memberId" varchar(36) NOT NULL,
                "purpose" varchar(12) NOT NULL,
                "tokenHash" varchar(64) NOT NULL,
                "expiresAt" datetime NOT NULL,
                "usedAt" datetime,
                "createdAt" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_953d30b90e645449356017487c" ON "member_tokens" ("memberId")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_6df0ee3daf6e162018cadf0d80" ON "member_tokens" ("tokenHash")
        `);
    await queryRunner.query(`
            CREATE TABLE "register_targets" (
                "key" varchar(100) PRIMARY KEY NOT NULL,
                "target" integer NOT NULL
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "segments" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "name" varchar(120) NOT NULL,
                "filter" text NOT NULL,
                "createdById" varchar(36) NOT NULL,
                "createdAt" datetime NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_58d5a71b3d43265450e25b312a"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_7eee76dccf32d384452fa404a6"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_124477185d1f8a83bd3367430b"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_090c60f7851c98387ce3e1995e"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_2714af51e3f7dd42cf66eeb08d"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_members" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "firstName" varchar(80) NOT NULL,
                "lastName" varchar(80) NOT NULL,
                "email" varchar(254),
                "phone" varchar(16),
                "whatsapp" varchar(16),
                "countryCode" varchar(2) NOT NULL,
                "region" varchar(80),
                "city" varchar(80),
                "occupation" varchar(120),
                "preferredChannel" varchar(12) NOT NULL DEFAULT ('email'),
                "preferredLanguage" varchar(2) NOT NULL DEFAULT ('en'),
                "consentAt" datetime,
                "consentMethod" varchar(16),
                "consentInvitations" boolean NOT NULL DEFAULT (0),
                "consentUpdates" boolean NOT NULL DEFAULT (0),
                "source" varchar(16) NOT NULL,
                "sourceBatchId" varchar(36),
                "status" varchar(24) NOT NULL DEFAULT ('active'),
                "createdAt" datetime NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime NOT NULL DEFAULT (datetime('now')),
                "mergedIntoId" varchar(36),
                "createdById" varchar(36)
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_members"(
                    "id",
                    "firstName",
                    "lastName",
                    "email",
                    "phone",
                    "whatsapp",
                    "countryCode",
                    "region",
                    "city",
                    "occupation",
                    "preferredChannel",
                    "preferredLanguage",
                    "consentAt",
                    "consentMethod",
                    "consentInvitations",
                    "consentUpdates",
                    "source",
                    "sourceBatchId",
                    "status",
                    "createdAt",
                    "updatedAt"
                )
            SELECT "id",
                "firstName",
                "lastName",
                "email",
                "phone",
                "whatsapp",
                "countryCode",
                "region",
                "city",
                "occupation",
                "preferredChannel",
                "preferredLanguage",
                "consentAt",
                "consentMethod",
                "consentInvitations",
                "consentUpdates",
                "source",
                "sourceBatchId",
                "status",
                "createdAt",
                "updatedAt"
            FROM "members"
        `);
    await queryRunner.query(`
            DROP TABLE "members"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_members"
                RENAME TO "members"
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_58d5a71b3d43265450e25b312a" ON "members" ("countryCode", "region")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_7eee76dccf32d384452fa404a6" ON "members" ("lastName", "firstName")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_124477185d1f8a83bd3367430b" ON "members" ("sourceBatchId")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_090c60f7851c98387ce3e1995e" ON "members" ("phone")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_2714af51e3f7dd42cf66eeb08d" ON "members" ("email")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "IDX_2714af51e3f7dd42cf66eeb08d"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_090c60f7851c98387ce3e1995e"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_124477185d1f8a83bd3367430b"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_7eee76dccf32d384452fa404a6"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_58d5a71b3d43265450e25b312a"
        `);
    await queryRunner.query(`
            ALTER TABLE "members"
                RENAME TO "temporary_members"
        `);
    await queryRunner.query(`
            CREATE TABLE "members" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "firstName" varchar(80) NOT NULL,
                "lastName" varchar(80) NOT NULL,
                "email" varchar(254),
                "phone" varchar(16),
                "whatsapp" varchar(16),
                "countryCode" varchar(2) NOT NULL,
                "region" varchar(80),
                "city" varchar(80),
                "occupation" varchar(120),
                "preferredChannel" varchar(12) NOT NULL DEFAULT ('email'),
                "preferredLanguage" varchar(2) NOT NULL DEFAULT ('en'),
                "consentAt" datetime,
                "consentMethod" varchar(16),
                "consentInvitations" boolean NOT NULL DEFAULT (0),
                "consentUpdates" boolean NOT NULL DEFAULT (0),
                "source" varchar(16) NOT NULL,
                "sourceBatchId" varchar(36),
                "status" varchar(24) NOT NULL DEFAULT ('active'),
                "createdAt" datetime NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            INSERT INTO "members"(
                    "id",
                    "firstName",
                    "lastName",
                    "email",
                    "phone",
                    "whatsapp",
                    "countryCode",
                    "region",
                    "city",
                    "occupation",
                    "preferredChannel",
                    "preferredLanguage",
                    "consentAt",
                    "consentMethod",
                    "consentInvitations",
                    "consentUpdates",
                    "source",
                    "sourceBatchId",
                    "status",
                    "createdAt",
                    "updatedAt"
                )
            SELECT "id",
                "firstName",
                "lastName",
                "email",
                "phone",
                "whatsapp",
                "countryCode",
                "region",
                "city",
                "occupation",
                "preferredChannel",
                "preferredLanguage",
                "consentAt",
                "consentMethod",
                "consentInvitations",
                "consentUpdates",
                "source",
                "sourceBatchId",
                "status",
                "createdAt",
                "updatedAt"
            FROM "temporary_members"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_members"
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_2714af51e3f7dd42cf66eeb08d" ON "members" ("email")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_090c60f7851c98387ce3e1995e" ON "members" ("phone")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_124477185d1f8a83bd3367430b" ON "members" ("sourceBatchId")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_7eee76dccf32d384452fa404a6" ON "members" ("lastName", "firstName")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_58d5a71b3d43265450e25b312a" ON "members" ("countryCode", "region")
        `);
    await queryRunner.query(`
            DROP TABLE "segments"
        `);
    await queryRunner.query(`
            DROP TABLE "register_targets"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_6df0ee3daf6e162018cadf0d80"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_953d30b90e645449356017487c"
        `);
    await queryRunner.query(`
            DROP TABLE "member_tokens"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_4fa6be75d8593426413d1d6e0e"
        `);
    await queryRunner.query(`
            DROP TABLE "member_events"
        `);
    await queryRunner.query(`
            DROP TABLE "import_batches"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_1c2325d470527f5af618513aab"
        `);
    await queryRunner.query(`
            DROP TABLE "outreach_logs"
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
            DROP TABLE "messages"
        `);
  }
}
