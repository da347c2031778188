import { MigrationInterface, QueryRunner } from 'typeorm';

export class AgendaAndNominations1795376206466 implements MigrationInterface {
  name = 'AgendaAndNominations1795376206466';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`agenda_presenters\` (
                \`id\` varchar(36) NOT NULL,
                \`forumId\` varchar(36) NOT NULL,
                \`memberId\` varchar(36) NULL,
                \`userId\` varchar(36) NULL,
                \`name\` varchar(160) NOT NULL,
                \`affiliation\` varchar(160) NULL,
                \`bio\` varchar(1000) NULL,
                \`publishConsentAt\` datetime NULL,
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                UNIQUE INDEX \`IDX_723ba662a45721a86ea0137fcf\` (\`forumId\`, \`userId\`),
                UNIQUE INDEX \`IDX_ab6e4332938ee2c710ba741de7\` (\`forumId\`, \`memberId\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`agenda_rooms\` (
                \`id\` varchar(36) NOT NULL,
                \`forumId\` varchar(36) NOT NULL,
                \`name\` varchar(80) NOT NULL,
                \`position\` int NOT NULL DEFAULT '0',
                UNIQUE INDEX \`IDX_dd8451f106551bb561522473bc\` (\`forumId\`, \`name\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`agenda_sessions\` (
                \`id\` varchar(36) NOT NULL,
                \`forumId\` varchar(36) NOT NULL,
                \`roomId\` varchar(36) NOT NULL,
                \`kind\` varchar(16) NOT NULL,
                \`title\` varchar(200) NOT NULL,
                \`abstract\` varchar(2000) NULL,
                \`startsAt\` datetime NOT NULL,
                \`endsAt\` datetime NOT NULL,
                \`publishedAt\` datetime NULL,
                \`sequence\` int NOT NULL DEFAULT '0',
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                INDEX \`IDX_e2c3ce8c88c5d93cd2e19fb5a7\` (\`roomId\`, \`startsAt\`),
                INDEX \`IDX_941b5f2e6f071098323f331cb2\` (\`forumId\`, \`startsAt\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`session_presenters\` (
                \`id\` varchar(36) NOT NULL,
                \`sessionId\` varchar(36) NOT NULL,
                \`presenterId\` varchar(36) NOT NULL,
                \`position\` int NOT NULL DEFAULT '0',
                INDEX \`IDX_0279adcfd844672b47e08b52a4\` (\`presenterId\`),
                UNIQUE INDEX \`IDX_b4310734940e21a198e25060c8\` (\`sessionId\`, \`presenterId\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`nomination_reviews\` (
                \`id\` varchar(36) NOT NULL,
                \`nominationId\` varchar(36) NOT NULL,
                \`reviewerId\` varchar(36) NOT NULL,
                \`score\` int NULL,
                \`comment\` varchar(2000) NULL,
                \`conflictOfInterest\` tinyint NOT NULL DEFAULT 0,
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                UNIQUE INDEX \`IDX_2634fba572bbcfeca91eb136f9\` (\`nominationId\`, \`reviewerId\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`nomination_status_changes\` (
                \`id\` varchar(36) NOT NULL,
                \`nominationId\` varchar(36) NOT NULL,
                \`fromStatus\` varchar(16) NULL,
                \`toStatus\` varchar(16) NOT NULL,
                \`actor\` varchar(64) NOT NULL,
                \`actorName\` varchar(160) NOT NULL,
                \`note\` varchar(1000) NULL,
                \`at\` datetime(3) NOT NULL,
                INDEX \`IDX_d04ed0742bd421cc9a3f0d199a\` (\`nominationId\`, \`at\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`nominations\` (
                \`id\` varchar(36) NOT NULL,
                \`forumId\` varchar(36) NOT NULL,
                \`memberId\` varchar(36) NOT NULL,
                \`category\` varchar(24) NOT NULL,
                \`topic\` varchar(200) NOT NULL,
                \`summary\` varchar(2000) NOT NULL,
                \`status\` varchar(16) NOT NULL DEFAULT 'submitted',
                \`nominatorKind\` varchar(12) NOT NULL,
                \`nominatorName\` varchar(160) NULL,
                \`nominatorEmail\` varchar(254) NULL,
                \`nominatorPhone\` varchar(16) NULL,
                \`nominatorUserId\` varchar(36) NULL,
                \`locale\` varchar(2) NOT NULL DEFAULT 'en',
                \`nomineeContactConsentAt\` datetime NULL,
                \`nomineePublishConsentAt\` datetime NULL,
                \`nomineeBio\` varchar(1000) NULL,
                \`confirmedAt\` datetime NULL,
                \`responseTokenHash\` varchar(64) NULL,
                \`responseTokenExpiresAt\` datetime NULL,
                \`responseTokenUsedAt\` datetime NULL,
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                INDEX \`IDX_51a591d0280d8d3f4ceabc6556\` (\`memberId\`),
                UNIQUE INDEX \`IDX_735b76984c812cf154aac6115e\` (\`responseTokenHash\`),
                INDEX \`IDX_5f293c55495d46fb7c31164f00\` (\`forumId\`, \`status\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX \`IDX_5f293c55495d46fb7c31164f00\` ON \`nominations\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_735b76984c812cf154aac6115e\` ON \`nominations\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_51a591d0280d8d3f4ceabc6556\` ON \`nominations\`
        `);
    await queryRunner.query(`
            DROP TABLE \`nominations\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_d04ed0742bd421cc9a3f0d199a\` ON \`nomination_status_changes\`
        `);
    await queryRunner.query(`
            DROP TABLE \`nomination_status_changes\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_2634fba572bbcfeca91eb136f9\` ON \`nomination_reviews\`
        `);
    await queryRunner.query(`
            DROP TABLE \`nomination_reviews\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_b4310734940e21a198e25060c8\` ON \`session_presenters\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_0279adcfd844672b47e08b52a4\` ON \`session_presenters\`
        `);
    await queryRunner.query(`
            DROP TABLE \`session_presenters\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_941b5f2e6f071098323f331cb2\` ON \`agenda_sessions\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_e2c3ce8c88c5d93cd2e19fb5a7\` ON \`agenda_sessions\`
        `);
    await queryRunner.query(`
            DROP TABLE \`agenda_sessions\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_dd8451f106551bb561522473bc\` ON \`agenda_rooms\`
        `);
    await queryRunner.query(`
            DROP TABLE \`agenda_rooms\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_ab6e4332938ee2c710ba741de7\` ON \`agenda_presenters\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_723ba662a45721a86ea0137fcf\` ON \`agenda_presenters\`
        `);
    await queryRunner.query(`
            DROP TABLE \`agenda_presenters\`
        `);
  }
}
