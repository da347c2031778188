import { MigrationInterface, QueryRunner } from "typeorm";

export class OutboxLeaseOwners1796214438600 implements MigrationInterface {
    name = 'OutboxLeaseOwners1796214438600'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`messages\`
            ADD \`leaseToken\` varchar(36) NULL
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`messages\` DROP COLUMN \`leaseToken\`
        `);
    }

}
