import { MigrationInterface, QueryRunner } from 'typeorm';

export class AgendaAndNominations1795376201498 implements MigrationInterface {
  name = 'AgendaAndNominations1795376201498';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "agenda_presenters" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "forumId" varchar(36) NOT NULL,
                "memberId" varchar(36),
                "userId" varchar(36),
                "name" varchar(160) NOT NULL,
                "affiliation" varchar(160),
                "bio" varchar(1000),
                "publishConsentAt" datetime,
                "createdAt" datetime NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_723ba662a45721a86ea0137fcf" ON "agenda_presenters" ("forumId", "userId")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_ab6e4332938ee2c710ba741de7" ON "agenda_presenters" ("forumId", "memberId")
        `);
    await queryRunner.query(`
            CREATE TABLE "agenda_rooms" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "forumId" varchar(36) NOT NULL,
                "name" varchar(80) NOT NULL,
                "position" integer NOT NULL DEFAULT (0)
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_dd8451f106551bb561522473bc" ON "agenda_rooms" ("forumId", "name")
        `);
    await queryRunner.query(`
            CREATE TABLE "agenda_sessions" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "forumId" varchar(36) NOT NULL,
                "roomId" varchar(36) NOT NULL,
                "kind" varchar(16) NOT NULL,
                "title" varchar(200) NOT NULL,
                "abstract" varchar(2000),
                "startsAt" datetime NOT NULL,
                "endsAt" datetime NOT NULL,
                "publishedAt" datetime,
                "sequence" integer NOT NULL DEFAULT (0),
                "createdAt" datetime NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_e2c3ce8c88c5d93cd2e19fb5a7" ON "agenda_sessions" ("roomId", "startsAt")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_941b5f2e6f071098323f331cb2" ON "agenda_sessions" ("forumId", "startsAt")
        `);
    await queryRunner.query(`
            CREATE TABLE "session_presenters" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "sessionId" varchar(36) NOT NULL,
                "presenterId" varchar(36) NOT NULL,
                "position" integer NOT NULL DEFAULT (0)
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_0279adcfd844672b47e08b52a4" ON "session_presenters" ("presenterId")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_b4310734940e21a198e25060c8" ON "session_presenters" ("sessionId", "presenterId")
        `);
    await queryRunner.query(`
            CREATE TABLE "nomination_reviews" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "nominationId" varchar(36) NOT NULL,
                "reviewerId" varchar(36) NOT NULL,
                "score" integer,
                "comment" varchar(2000),
                "conflictOfInterest" boolean NOT NULL DEFAULT (0),
                "createdAt" datetime NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_2634fba572bbcfeca91eb136f9" ON "nomination_reviews" ("nominationId", "reviewerId")
        `);
    await queryRunner.query(`
            CREATE TABLE "nomination_status_changes" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "nominationId" varchar(36) NOT NULL,
                "fromStatus" varchar(16),
                "toStatus" varchar(16) NOT NULL,
                "actor" varchar(64) NOT NULL,
                "actorName" varchar(160) NOT NULL,
                "note" varchar(1000),
                "at" datetime(3) NOT NULL
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_d04ed0742bd421cc9a3f0d199a" ON "nomination_status_changes" ("nominationId", "at")
        `);
    await queryRunner.query(`
            CREATE TABLE "nominations" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "forumId" varchar(36) NOT NULL,
                "memberId" varchar(36) NOT NULL,
                "category" varchar(24) NOT NULL,
                "topic" varchar(200) NOT NULL,
                "summary" varchar(2000) NOT NULL,
                "status" varchar(16) NOT NULL DEFAULT ('submitted'),
                "nominatorKind" varchar(12) NOT NULL,
                "nominatorName" varchar(160),
                "nominatorEmail" varchar(254),
                "nominatorPhone" varchar(16),
                "nominatorUserId" varchar(36),
                "locale" varchar(2) NOT NULL DEFAULT ('en'),
                "nomineeContactConsentAt" datetime,
                "nomineePublishConsentAt" datetime,
                "nomineeBio" varchar(1000),
                "confirmedAt" datetime,
                "responseTokenHash" varchar(64),
                "responseTokenExpiresAt" datetime,
                "responseTokenUsedAt" datetime,
                "createdAt" datetime NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_51a591d0280d8d3f4ceabc6556" ON "nominations" ("memberId")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_735b76984c812cf154aac6115e" ON "nominations" ("responseTokenHash")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_5f293c55495d46fb7c31164f00" ON "nominations" ("forumId", "status")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "IDX_5f293c55495d46fb7c31164f00"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_735b76984c812cf154aac6115e"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_51a591d0280d8d3f4ceabc6556"
        `);
    await queryRunner.query(`
            DROP TABLE "nominations"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_d04ed0742bd421cc9a3f0d199a"
        `);
    await queryRunner.query(`
            DROP TABLE "nomination_status_changes"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_2634fba572bbcfeca91eb136f9"
        `);
    await queryRunner.query(`
            DROP TABLE "nomination_reviews"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_b4310734940e21a198e25060c8"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_0279adcfd844672b47e08b52a4"
        `);
    await queryRunner.query(`
            DROP TABLE "session_presenters"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_941b5f2e6f071098323f331cb2"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_e2c3ce8c88c5d93cd2e19fb5a7"
        `);
    await queryRunner.query(`
            DROP TABLE "agenda_sessions"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_dd8451f106551bb561522473bc"
        `);
    await queryRunner.query(`
            DROP TABLE "agenda_rooms"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_ab6e4332938ee2c710ba741de7"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_723ba662a45721a86ea0137fcf"
        `);
    await queryRunner.query(`
            DROP TABLE "agenda_presenters"
        `);
  }
}
