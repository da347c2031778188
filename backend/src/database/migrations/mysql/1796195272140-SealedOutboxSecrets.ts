import { MigrationInterface, QueryRunner } from "typeorm";

export class SealedOutboxSecrets1796195272140 implements MigrationInterface {
    name = 'SealedOutboxSecrets1796195272140'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`messages\`
            ADD \`sealedSecrets\` text NULL
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`messages\` DROP COLUMN \`sealedSecrets\`
        `);
    }

}
