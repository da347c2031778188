// npm run seed:demo [-- --members 5000]: a synthetic register and a demo forum, for trying the product.
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app-config';
import { seedDemo } from '../seed/seed-demo';
import { ForumsService } from '../forums/forums.service';
import { RegisterService } from '../register/register.service';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { members: { type: 'string', default: '2000' } } });
  const count = Number(values.members);
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000)
    throw new Error('--members takes a whole number from 1 to 1000000');
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ ...config, admin: undefined }), {
    logger: ['error'],
  });
  try {
    const result = await seedDemo(app.get(RegisterService), app.get(ForumsService), { members: count });
    process.stdout.write(
      result.skipped
        ? 'The register already has members; demo data was not added (use a fresh DATA_DIR or database).\n'
        : `Added ${result.members} synthetic members and the forum "${result.forum}".\n`,
    );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
