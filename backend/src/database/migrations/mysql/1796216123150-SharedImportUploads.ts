import { MigrationInterface, QueryRunner } from "typeorm";

export class SharedImportUploads1796216123150 implements MigrationInterface {
    name = 'SharedImportUploads1796216123150'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE \`import_file_chunks\` (
                \`batchId\` varchar(36) NOT NULL,
                \`seq\` int NOT NULL,
                \`data\` blob NOT NULL,
                PRIMARY KEY (\`batchId\`, \`seq\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            ALTER TABLE \`import_batches\` DROP COLUMN \`storedPath\`
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`import_batches\`
            ADD \`storedPath\` varchar(255) NOT NULL
        `);
        await queryRunner.query(`
            DROP TABLE \`import_file_chunks\`
        `);
    }

}
