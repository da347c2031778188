import { MigrationInterface, QueryRunner } from "typeorm";

export class SignInThrottles1796195626151 implements MigrationInterface {
    name = 'SignInThrottles1796195626151'

    public async up(queryRunner: QueryRunner): Promise<void> {
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
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "IDX_a666ab5ead0900a3c0d7f1239c"
        `);
        await queryRunner.query(`
            DROP TABLE "sign_in_throttles"
        `);
    }

}
