import { messageStates as states, type MessageState as State } from '@diaspora-forum/lists';
import { api, unwrap } from '$lib/api/client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
  const raw = url.searchParams.get('state');
  const state = states.includes(raw as State) ? (raw as State) : undefined;
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
  const [status, messages, templates] = await Promise.all([
    unwrap(api.GET('/api/v1/mail/status', { fetch })),
    unwrap(api.GET('/api/v1/mail/messages', { fetch, params: { query: { state, page, pageSize: 50 } } })),
    unwrap(api.GET('/api/v1/mail/templates', { fetch })),
  ]);
  return { status, messages, templates, state, page, states };
};
