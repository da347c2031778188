import { MigrationInterface, QueryRunner } from "typeorm";

export class SharedImportUploads1796216120004 implements MigrationInterface {
    name = 'SharedImportUploads1796216120004'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "import_file_chunks" (
                "batchId" varchar(36) NOT NULL,
                "seq" integer NOT NULL,
                "data" blob NOT NULL,
                PRIMARY KEY ("batchId", "seq")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_import_batches" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "fileName" varchar(255) NOT NULL,
                "format" varchar(8) NOT NULL,
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
            INSERT INTO "temporary_import_batches"(
                    "id",
                    "fileName",
                    "format",
                    "status",
                    "mapping",
                    "defaultCountry",
                    "rowCount",
                    "validCount",
                    "errorCount",
                    "duplicateCount",
                    "importedCount",
                    "failureReason",
                    "createdById",
                    "createdAt",
                    "committedAt",
                    "rolledBackAt"
                )
            SELECT "id",
                "fileName",
                "format",
                "status",
                "mapping",
                "defaultCountry",
                "rowCount",
                "validCount",
                "errorCount",
                "duplicateCount",
                "importedCount",
                "failureReason",
                "createdById",
                "createdAt",
                "committedAt",
                "rolledBackAt"
            FROM "import_batches"
        `);
        await queryRunner.query(`
            DROP TABLE "import_batches"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_import_batches"
                RENAME TO "import_batches"
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "import_batches"
                RENAME TO "temporary_import_batches"
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
            INSERT INTO "import_batches"(
                    "id",
                    "fileName",
                    "format",
                    "status",
                    "mapping",
                    "defaultCountry",
                    "rowCount",
                    "validCount",
                    "errorCount",
                    "duplicateCount",
                    "importedCount",
                    "failureReason",
                    "createdById",
                    "createdAt",
                    "committedAt",
                    "rolledBackAt"
                )
            SELECT "id",
                "fileName",
                "format",
                "status",
                "mapping",
                "defaultCountry",
                "rowCount",
                "validCount",
                "errorCount",
                "duplicateCount",
                "importedCount",
                "failureReason",
                "createdById",
                "createdAt",
                "committedAt",
                "rolledBackAt"
            FROM "temporary_import_batches"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_import_batches"
        `);
        await queryRunner.query(`
            DROP TABLE "import_file_chunks"
        `);
    }

}
