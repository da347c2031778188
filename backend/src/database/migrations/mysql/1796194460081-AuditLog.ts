import { MigrationInterface, QueryRunner } from "typeorm";

export class AuditLog1796194460081 implements MigrationInterface {
    name = 'AuditLog1796194460081'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE \`audit_entries\` (
                \`id\` varchar(36) NOT NULL,
                \`at\` datetime(3) NOT NULL,
                \`action\` varchar(48) NOT NULL,
                \`actorId\` varchar(36) NULL,
                \`actorRole\` varchar(16) NOT NULL,
                \`targetType\` varchar(24) NULL,
                \`targetId\` varchar(64) NULL,
                \`summary\` varchar(500) NOT NULL,
                INDEX \`IDX_3426e518626e2affdad2e44158\` (\`targetType\`, \`targetId\`),
                INDEX \`IDX_86f149b397133751bc321c8e37\` (\`action\`, \`at\`),
                INDEX \`IDX_b12f87335630edfd1294cf349b\` (\`at\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX \`IDX_b12f87335630edfd1294cf349b\` ON \`audit_entries\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_86f149b397133751bc321c8e37\` ON \`audit_entries\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_3426e518626e2affdad2e44158\` ON \`audit_entries\`
        `);
        await queryRunner.query(`
            DROP TABLE \`audit_entries\`
        `);
    }

}
