import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

describe(loadConfig.name, () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'df-config-'));

  it('defaults to SQLite in DATA_DIR, port 3000 and a generated secret kept on disk', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ type: 'sqlite', file: join(dir, 'diaspora-forum.sqlite') });
    expect(config.appSecret).toHaveLength(43);
    expect(readFileSync(join(dir, 'app-secret'), 'utf8').trim()).toBe(config.appSecret);
    expect(loadConfig({ DATA_DIR: dir }).appSecret).toBe(config.appSecret);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.secureCookies).toBe(false);
  });

  it('uses MySQL when DATABASE_URL is set and secure cookies behind an https PUBLIC_URL', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      DATABASE_URL: 'mysql://u:p@db:3306/forum',
      PUBLIC_URL: 'https://forum.example.org/',
      PORT: '8080',
    });
    expect(config.database).toEqual({ type: 'mysql', url: 'mysql://u:p@db:3306/forum' });
    expect(config.publicUrl).toBe('https://forum.example.org');
    expect(config.secureCookies).toBe(true);
    expect(config.port).toBe(8080);
  });

  it('refuses a wrong setting with a message naming every problem', () => {
    let error: unknown;
    try {
      loadConfig({
        DATA_DIR: dataDir(),
        PORT: 'eighty',
        DATABASE_URL: 'postgres://x',
        APP_SECRET: 'short',
        ADMIN_EMAIL: 'a@example.org',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('PORT');
    expect(message).toContain('DATABASE_URL must be a mysql:// (MySQL) or mariadb://');
    expect(message).toContain('APP_SECRET must be at least 32 characters');
    expect(message).toContain('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  });

  it('keeps personal links 30 days past the forum by default, and takes the directorate contact', () => {
    expect(loadConfig({ DATA_DIR: dataDir() })).toMatchObject({ linkGraceDays: 30, directorate: {} });
    expect(
      loadConfig({
        DATA_DIR: dataDir(),
        LINK_GRACE_DAYS: '0',
        DIRECTORATE_EMAIL: 'diaspora@foreign.gov.ls',
        DIRECTORATE_PHONE: '+26622311150',
      }),
    ).toMatchObject({ linkGraceDays: 0, directorate: { email: 'diaspora@foreign.gov.ls', phone: '+26622311150' } });
  });

  it('refuses a grace period or contact that is not one', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig({ DATA_DIR: dataDir(), ...env });
      } catch (e) {
        return (e as ConfigError).problems;
      }
      return [];
    };
    expect(problems({ LINK_GRACE_DAYS: '-1' })).toEqual(['LINK_GRACE_DAYS must be a whole number of days (0 or more)']);
    expect(problems({ LINK_GRACE_DAYS: 'a month' })).toContain('LINK_GRACE_DAYS must be a whole number of days (0 or more)');
    expect(problems({ DIRECTORATE_EMAIL: 'the ministry' })).toEqual(['DIRECTORATE_EMAIL must be an email address']);
    expect(problems({ DIRECTORATE_PHONE: '22311150' })[0]).toContain('DIRECTORATE_PHONE must be a phone number');
  });
});

describe('TRUST_PROXY', () => {
  const dir = mkdtempSync(join(tmpdir(), 'df-config-'));
  const trust = (value?: string) => loadConfig({ DATA_DIR: dir, TRUST_PROXY: value }).trustProxy;

  it('trusts no forwarded header unless told, and takes a hop count or addresses and ranges', () => {
    expect(trust()).toBe(false);
    expect(trust('0')).toBe(false);
    expect(trust('false')).toBe(false);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.5, 172.16.0.0/12,loopback, ::1, fd00::/8')).toEqual([
      '10.0.0.5',
      '172.16.0.0/12',
      'loopback',
      '::1',
      'fd00::/8',
    ]);
  });

  it('refuses true, and says which entries it does not understand', () => {
    expect(() => trust('true')).toThrow(/TRUST_PROXY=true is not allowed/);
    expect(() => trust('10.0.0.0/33, proxy.internal, 10.0.0.1')).toThrow(/not understood: "10.0.0.0\/33", "proxy.internal"$/m);
    expect(() => trust('99')).toThrow(/between 0 and 10/);
  });
});
