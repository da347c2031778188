import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795373344976 implements MigrationInterface {
  name = 'Initial1795373344976';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`users\` (
                \`id\` varchar(36) NOT NULL,
                \`email\` varchar(254) NOT NULL,
                \`name\` varchar(120) NOT NULL,
                \`passwordHash\` varchar(255) NOT NULL,
                \`role\` varchar(16) NOT NULL,
                \`countries\` text NOT NULL,
                \`active\` tinyint NOT NULL DEFAULT 1,
                \`lastSignInAt\` datetime NULL,
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                UNIQUE INDEX \`IDX_97672ac88f789774dd47f7c8be\` (\`email\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`sessions\` (
                \`tokenHash\` varchar(64) NOT NULL,
                \`userId\` varchar(36) NOT NULL,
                \`userAgent\` varchar(255) NULL,
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`lastSeenAt\` datetime NOT NULL,
                \`expiresAt\` datetime NOT NULL,
                INDEX \`IDX_57de40bc620f456c7311aa3a1e\` (\`userId\`),
                PRIMARY KEY (\`tokenHash\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`forums\` (
                \`id\` varchar(36) NOT NULL,
                \`name\` varchar(160) NOT NULL,
                \`slug\` varchar(80) NOT NULL,
                \`venue\` varchar(200) NOT NULL,
                \`timezone\` varchar(64) NOT NULL,
                \`startDate\` varchar(10) NOT NULL,
                \`endDate\` varchar(10) NOT NULL,
                \`capacity\` int NOT NULL,
                \`rsvpDeadline\` datetime NULL,
                \`status\` varchar(16) NOT NULL DEFAULT 'draft',
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                UNIQUE INDEX \`IDX_505d0853ce50ea01d323429dae\` (\`slug\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            ALTER TABLE \`sessions\`
            ADD CONSTRAINT \`FK_57de40bc620f456c7311aa3a1e6\` FOREIGN KEY (\`userId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`sessions\` DROP FOREIGN KEY \`FK_57de40bc620f456c7311aa3a1e6\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_505d0853ce50ea01d323429dae\` ON \`forums\`
        `);
    await queryRunner.query(`
            DROP TABLE \`forums\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_57de40bc620f456c7311aa3a1e\` ON \`sessions\`
        `);
    await queryRunner.query(`
            DROP TABLE \`sessions\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_97672ac88f789774dd47f7c8be\` ON \`users\`
        `);
    await queryRunner.query(`
            DROP TABLE \`users\`
        `);
  }
}
