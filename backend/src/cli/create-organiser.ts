// npm run create-organiser -- --email you@example.org [--name "Your Name"]
// Asks for the password on the terminal (or reads ORGANISER_PASSWORD), so it never sits in shell history.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { UsersService } from '../auth/users.service';
import { DomainError } from '../common/domain-error';
import { loadConfig } from '../config/app-config';

async function askPassword(): Promise<string> {
  if (process.env.ORGANISER_PASSWORD) return process.env.ORGANISER_PASSWORD;
  if (!process.stdin.isTTY) throw new Error('Set ORGANISER_PASSWORD or run this in a terminal to type the password');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide what is typed: print nothing for each key after the prompt.
  const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s) =>
    s.startsWith('Password') ? write.call(rl, s) : undefined;
  const password = await rl.question('Password (at least 10 characters): ');
  rl.close();
  process.stdout.write('\n');
  return password;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string', default: 'Organiser' } } });
  if (!values.email) throw new Error('usage: npm run create-organiser -- --email you@example.org [--name "Your Name"]');
  const password = await askPassword();
  if (password.length < 10) throw new Error('The password needs at least 10 characters');
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ ...config, admin: undefined }), {
    logger: ['error'],
  });
  try {
    const user = await app.get(UsersService).create({ email: values.email, name: values.name!, password, role: 'organiser' });
    process.stdout.write(`Organiser ${user.email} created. Sign in at ${config.publicUrl}/admin\n`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  const message =
    error instanceof DomainError
      ? `${error.message}${error.fields ? ` ${JSON.stringify(error.fields)}` : ''}`
      : error instanceof Error
        ? error.message
        : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
