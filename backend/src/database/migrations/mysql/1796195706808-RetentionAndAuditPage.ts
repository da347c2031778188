import { MigrationInterface, QueryRunner } from "typeorm";

export class RetentionAndAuditPage1796195706808 implements MigrationInterface {
    name = 'RetentionAndAuditPage1796195706808'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE \`scheduled_jobs\` (
                \`name\` varchar(48) NOT NULL,
                \`nextRunAt\` datetime(3) NOT NULL,
                \`leaseUntil\` datetime(3) NULL,
                \`leaseOwner\` varchar(64) NULL,
                \`lastRunAt\` datetime(3) NULL,
                PRIMARY KEY (\`name\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            ALTER TABLE \`forums\`
            ADD \`retentionMonths\` int NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`messages\`
            ADD \`forumId\` varchar(36) NULL
        `);
        await queryRunner.query(`
            CREATE INDEX \`IDX_792c23abc7b6ea1693496fcf4d\` ON \`messages\` (\`forumId\`)
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX \`IDX_792c23abc7b6ea1693496fcf4d\` ON \`messages\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`messages\` DROP COLUMN \`forumId\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`forums\` DROP COLUMN \`retentionMonths\`
        `);
        await queryRunner.query(`
            DROP TABLE \`scheduled_jobs\`
        `);
    }

}
