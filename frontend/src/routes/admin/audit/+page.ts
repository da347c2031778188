import { auditActions, auditAreas, type AuditAction, type AuditArea } from '@diaspora-forum/lists';
import { api, unwrap } from '$lib/api/client';
import type { PageLoad } from './$types';

const PAGE_SIZE = 50;
const day = /^\d{4}-\d{2}-\d{2}$/;

/** The filter lives in the address, so a filtered view can be shared, reloaded and exported as it is. */
export const load: PageLoad = async ({ fetch, url }) => {
  const q = url.searchParams;
  const action = auditActions.includes(q.get('action') as AuditAction) ? (q.get('action') as AuditAction) : undefined;
  const area = auditAreas.includes(q.get('area') as AuditArea) ? (q.get('area') as AuditArea) : undefined;
  const filter = {
    ...(action ? { action: [action] } : {}),
    ...(area && !action ? { area } : {}),
    ...(q.get('actorId') ? { actorId: q.get('actorId')! } : {}),
    ...(q.get('targetId') ? { targetId: q.get('targetId')! } : {}),
    ...(day.test(q.get('from') ?? '') ? { from: q.get('from')! } : {}),
    ...(day.test(q.get('to') ?? '') ? { to: q.get('to')! } : {}),
  };
  const page = Math.max(1, Number(q.get('page')) || 1);
  const [entries, users] = await Promise.all([
    unwrap(api.GET('/api/v1/audit', { fetch, params: { query: { ...filter, page, pageSize: PAGE_SIZE } } })),
    unwrap(api.GET('/api/v1/users', { fetch })),
  ]);
  const exportQuery = new URLSearchParams(
    Object.entries(filter).flatMap(([key, value]) => (Array.isArray(value) ? value.map((v) => [key, v]) : [[key, value]])),
  ).toString();
  return { entries, users, filter: { action, area, ...filter }, page, pageSize: PAGE_SIZE, exportQuery };
};
