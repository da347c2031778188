import { createApp } from './bootstrap';
import { ConfigError, loadConfig } from './config/app-config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nThe app did not start. See the configuration table in README.md.\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const db = config.database.type === 'mysql' ? 'MySQL' : `SQLite (${config.database.file})`;
  process.stdout.write(
    `\nDiaspora Forum is running at ${config.publicUrl}  (database: ${db})\n` +
      `  Console:  ${config.publicUrl}/admin  — on a fresh install it asks you to create the first organiser\n` +
      `  API docs: ${config.publicUrl}/api/docs\n` +
      (config.smtpUrl ? '' : '  Mail:     SMTP_URL is not set; messages are held and readable in the console\n') +
      '\n',
  );
}

void main();
