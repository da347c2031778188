import { MigrationInterface, QueryRunner } from "typeorm";

export class SignInThrottles1796195633490 implements MigrationInterface {
    name = 'SignInThrottles1796195633490'

    public async up(queryRunner: QueryRunner): Promise<void> {
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
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX \`IDX_a666ab5ead0900a3c0d7f1239c\` ON \`sign_in_throttles\`
        `);
        await queryRunner.query(`
            DROP TABLE \`sign_in_throttles\`
        `);
    }

}
