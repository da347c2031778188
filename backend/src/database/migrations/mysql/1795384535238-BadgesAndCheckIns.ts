import { MigrationInterface, QueryRunner } from 'typeorm';

export class BadgesAndCheckIns1795384535238 implements MigrationInterface {
  name = 'BadgesAndCheckIns1795384535238';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`badge_keys\` (
                \`forumId\` varchar(36) NOT NULL,
                \`publicKey\` varchar(64) NOT NULL,
                \`encryptedPrivateKey\` text NOT NULL,
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                PRIMARY KEY (\`forumId\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`check_ins\` (
                \`id\` varchar(36) NOT NULL,
                \`forumId\` varchar(36) NOT NULL,
                \`attendeeId\` varchar(36) NULL,
                \`badgeNumber\` int NOT NULL,
                \`badgeVersion\` int NULL,
                \`day\` varchar(10) NOT NULL,
                \`result\` varchar(12) NOT NULL,
                \`admitted\` tinyint NULL,
                \`method\` varchar(8) NOT NULL,
                \`scannedAt\` datetime NOT NULL,
                \`recordedAt\` datetime NOT NULL,
                \`offline\` tinyint NOT NULL DEFAULT 0,
                \`door\` varchar(60) NOT NULL,
                \`staffUserId\` varchar(36) NOT NULL,
                \`nonce\` varchar(64) NOT NULL,
                UNIQUE INDEX \`IDX_af547895f6281e0352f134df7c\` (\`nonce\`),
                INDEX \`IDX_5aea55c08edc61ee1446cfd48d\` (\`forumId\`, \`day\`, \`recordedAt\`),
                UNIQUE INDEX \`IDX_d95bd61f33e5918e8affd667c9\` (\`attendeeId\`, \`day\`, \`admitted\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX \`IDX_d95bd61f33e5918e8affd667c9\` ON \`check_ins\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_5aea55c08edc61ee1446cfd48d\` ON \`check_ins\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_af547895f6281e0352f134df7c\` ON \`check_ins\`
        `);
    await queryRunner.query(`
            DROP TABLE \`check_ins\`
        `);
    await queryRunner.query(`
            DROP TABLE \`badge_keys\`
        `);
  }
}
