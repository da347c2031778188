import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRegister1795374062009 implements MigrationInterface {
  name = 'AddRegister1795374062009';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE \`members\` (
                \`id\` varchar(36) NOT NULL,
                \`firstName\` varchar(80) NOT NULL,
                \`lastName\` varchar(80) NOT NULL,
                \`email\` varchar(254) NULL,
                \`phone\` varchar(16) NULL,
                \`whatsapp\` varchar(16) NULL,
                \`countryCode\` varchar(2) NOT NULL,
                \`region\` varchar(80) NULL,
                \`city\` varchar(80) NULL,
                \`occupation\` varchar(120) NULL,
                \`preferredChannel\` varchar(12) NOT NULL DEFAULT 'email',
                \`preferredLanguage\` varchar(2) NOT NULL DEFAULT 'en',
                \`consentAt\` datetime NULL,
                \`consentMethod\` varchar(16) NULL,
                \`consentInvitations\` tinyint NOT NULL DEFAULT 0,
                \`consentUpdates\` tinyint NOT NULL DEFAULT 0,
                \`source\` varchar(16) NOT NULL,
                \`sourceBatchId\` varchar(36) NULL,
                \`status\` varchar(24) NOT NULL DEFAULT 'active',
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                INDEX \`IDX_2714af51e3f7dd42cf66eeb08d\` (\`email\`),
                INDEX \`IDX_090c60f7851c98387ce3e1995e\` (\`phone\`),
                INDEX \`IDX_124477185d1f8a83bd3367430b\` (\`sourceBatchId\`),
                INDEX \`IDX_7eee76dccf32d384452fa404a6\` (\`lastName\`, \`firstName\`),
                INDEX \`IDX_58d5a71b3d43265450e25b312a\` (\`countryCode\`, \`region\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
    await queryRunner.query(`
            CREATE TABLE \`member_sectors\` (
                \`memberId\` varchar(36) NOT NULL,
                \`sector\` varchar(16) NOT NULL,
                INDEX \`IDX_061a7df1167273faf45af0e354\` (\`sector\`, \`memberId\`),
                PRIMARY KEY (\`memberId\`, \`sector\`)
            ) ENGINE = InnoDB
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
            ALTER TABLE \`member_sectors\`
            ADD CONSTRAINT \`FK_2cc219ef166fcd23fc541c3a74b\` FOREIGN KEY (\`memberId\`) REFERENCES \`members\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE \`member_sectors\` DROP FOREIGN KEY \`FK_2cc219ef166fcd23fc541c3a74b\`
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
            DROP INDEX \`IDX_061a7df1167273faf45af0e354\` ON \`member_sectors\`
        `);
    await queryRunner.query(`
            DROP TABLE \`member_sectors\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_58d5a71b3d43265450e25b312a\` ON \`members\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_7eee76dccf32d384452fa404a6\` ON \`members\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_124477185d1f8a83bd3367430b\` ON \`members\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_090c60f7851c98387ce3e1995e\` ON \`members\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_2714af51e3f7dd42cf66eeb08d\` ON \`members\`
        `);
    await queryRunner.query(`
            DROP TABLE \`members\`
        `);
  }
}
