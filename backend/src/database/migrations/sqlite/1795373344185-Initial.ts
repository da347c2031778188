import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795373344185 implements MigrationInterface {
  name = 'Initial1795373344185';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "email" varchar(254) NOT NULL,
                "name" varchar(120) NOT NULL,
                "passwordHash" varchar(255) NOT NULL,
                "role" varchar(16) NOT NULL,
                "countries" text NOT NULL,
                "active" boolean NOT NULL DEFAULT (1),
                "lastSignInAt" datetime,
                "createdAt" datetime NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "sessions" (
                "tokenHash" varchar(64) PRIMARY KEY NOT NULL,
                "userId" varchar(36) NOT NULL,
                "userAgent" varchar(255),
                "createdAt" datetime NOT NULL DEFAULT (datetime('now')),
                "lastSeenAt" datetime NOT NULL,
                "expiresAt" datetime NOT NULL
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_57de40bc620f456c7311aa3a1e" ON "sessions" ("userId")
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
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
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
                "expiresAt" datetime NOT NULL
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
            DROP TABLE "forums"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_57de40bc620f456c7311aa3a1e"
        `);
    await queryRunner.query(`
            DROP TABLE "sessions"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
  }
}
