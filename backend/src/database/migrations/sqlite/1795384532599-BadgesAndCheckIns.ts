import { MigrationInterface, QueryRunner } from 'typeorm';

export class BadgesAndCheckIns1795384532599 implements MigrationInterface {
  name = 'BadgesAndCheckIns1795384532599';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "badge_keys" (
                "forumId" varchar(36) PRIMARY KEY NOT NULL,
                "publicKey" varchar(64) NOT NULL,
                "encryptedPrivateKey" text NOT NULL,
                "createdAt" datetime NOT NULL DEFAULT (datetime('now'))
            )
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
            CREATE UNIQUE INDEX "IDX_af547895f6281e0352f134df7c" ON "check_ins" ("nonce")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_5aea55c08edc61ee1446cfd48d" ON "check_ins" ("forumId", "day", "recordedAt")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_d95bd61f33e5918e8affd667c9" ON "check_ins" ("attendeeId", "day", "admitted")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "IDX_d95bd61f33e5918e8affd667c9"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_5aea55c08edc61ee1446cfd48d"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_af547895f6281e0352f134df7c"
        `);
    await queryRunner.query(`
            DROP TABLE "check_ins"
        `);
    await queryRunner.query(`
            DROP TABLE "badge_keys"
        `);
  }
}
