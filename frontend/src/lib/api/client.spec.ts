import { describe, expect, it } from 'vitest';
import { ApiError, unwrap } from './client';

describe(unwrap.name, () => {
  it('returns the data of a successful call', async () => {
    expect(await unwrap(Promise.resolve({ data: { id: 1 }, response: new Response(null, { status: 200 }) }))).toEqual({ id: 1 });
  });

  it('throws an ApiError with the field messages of a refused call', async () => {
    const body = {
      statusCode: 400,
      error: 'validation',
      message: 'Some fields are not valid',
      fields: { email: ['enter a valid email address'] },
    };
    const failed = unwrap(Promise.resolve({ error: body, response: new Response(null, { status: 400 }) }));
    await expect(failed).rejects.toBeInstanceOf(ApiError);
    await expect(failed).rejects.toMatchObject({ status: 400, fields: { email: ['enter a valid email address'] } });
  });
});
