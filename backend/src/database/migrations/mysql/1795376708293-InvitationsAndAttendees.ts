import { MigrationInterface, QueryRunner } from 'typeorm';

export class InvitationsAndAttendees1795376708293 implements MigrationInterface {
  name = 'InvitationsAndAttendees1795376708293';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`attendees\` (
                \`id\` varchar(36) NOT NULL,
                \`forumId\` varchar(36) NOT NULL,
                \`memberId\` varchar(36) NULL,
                \`invitationId\` varchar(36) NULL,
                \`role\` varchar(12) NOT NULL,
                \`firstName\` varchar(80) NOT NULL,
                \`lastName\` varchar(80) NOT NULL,
                \`countryCode\` varchar(2) NULL,
                \`region\` varchar(80) NULL,
                \`badgeNumber\` int NOT NULL,
                \`badgeVersion\` int NOT NULL DEFAULT '1',
                \`badgeRevoked\` tinyint NOT NULL DEFAULT 0,
                \`status\` varchar(12) NOT NULL DEFAULT 'confirmed',
                \`needs\` text NULL,
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                INDEX \`IDX_50973f04d5e8501b0c98dc36af\` (\`memberId\`),
                UNIQUE INDEX \`IDX_780e3e1c8b6db8199f14a19664\` (\`invitationId\`),
                INDEX \`IDX_c7fc25ec77b2ac041b7374f74d\` (\`forumId\`, \`lastName\`),
                UNIQUE INDEX \`IDX_b6418b5f7bd0ea2c218c31788a\` (\`forumId\`, \`badgeNumber\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`campaigns\` (
                \`id\` varchar(36) NOT NULL,
                \`forumId\` varchar(36) NOT NULL,
                \`name\` varchar(120) NOT NULL,
                \`audience\` text NOT NULL,
                \`status\` varchar(12) NOT NULL DEFAULT 'draft',
                \`scheduledAt\` datetime NULL,
                \`invitedCount\` int NOT NULL DEFAULT '0',
                \`skipped\` text NULL,
                \`reminderIntervalHours\` int NOT NULL DEFAULT '72',
                \`createdById\` varchar(36) NOT NULL,
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`sentAt\` datetime NULL,
                INDEX \`IDX_e92618156fcdd80e4cfcfe24dd\` (\`forumId\`, \`createdAt\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`invitation_tokens\` (
                \`id\` varchar(36) NOT NULL,
                \`invitationId\` varchar(36) NOT NULL,
                \`tokenHash\` varchar(64) NOT NULL,
                \`revokedAt\` datetime NULL,
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                INDEX \`IDX_718f931745b4d7131cdf00dbb9\` (\`invitationId\`),
                UNIQUE INDEX \`IDX_d1f7dcbda2c0f62a7b0c9100e5\` (\`tokenHash\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`invitations\` (
                \`id\` varchar(36) NOT NULL,
                \`forumId\` varchar(36) NOT NULL,
                \`campaignId\` varchar(36) NULL,
                \`memberId\` varchar(36) NOT NULL,
                \`locale\` varchar(2) NOT NULL,
                \`messageKey\` varchar(191) NULL,
                \`revokedAt\` datetime NULL,
                \`openedAt\` datetime NULL,
                \`response\` varchar(12) NULL,
                \`respondedAt\` datetime NULL,
                \`placeHeld\` tinyint NOT NULL DEFAULT 0,
                \`waitlistedAt\` datetime(3) NULL,
                \`days\` text NULL,
                \`dietary\` text NULL,
                \`dietaryNote\` varchar(500) NULL,
                \`accessibility\` text NULL,
                \`accessibilityNote\` varchar(500) NULL,
                \`arrivalCountry\` varchar(2) NULL,
                \`arrivalCity\` varchar(80) NULL,
                \`declineReason\` varchar(500) NULL,
                \`lastRemindedAt\` datetime NULL,
                \`reminderCount\` int NOT NULL DEFAULT '0',
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                INDEX \`IDX_a59347777c83abae9ee6b2ab47\` (\`forumId\`, \`waitlistedAt\`),
                INDEX \`IDX_fc3ca9b5b4e45c228288aafd36\` (\`campaignId\`, \`response\`),
                UNIQUE INDEX \`IDX_ae39775d55847074fd252491a6\` (\`forumId\`, \`memberId\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            ALTER TABLE \`forums\`
            ADD \`placesTaken\` int NOT NULL DEFAULT '0'
        `);
    await queryRunner.query(`
            ALTER TABLE \`forums\`
            ADD \`lastBadgeNumber\` int NOT NULL DEFAULT '0'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`forums\` DROP COLUMN \`lastBadgeNumber\`
        `);
    await queryRunner.query(`
            ALTER TABLE \`forums\` DROP COLUMN \`placesTaken\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_ae39775d55847074fd252491a6\` ON \`invitations\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_fc3ca9b5b4e45c228288aafd36\` ON \`invitations\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_a59347777c83abae9ee6b2ab47\` ON \`invitations\`
        `);
    await queryRunner.query(`
            DROP TABLE \`invitations\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_d1f7dcbda2c0f62a7b0c9100e5\` ON \`invitation_tokens\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_718f931745b4d7131cdf00dbb9\` ON \`invitation_tokens\`
        `);
    await queryRunner.query(`
            DROP TABLE \`invitation_tokens\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_e92618156fcdd80e4cfcfe24dd\` ON \`campaigns\`
        `);
    await queryRunner.query(`
            DROP TABLE \`campaigns\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_b6418b5f7bd0ea2c218c31788a\` ON \`attendees\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_c7fc25ec77b2ac041b7374f74d\` ON \`attendees\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_780e3e1c8b6db8199f14a19664\` ON \`attendees\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_50973f04d5e8501b0c98dc36af\` ON \`attendees\`
        `);
    await queryRunner.query(`
            DROP TABLE \`attendees\`
        `);
  }
}
