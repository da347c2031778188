import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { ForumsService } from '../forums/forums.service';
import { southAfricanProvinces } from '../register/register.constants';
import { RegisterService } from '../register/register.service';
import { createTestApp, type TestApp } from '../test/test-app';
import { seedDemo } from './seed-demo';
import { syntheticMembers } from './synthetic-register';

describe(seedDemo.name, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('fills an empty register with members spread over SA provinces and other countries, and a demo forum', async () => {
    const result = await seedDemo(t.app.get(RegisterService), t.app.get(ForumsService), { members: 700 });
    expect(result).toEqual({ members: 700, forum: 'Basotho Diaspora Forum (demo)', skipped: false });
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM members');
    expect(Number(n)).toBe(700);
    const countries: { countryCode: string }[] = await t.dataSource.query('SELECT DISTINCT countryCode FROM members');
    expect(countries.length).toBeGreaterThanOrEqual(10);
    const provinces: { region: string }[] = await t.dataSource.query(
      "SELECT DISTINCT region FROM members WHERE countryCode = 'ZA'",
    );
    expect(provinces.map((p) => p.region).sort()).toEqual([...southAfricanProvinces].sort());
    const [{ s }] = await t.dataSource.query('SELECT COUNT(*) AS s FROM member_sectors');
    expect(Number(s)).toBeGreaterThanOrEqual(700);
  });

  it('does not add a second register on top of the first', async () => {
    const result = await seedDemo(t.app.get(RegisterService), t.app.get(ForumsService), { members: 10 });
    expect(result.skipped).toBe(true);
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM members');
    expect(Number(n)).toBe(700);
  });
});

describe(syntheticMembers.name, () => {
  const members = [...syntheticMembers(2000, 7)];

  it('gives valid E.164 phone numbers for the member’s country, and reserved example emails', () => {
    for (const m of members) {
      if (m.phone)
        expect({
          phone: m.phone,
          valid: isValidPhoneNumber(m.phone, m.countryCode as never) || isValidPhoneNumber(m.phone),
        }).toEqual({ phone: m.phone, valid: true });
      if (m.email) expect(m.email).toMatch(/^[a-z]+\.[a-z]+\d+@example\.(org|com|net)$/);
    }
  });

  it('is the same for the same seed, and different for another', () => {
    expect([...syntheticMembers(50, 7)]).toEqual(members.slice(0, 50));
    expect([...syntheticMembers(50, 8)]).not.toEqual(members.slice(0, 50));
  });
});
