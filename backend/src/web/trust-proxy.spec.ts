import { afterEach, describe, expect, it } from '@jest/globals';
import type { TestApp } from '../test/test-app';
import { createTestApp } from '../test/test-app';

/** Three requests a minute per address on public routes; the fourth from one address is refused. */
async function answers(t: TestApp, forwardedFor: string[]): Promise<number[]> {
  const statuses: number[] = [];
  for (const address of forwardedFor) {
    statuses.push((await t.anon().get('/api/v1/auth/setup').set('X-Forwarded-For', address)).status);
  }
  return statuses;
}

const fourAddresses = ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4'];

describe('TRUST_PROXY', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('by default ignores X-Forwarded-For: a client cannot give itself a fresh rate-limit budget', async () => {
    t = await createTestApp({ PUBLIC_RATE_LIMIT_PER_MINUTE: '3' });
    expect(await answers(t, fourAddresses)).toEqual([200, 200, 200, 429]);
    // The one from a private range too (the old default trusted those).
    const again = await t.anon().get('/api/v1/auth/setup').set('X-Forwarded-For', '10.1.2.3').expect(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
  });

  it("honours the proxy's X-Forwarded-For when TRUST_PROXY names its address", async () => {
    t = await createTestApp({ PUBLIC_RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: 'loopback' });
    expect(await answers(t, fourAddresses)).toEqual([200, 200, 200, 200]);
    expect(await answers(t, ['198.51.100.9', '198.51.100.9', '198.51.100.9', '198.51.100.9'])).toEqual([200, 200, 200, 429]);
  });

  it('with a hop count, takes the address that many hops back, not what the client wrote before it', async () => {
    t = await createTestApp({ PUBLIC_RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: '1' });
    // One proxy appends the address it saw; what the client sent in front of it is not believed.
    expect(
      await answers(
        t,
        fourAddresses.map((spoofed) => `${spoofed}, 198.51.100.7`),
      ),
    ).toEqual([200, 200, 200, 429]);
  });
});
