// Writes the OpenAPI document (from the controllers' decorators) to the path given, for the
// frontend's typed client. Boots the app against a throw-away in-memory SQLite database.
import { writeFileSync } from 'node:fs';
import { buildOpenApi, createApp } from '../bootstrap';
import { loadConfig } from '../config/app-config';

async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('usage: write-openapi <file>');
  const config = loadConfig({ ...process.env, DATABASE_URL: undefined, LOG_LEVEL: 'silent', APP_SECRET: 'x'.repeat(32) });
  const app = await createApp({ ...config, database: { type: 'sqlite', file: ':memory:' }, admin: undefined });
  await app.init();
  writeFileSync(out, JSON.stringify(buildOpenApi(app), null, 2) + '\n');
  await app.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
