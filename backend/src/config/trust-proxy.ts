import { isIP } from 'node:net';

/**
 * Which proxies may tell the app a client's address through X-Forwarded-For: none (the default, so
 * a client cannot pick its own address and escape the rate limits), the first n hops, or the proxies
 * at these addresses.
 */
export type TrustProxy = false | number | string[];

/** proxy-addr's names for address ranges, accepted in the list as Fastify accepts them. */
const RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** Reads TRUST_PROXY; a string is the problem to report. */
export function parseTrustProxy(value: string | undefined): TrustProxy | string {
  const text = value?.trim().toLowerCase() ?? '';
  if (text === '' || text === 'false' || text === 'none' || text === '0') return false;
  if (text === 'true') {
    return 'TRUST_PROXY=true is not allowed: trusting every hop lets any client choose its address. Give the number of proxies in front of the app (e.g. 1) or their addresses (e.g. 10.0.0.5, 172.16.0.0/12, loopback)';
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 10 ? hops : 'TRUST_PROXY as a hop count must be between 0 and 10';
  }
  const entries = text.split(',').map((entry) => entry.trim());
  const wrong = entries.filter((entry) => !isAddressOrRange(entry));
  if (wrong.length) {
    return `TRUST_PROXY must be a hop count or a comma-separated list of addresses, CIDR ranges or ${RANGE_NAMES.join('/')}; not understood: ${wrong.map((w) => JSON.stringify(w)).join(', ')}`;
  }
  return entries;
}

/**
 * As Fastify's trustProxy: a hop count becomes "the first n hops", which Fastify no longer takes as a
 * number (it cannot check who the nearest peer is: safe only when nothing reaches the app but the proxies).
 */
export function fastifyTrustProxy(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

function isAddressOrRange(entry: string): boolean {
  if (RANGE_NAMES.includes(entry)) return true;
  const [address, prefix, extra] = entry.split('/');
  const version = isIP(address);
  if (!version || extra !== undefined) return false;
  if (prefix === undefined) return true;
  if (!/^\d+$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}
