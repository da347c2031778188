import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';

/** The environment as the app accepts it; validated once at boot (see loadConfig). */
export class EnvDto {
  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsString()
  HOST?: string;

  @IsOptional()
  @IsString()
  DATA_DIR?: string;

  @IsOptional()
  @Matches(/^(mysql|mariadb):\/\/.+/, {
    message: 'DATABASE_URL must be a mysql:// (MySQL) or mariadb:// (MariaDB) URL: scheme://user:password@host:port/database',
  })
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsOptional()
  @MinLength(32, { message: 'APP_SECRET must be at least 32 characters (leave it unset to generate one)' })
  APP_SECRET?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'PUBLIC_URL must be an absolute http(s) URL' })
  PUBLIC_URL?: string;

  @IsOptional()
  @IsString()
  ADMIN_EMAIL?: string;

  @IsOptional()
  @MinLength(10, { message: 'ADMIN_PASSWORD must be at least 10 characters' })
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  PUBLIC_RATE_LIMIT_PER_MINUTE?: number;

  /** Checked by parseTrustProxy (config/trust-proxy.ts). */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  @IsOptional()
  @IsString()
  @MinLength(3)
  MAIL_FROM?: string;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt({ message: 'MAIL_RATE_PER_SECOND must be a whole number (0 for no limit)' })
  @Min(0)
  MAIL_RATE_PER_SECOND?: number;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(30)
  MAIL_MAX_ATTEMPTS?: number;

  @IsOptional()
  @IsIn(['on', 'off'], { message: 'MAIL_WORKER must be on or off' })
  MAIL_WORKER?: string;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(2)
  @Max(3600)
  MAIL_LEASE_SECONDS?: number;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt({ message: 'SMTP_TIMEOUT_SECONDS must be a whole number of seconds' })
  @Min(1)
  @Max(600)
  SMTP_TIMEOUT_SECONDS?: number;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt({ message: 'LINK_GRACE_DAYS must be a whole number of days (0 or more)' })
  @Min(0, { message: 'LINK_GRACE_DAYS must be a whole number of days (0 or more)' })
  @Max(3650, { message: 'LINK_GRACE_DAYS must be at most 3650 days' })
  LINK_GRACE_DAYS?: number;

  @IsOptional()
  @IsEmail({}, { message: 'DIRECTORATE_EMAIL must be an email address' })
  DIRECTORATE_EMAIL?: string;

  @IsOptional()
  @Matches(/^\+[1-9][0-9]{6,14}$/, {
    message: 'DIRECTORATE_PHONE must be a phone number in international form, e.g. +26622311150',
  })
  DIRECTORATE_PHONE?: string;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt({ message: 'RETENTION_MONTHS must be a whole number of months' })
  @Min(1, { message: 'RETENTION_MONTHS must be at least 1' })
  @Max(120, { message: 'RETENTION_MONTHS must be at most 120' })
  RETENTION_MONTHS?: number;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt({ message: 'RETENTION_REVIEW_MONTHS must be a whole number of months' })
  @Min(1, { message: 'RETENTION_REVIEW_MONTHS must be at least 1' })
  @Max(240, { message: 'RETENTION_REVIEW_MONTHS must be at most 240' })
  RETENTION_REVIEW_MONTHS?: number;

  @IsOptional()
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsInt({ message: 'RETENTION_RUN_HOUR must be an hour from 0 to 23 (UTC)' })
  @Min(0, { message: 'RETENTION_RUN_HOUR must be an hour from 0 to 23 (UTC)' })
  @Max(23, { message: 'RETENTION_RUN_HOUR must be an hour from 0 to 23 (UTC)' })
  RETENTION_RUN_HOUR?: number;

  @IsOptional()
  @IsIn(['on', 'off'], { message: 'RETENTION_SCHEDULER must be on or off' })
  RETENTION_SCHEDULER?: string;
}
