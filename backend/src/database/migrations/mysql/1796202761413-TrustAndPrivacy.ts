import { MigrationInterface, QueryRunner } from "typeorm";

export class TrustAndPrivacy1796202761413 implements MigrationInterface {
    name = 'TrustAndPrivacy1796202761413'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX \`IDX_af547895f6281e0352f134df7c\` ON \`check_ins\`
        `);
        await queryRunner.query(`
            CREATE TABLE \`door_assignments\` (
                \`id\` varchar(36) NOT NULL,
                \`userId\` varchar(36) NOT NULL,
                \`forumId\` varchar(36) NOT NULL,
                \`days\` text NULL,
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                INDEX \`IDX_7a9eb7ff9ee25a969e82e5e891\` (\`forumId\`),
                UNIQUE INDEX \`IDX_0f7a099d58b90e6425f44e012b\` (\`userId\`, \`forumId\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`sign_in_throttles\` (
                \`keyHash\` varchar(64) NOT NULL,
                \`scope\` varchar(8) NOT NULL,
                \`failures\` int NOT NULL DEFAULT '0',
                \`lockedUntil\` datetime NULL,
                \`lastFailureAt\` datetime NOT NULL,
                INDEX \`IDX_a666ab5ead0900a3c0d7f1239c\` (\`lastFailureAt\`),
                PRIMARY KEY (\`keyHash\`)
            ) ENGINE = InnoDB
        `);
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
            ALTER TABLE \`check_ins\`
            ADD \`deviceId\` varchar(36) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`check_ins\`
            ADD \`forced\` tinyint NOT NULL DEFAULT 0
        `);
        await queryRunner.query(`
            ALTER TABLE \`check_ins\`
            ADD \`reason\` varchar(200) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`check_ins\`
            ADD \`offDay\` tinyint NOT NULL DEFAULT 0
        `);
        await queryRunner.query(`
            ALTER TABLE \`sessions\`
            ADD \`deviceId\` varchar(36) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`sessions\`
            ADD UNIQUE INDEX \`IDX_fd11aa87698d5a784713b9de97\` (\`deviceId\`)
        `);
        await queryRunner.query(`
            ALTER TABLE \`sessions\`
            ADD \`deviceName\` varchar(60) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`sessions\`
            ADD \`lastSyncAt\` datetime NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`sessions\`
            ADD \`waitingCount\` int NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`sessions\`
            ADD \`setAsideCount\` int NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`sessions\`
            ADD \`revokedAt\` datetime NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`forums\`
            ADD \`retentionMonths\` int NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`forums\`
            ADD \`doorPhoneSearch\` tinyint NOT NULL DEFAULT 0
        `);
        await queryRunner.query(`
            ALTER TABLE \`messages\`
            ADD \`forumId\` varchar(36) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`messages\`
            ADD \`sealedSecrets\` text NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX \`IDX_631b40eaefa5126be3ed1a3a0e\` ON \`attendees\` (\`forumId\`, \`memberId\`)
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX \`IDX_ab840ac6aad6fb7b77fa518611\` ON \`check_ins\` (\`forumId\`, \`nonce\`)
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
            DROP INDEX \`IDX_ab840ac6aad6fb7b77fa518611\` ON \`check_ins\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_631b40eaefa5126be3ed1a3a0e\` ON \`attendees\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`messages\` DROP COLUMN \`sealedSecrets\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`messages\` DROP COLUMN \`forumId\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`forums\` DROP COLUMN \`doorPhoneSearch\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`forums\` DROP COLUMN \`retentionMonths\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`sessions\` DROP COLUMN \`revokedAt\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`sessions\` DROP COLUMN \`setAsideCount\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`sessions\` DROP COLUMN \`waitingCount\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`sessions\` DROP COLUMN \`lastSyncAt\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`sessions\` DROP COLUMN \`deviceName\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`sessions\` DROP INDEX \`IDX_fd11aa87698d5a784713b9de97\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`sessions\` DROP COLUMN \`deviceId\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`check_ins\` DROP COLUMN \`offDay\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`check_ins\` DROP COLUMN \`reason\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`check_ins\` DROP COLUMN \`forced\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`check_ins\` DROP COLUMN \`deviceId\`
        `);
        await queryRunner.query(`
            DROP TABLE \`scheduled_jobs\`
        `);
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
        await queryRunner.query(`
            DROP INDEX \`IDX_a666ab5ead0900a3c0d7f1239c\` ON \`sign_in_throttles\`
        `);
        await queryRunner.query(`
            DROP TABLE \`sign_in_throttles\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_0f7a099d58b90e6425f44e012b\` ON \`door_assignments\`
        `);
        await queryRunner.query(`
            DROP INDEX \`IDX_7a9eb7ff9ee25a969e82e5e891\` ON \`door_assignments\`
        `);
        await queryRunner.query(`
            DROP TABLE \`door_assignments\`
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX \`IDX_af547895f6281e0352f134df7c\` ON \`check_ins\` (\`nonce\`)
        `);
    }

}
