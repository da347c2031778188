import { MigrationInterface, QueryRunner } from "typeorm";

export class OutboxLeaseOwners1796214434983 implements MigrationInterface {
    name = 'OutboxLeaseOwners1796214434983'

    public async up(queryRunner: QueryRunner): Promise<void> {
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
                "sealedSecrets" text,
                "leaseToken" varchar(36)
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
                    "sentAt",
                    "forumId",
                    "sealedSecrets"
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
                "sentAt",
                "forumId",
                "sealedSecrets"
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
            CREATE INDEX "IDX_792c23abc7b6ea1693496fcf4d" ON "messages" ("forumId")
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
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
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
            DROP INDEX "IDX_792c23abc7b6ea1693496fcf4d"
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
                "sentAt" datetime,
                "forumId" varchar(36),
                "sealedSecrets" text
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
                    "sentAt",
                    "forumId",
                    "sealedSecrets"
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
                "sentAt",
                "forumId",
                "sealedSecrets"
            FROM "temporary_messages"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_messages"
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

}
