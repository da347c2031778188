import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '../../backend/src/test/eventually';
import { type RunningApp, startApp } from '../support/app';

describe('the running app over HTTP', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app?.stop());

  it('reports health with the database checked', async () => {
    const res = await fetch(`${app.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('serves the console for deep links, with a content security policy and no framing', async () => {
    const res = await fetch(`${app.url}/admin/forums/some-id`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<meta http-equiv="content-security-policy"');
    expect(html).toContain("script-src 'self'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    // The same policy as a header (a deep link gets it too), where frame-ancestors takes effect.
    const header = res.headers.get('content-security-policy')!;
    expect(header).toContain(/http-equiv="content-security-policy" content="([^"]*)"/.exec(html)![1].replaceAll('&#39;', "'"));
    expect(header).toMatch(/; frame-ancestors 'none'$/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('answers unknown API paths with the JSON error shape, never the console page', async () => {
    const res = await fetch(`${app.url}/api/v1/nothing-here`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ statusCode: 404, error: 'not_found' });
  });

  it('publishes the OpenAPI document and its explorer', async () => {
    const doc = await (await fetch(`${app.url}/api/docs/openapi.json`)).json();
    expect(doc.info.title).toBe('Diaspora Forum API');
    const explorer = await fetch(`${app.url}/api/docs`);
    expect(explorer.status).toBe(200);
    expect(await explorer.text()).toContain('swagger');
  });

  it('logs requests as structured JSON without the session cookie', async () => {
    const res = await fetch(`${app.url}/api/v1/forums`, { headers: { cookie: 'df_session=secret-value-not-for-logs' } });
    expect(res.status).toBe(401);
    // The log line is written after the response is sent: wait for it, not for a fixed time.
    const line = await eventually(
      () =>
        app
          .output()
          .split('\n')
          .find((l) => l.includes('/api/v1/forums')),
      'the request to be logged',
    );
    expect(JSON.parse(line)).toMatchObject({ req: { method: 'GET', url: '/api/v1/forums' }, res: { statusCode: 401 } });
    expect(app.output()).not.toContain('secret-value-not-for-logs');
  });
});
