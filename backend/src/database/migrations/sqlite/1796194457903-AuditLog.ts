import { MigrationInterface, QueryRunner } from "typeorm";

export class AuditLog1796194457903 implements MigrationInterface {
    name = 'AuditLog1796194457903'

    public async up(queryRunner: QueryRunner): Promise<void> {
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
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
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
    }

}
