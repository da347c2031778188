import type { RunningApp } from './app';

type Call = (method: string, path: string, body?: unknown) => Promise<Record<string, string> & Record<string, unknown>>;

/** Signs in over HTTP and returns a small JSON client carrying the session cookie; it throws on any error status. */
export async function signedInFetch(app: RunningApp, credentials: { email: string; password: string }): Promise<Call> {
  const res = await fetch(`${app.url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  return async (method, path, body) => {
    const r = await fetch(`${app.url}${path}`, {
      method,
      headers: { cookie, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
    return text ? JSON.parse(text) : {};
  };
}
