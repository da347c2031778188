import { MigrationInterface, QueryRunner } from 'typeorm';

export class RegisterAndOutbox1795374618599 implements MigrationInterface {
  name = 'RegisterAndOutbox1795374618599';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`messages\` (
                \`id\` varchar(36) NOT NULL,
                \`recipient\` varchar(254) NOT NULL,
                \`memberId\` varchar(36) NULL,
                \`template\` varchar(64) NOT NULL,
                \`locale\` varchar(2) NOT NULL,
                \`data\` text NOT NULL,
                \`idempotencyKey\` varchar(191) NOT NULL,
                \`state\` varchar(12) NOT NULL,
                \`attempts\` int NOT NULL DEFAULT '0',
                \`nextAttemptAt\` datetime(3) NOT NULL,
                \`leaseUntil\` datetime(3) NULL,
                \`lastError\` varchar(1000) NULL,
                \`smtpMessageId\` varchar(255) NULL,
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`sentAt\` datetime NULL,
                INDEX \`IDX_d97799f977ce7ec3bcdf5691d2\` (\`memberId\`),
                UNIQUE INDEX \`IDX_5fb73ec3167ac1b3d330c9c2b8\` (\`idempotencyKey\`),
                INDEX \`IDX_d8c6d3f534885550caba170628\` (\`state\`, \`nextAttemptAt\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`outreach_logs\` (
                \`id\` varchar(36) NOT NULL,
                \`memberId\` varchar(36) NOT NULL,
                \`channel\` varchar(12) NOT NULL,
                \`outcome\` varchar(16) NOT NULL,
                \`note\` varchar(1000) NULL,
                \`staffUserId\` varchar(36) NOT NULL,
                \`contactedAt\` datetime NOT NULL,
                INDEX \`IDX_1c2325d470527f5af618513aab\` (\`memberId\`, \`contactedAt\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`import_batches\` (
                \`id\` varchar(36) NOT NULL,
                \`fileName\` varchar(255) NOT NULL,
                \`format\` varchar(8) NOT NULL,
                \`storedPath\` varchar(255) NOT NULL,
                \`status\` varchar(16) NOT NULL DEFAULT 'uploaded',
                \`mapping\` text NULL,
                \`defaultCountry\` varchar(2) NULL,
                \`rowCount\` int NOT NULL DEFAULT '0',
                \`validCount\` int NOT NULL DEFAULT '0',
                \`errorCount\` int NOT NULL DEFAULT '0',
                \`duplicateCount\` int NOT NULL DEFAULT '0',
                \`importedCount\` int NOT NULL DEFAULT '0',
                \`failureReason\` varchar(500) NULL,
                \`createdById\` varchar(36) NOT NULL,
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`committedAt\` datetime NULL,
                \`rolledBackAt\` datetime NULL,
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`member_events\` (
                \`id\` varchar(36) NOT NULL,
                \`memberId\` varchar(36) NOT NULL,
                \`kind\` varchar(16) NOT NULL,
                \`actor\` varchar(64) NOT NULL,
                \`details\` text NULL,
                \`at\` datetime(3) NOT NULL,
                INDEX \`IDX_4fa6be75d8593426413d1d6e0e\` (\`memberId\`, \`at\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`member_tokens\` (
                \`id\` varchar(36) NOT NULL,
                \`memberId\` varchar(36) NOT NULL,
                \`purpose\` varchar(12) NOT NULL,
                \`tokenHash\` varchar(64) NOT NULL,
                \`expiresAt\` datetime NOT NULL,
                \`usedAt\` datetime NULL,
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                INDEX \`IDX_953d30b90e645449356017487c\` (\`memberId\`),
                UNIQUE INDEX \`IDX_6df0ee3daf6e162018cadf0d80\` (\`tokenHash\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`register_targets\` (
                \`key\` varchar(100) NOT NULL,
                \`target\` int NOT NULL,
                PRIMARY KEY (\`key\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`segments\` (
                \`id\` varchar(36) NOT NULL,
                \`name\` varchar(120) NOT NULL,
                \`filter\` text NOT NULL,
                \`createdById\` varchar(36) NOT NULL,
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            ALTER TABLE \`members\`
            ADD \`mergedIntoId\` varchar(36) NULL
        `);
    await queryRunner.query(`
            ALTER TABLE \`members\`
            ADD \`createdById\` varchar(36) NULL
        `);
    await queryRunner.query(`
            ALTER TABLE \`users\` CHANGE \`lastSignInAt\` \`lastSignInAt\` datetime NULL
        `);
    await queryRunner.query(`
            ALTER TABLE \`sessions\` CHANGE \`userAgent\` \`userAgent\` varchar(255) NULL
        `);
    await queryRunner.query(`
            ALTER TABLE \`forums\` CHANGE \`rsvpDeadline\` \`rsvpDeadline\` datetime NULL
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_58d5a71b3d43265450e25b312a\` ON \`members\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`members\` CHANGE \`email\` \`email\` varchar(254) NULL
        `);
    await queryRunner.query(`
            ALTER TABLE \`members\` CHANGE \`phone\` \`phone\` varchar(16) NULL
        `);
    await queryRunner.query(`
            ALTER TABLE \`members\` CHANGE \`whatsapp\` \`whatsapp\` varchar(16) NULL
        `);
    await queryRunner.query(`
            ALTER TABLE \`members\` CHANGE \`region\` \`region\` varchar(80) NULL
        `);
    await queryRunner.query(`
            ALTER TABLE \`members\` CHANGE \`city\` \`city\` varchar(80) NULL
        `);
    await queryRunner.query(`
            ALTER TABLE \`members\` CHANGE \`occupation\` \`occupation\` varchar(120) NULL
        `);
    await queryRunner.query(`
            ALTER TABLE \`members\` CHANGE \`consentAt\` \`consentAt\` datetime NULL
        `);
    await queryRunner.query(`
            ALTER TABLE \`members\` CHANGE \`consentMethod\` \`consentMethod\` varchar(16) NULL
        `);
    await queryRunner.query(`
            ALTER TABLE \`members\` CHANGE \`sourceBatchId\` \`sourceBatchId\` varchar(36) NULL
        `);
    await queryRunner.query(`
            CREATE INDEX \`IDX_58d5a71b3d43265450e25b312a\` ON \`members\` (\`countryCode\`, \`region\`)
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX \`IDX_58d5a71b3d43265450e25b312a\` ON \`members\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`members\` CHANGE \`sourceBatchId\` \`sourceBatchId\` varchar(36) NULL DEFAULT 'NULL'
        `);
    await queryRunner.query(`
            ALTER TABLE \`members\` CHANGE \`consentMethod\` \`consentMethod\` varchar(16) NULL DEFAULT 'NULL'
        `);
    await queryRunner.query(`
            ALTER TABLE \`members\` CHANGE \`consentAt\` \`consentAt\` datetime NULL DEFAULT 'NULL'
        `);
    await queryRunner.query(`
            ALTER TABLE \`members\` CHANGE \`occupation\` \`occupation\` varchar(120) NULL DEFAULT 'NULL'
        `);
    await queryRunner.query(`
            ALTER TABLE \`members\` CHANGE \`city\` \`city\` varchar(80) NULL DEFAULT 'NULL'
        `);
    await queryRunner.query(`
            ALTER TABLE \`members\` CHANGE \`region\` \`region\` varchar(80) NULL DEFAULT 'NULL'
        `);
    await queryRunner.query(`
            ALTER TABLE \`members\` CHANGE \`whatsapp\` \`whatsapp\` varchar(16) NULL DEFAULT 'NULL'
        `);
    await queryRunner.query(`
            ALTER TABLE \`members\` CHANGE \`phone\` \`phone\` varchar(16) NULL DEFAULT 'NULL'
        `);
    await queryRunner.query(`
            ALTER TABLE \`members\` CHANGE \`email\` \`email\` varchar(254) NULL DEFAULT 'NULL'
        `);
    await queryRunner.query(`
            CREATE INDEX \`IDX_58d5a71b3d43265450e25b312a\` ON \`members\` (\`countryCode\`, \`region\`)
        `);
    await queryRunner.query(`
            ALTER TABLE \`forums\` CHANGE \`rsvpDeadline\` \`rsvpDeadline\` datetime NULL DEFAULT 'NULL'
        `);
    await queryRunner.query(`
            ALTER TABLE \`sessions\` CHANGE \`userAgent\` \`userAgent\` varchar(255) NULL DEFAULT 'NULL'
        `);
    await queryRunner.query(`
            ALTER TABLE \`users\` CHANGE \`lastSignInAt\` \`lastSignInAt\` datetime NULL DEFAULT 'NULL'
        `);
    await queryRunner.query(`
            ALTER TABLE \`members\` DROP COLUMN \`createdById\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`members\` DROP COLUMN \`mergedIntoId\`
        `);
    await queryRunner.query(`
            DROP TABLE \`segments\`
        `);
    await queryRunner.query(`
            DROP TABLE \`register_targets\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_6df0ee3daf6e162018cadf0d80\` ON \`member_tokens\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_953d30b90e645449356017487c\` ON \`member_tokens\`
        `);
    await queryRunner.query(`
            DROP TABLE \`member_tokens\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_4fa6be75d8593426413d1d6e0e\` ON \`member_events\`
        `);
    await queryRunner.query(`
            DROP TABLE \`member_events\`
        `);
    await queryRunner.query(`
            DROP TABLE \`import_batches\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_1c2325d470527f5af618513aab\` ON \`outreach_logs\`
        `);
    await queryRunner.query(`
            DROP TABLE \`outreach_logs\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_d8c6d3f534885550caba170628\` ON \`messages\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_5fb73ec3167ac1b3d330c9c2b8\` ON \`messages\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_d97799f977ce7ec3bcdf5691d2\` ON \`messages\`
        `);
    await queryRunner.query(`
            DROP TABLE \`messages\`
        `);
  }
}
