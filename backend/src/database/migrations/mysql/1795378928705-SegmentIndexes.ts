import { MigrationInterface, QueryRunner } from 'typeorm';

export class SegmentIndexes1795378928705 implements MigrationInterface {
  name = 'SegmentIndexes1795378928705';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX \`IDX_members_segment_count\` ON \`members\` (
                \`countryCode\`,
                \`region\`,
                \`consentInvitations\`,
                \`status\`
            )
        `);
    await queryRunner.query(`
            CREATE INDEX \`IDX_members_segment_page\` ON \`members\` (
                \`countryCode\`,
                \`region\`,
                \`consentInvitations\`,
                \`lastName\`,
                \`firstName\`
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX \`IDX_members_segment_page\` ON \`members\`
        `);
    await queryRunner.query(`
            DROP INDEX \`IDX_members_segment_count\` ON \`members\`
        `);
  }
}
