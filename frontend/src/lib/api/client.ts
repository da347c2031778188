import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type Forum = Schemas['ForumDto'];
export type StaffUser = Schemas['UserDto'];
export type AuthUser = Schemas['AuthUserDto'];
export type StaffRole = AuthUser['role'];

/** The typed API client; paths and bodies come from the backend's OpenAPI document. */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

/**
 * The one error shape the backend sends (ErrorBodyDto); the correlation id is missing when the answer
 * came from something in front of the API (a proxy, a dropped connection).
 */
export type ApiErrorBody = Omit<Schemas['ErrorBodyDto'], 'correlationId'> &
  Partial<Pick<Schemas['ErrorBodyDto'], 'correlationId'>>;

export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }
  get fields(): Record<string, string[]> {
    return this.body.fields ?? {};
  }
}

/** Unwraps an openapi-fetch result: the data, or an ApiError carrying the backend's message and field errors. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const body = (error ?? {}) as Partial<ApiErrorBody>;
  throw new ApiError(response.status, {
    statusCode: response.status,
    error: body.error ?? 'error',
    message: body.message ?? response.statusText,
    fields: body.fields,
    expiredLink: body.expiredLink,
    correlationId: body.correlationId,
  });
}

/** What a personal link whose time is over answers (410): the member's language and how to reach the directorate. */
export type ExpiredLink = Schemas['ExpiredLinkDto'];

export function expiredLinkOf(error: unknown): ExpiredLink | null {
  return error instanceof ApiError && error.status === 410 ? (error.body.expiredLink ?? null) : null;
}
