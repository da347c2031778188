import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRegister1795374059847 implements MigrationInterface {
  name = 'AddRegister1795374059847';

  public async up(queryRunner: QueryRunner): Promise<void> {
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
            CREATE TABLE "member_sectors" (
                "memberId" varchar(36) NOT NULL,
                "sector" varchar(16) NOT NULL,
                PRIMARY KEY ("memberId", "sector")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_061a7df1167273faf45af0e354" ON "member_sectors" ("sector", "memberId")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_061a7df1167273faf45af0e354"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_member_sectors" (
                "memberId" varchar(36) NOT NULL,
                "sector" varchar(16) NOT NULL,
                CONSTRAINT "FK_2cc219ef166fcd23fc541c3a74b" FOREIGN KEY ("memberId") REFERENCES "members" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                PRIMARY KEY ("memberId", "sector")
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_member_sectors"("memberId", "sector")
            SELECT "memberId",
                "sector"
            FROM "member_sectors"
        `);
    await queryRunner.query(`
            DROP TABLE "member_sectors"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_member_sectors"
                RENAME TO "member_sectors"
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_061a7df1167273faf45af0e354" ON "member_sectors" ("sector", "memberId")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "IDX_061a7df1167273faf45af0e354"
        `);
    await queryRunner.query(`
            ALTER TABLE "member_sectors"
                RENAME TO "temporary_member_sectors"
        `);
    await queryRunner.query(`
            CREATE TABLE "member_sectors" (
                "memberId" varchar(36) NOT NULL,
                "sector" varchar(16) NOT NULL,
                PRIMARY KEY ("memberId", "sector")
            )
        `);
    await queryRunner.query(`
            INSERT INTO "member_sectors"("memberId", "sector")
            SELECT "memberId",
                "sector"
            FROM "temporary_member_sectors"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_member_sectors"
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_061a7df1167273faf45af0e354" ON "member_sectors" ("sector", "memberId")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_061a7df1167273faf45af0e354"
        `);
    await queryRunner.query(`
            DROP TABLE "member_sectors"
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
            DROP TABLE "members"
        `);
  }
}
