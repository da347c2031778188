import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { join, resolve } from 'node:path';
import { repoRoot } from '../paths';
import { readOrCreateAppSecret } from './app-secret';
import { EnvDto } from './env.dto';
import { parseTrustProxy, type TrustProxy } from './trust-proxy';

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  database: { type: 'mysql'; url: string } | { type: 'sqlite'; file: string };
  smtpUrl?: string;
  appSecret: string;
  publicUrl: string;
  secureCookies: boolean;
  admin?: { email: string; password: string };
  logLevel: string;
  publicRateLimitPerMinute: number;
  /** Whose X-Forwarded-For to believe (Fastify's trustProxy); false: nobody's. */
  trustProxy: TrustProxy;
  /** Personal links (RSVP, badge, nomination response) work until their forum's last day ends, plus this many days. */
  linkGraceDays: number;
  /** How a member whose link has expired can reach the directorate; shown on the "forum is over" page. */
  directorate: { email?: string; phone?: string };
  mail: {
    from: string;
    /** Messages a second at most; 0 means no limit. */
    ratePerSecond: number;
    maxAttempts: number;
    /** Whether this process drains the outbox (several may; each claims its own rows). */
    worker: boolean;
    /** How long a claim on a message lasts unless its worker renews it (every third of it while sending); after that another worker may take it. */
    leaseSeconds: number;
    /** The longest the relay may take to connect, to greet, or to answer on an open connection; then the send is retried later. */
    smtpTimeoutSeconds: number;
  };
  retention: {
    /** Months after a forum's last day before its RSVP answers, door details and mail are de-identified (a forum may set its own). */
    months: number;
    /** Members holding no consent and untouched this many months are listed for review. */
    reviewMonths: number;
    /** The UTC hour the daily retention run starts. */
    runHourUtc: number;
    /** Whether this process checks for the daily run (several may: one claims it). */
    scheduler: boolean;
  };
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/** Reads and validates the environment; throws ConfigError listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable (FOO=) means "not set", as in most twelve-factor apps.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const dto = plainToInstance(EnvDto, given);
  const problems = validateSync(dto, { whitelist: false }).flatMap((e) => Object.values(e.constraints ?? {}));
  if ((dto.ADMIN_EMAIL && !dto.ADMIN_PASSWORD) || (!dto.ADMIN_EMAIL && dto.ADMIN_PASSWORD)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  const trustProxy = parseTrustProxy(dto.TRUST_PROXY);
  if (typeof trustProxy === 'string') problems.push(trustProxy);
  if (problems.length) throw new ConfigError(problems);

  const port = dto.PORT ?? 3000;
  const dataDir = resolve(repoRoot, dto.DATA_DIR ?? 'data');
  const publicUrl = (dto.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  return {
    port,
    host: dto.HOST ?? '0.0.0.0',
    dataDir,
    database: dto.DATABASE_URL
      ? { type: 'mysql', url: dto.DATABASE_URL }
      : { type: 'sqlite', file: join(dataDir, 'diaspora-forum.sqlite') },
    smtpUrl: dto.SMTP_URL,
    appSecret: dto.APP_SECRET ?? readOrCreateAppSecret(dataDir),
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    admin: dto.ADMIN_EMAIL && dto.ADMIN_PASSWORD ? { email: dto.ADMIN_EMAIL, password: dto.ADMIN_PASSWORD } : undefined,
    logLevel: dto.LOG_LEVEL ?? 'info',
    publicRateLimitPerMinute: dto.PUBLIC_RATE_LIMIT_PER_MINUTE ?? 60,
    trustProxy: trustProxy as TrustProxy,
    linkGraceDays: dto.LINK_GRACE_DAYS ?? 30,
    directorate: { email: dto.DIRECTORATE_EMAIL, phone: dto.DIRECTORATE_PHONE },
    mail: {
      from: dto.MAIL_FROM ?? `"Diaspora Forum" <no-reply@${new URL(publicUrl).hostname}>`,
      ratePerSecond: dto.MAIL_RATE_PER_SECOND ?? 50,
      maxAttempts: dto.MAIL_MAX_ATTEMPTS ?? 8,
      worker: (dto.MAIL_WORKER ?? 'on') === 'on',
      leaseSeconds: dto.MAIL_LEASE_SECONDS ?? 120,
      smtpTimeoutSeconds: dto.SMTP_TIMEOUT_SECONDS ?? 20,
    },
    retention: {
      months: dto.RETENTION_MONTHS ?? 12,
      reviewMonths: dto.RETENTION_REVIEW_MONTHS ?? 24,
      runHourUtc: dto.RETENTION_RUN_HOUR ?? 2,
      scheduler: (dto.RETENTION_SCHEDULER ?? 'on') === 'on',
    },
  };
}
