import type { CookieSerializeOptions } from '@fastify/cookie';
import { parse } from 'cookie';
import type { FastifyReply } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';

export const SESSION_COOKIE = 'df_session';

/** The session token from the request's Cookie header (the only cookie the API reads). */
export function readSessionToken(req: { headers: IncomingHttpHeaders }): string | undefined {
  const header = req.headers.cookie;
  const value = header?.includes(SESSION_COOKIE) ? parse(header)[SESSION_COOKIE] : undefined;
  return value ? value : undefined;
}

function options(secure: boolean): CookieSerializeOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/' };
}

export function setSessionCookie(res: FastifyReply, token: string, expires: Date, secure: boolean): void {
  void res.setCookie(SESSION_COOKIE, token, { ...options(secure), expires });
}

export function clearSessionCookie(res: FastifyReply, secure: boolean): void {
  void res.clearCookie(SESSION_COOKIE, options(secure));
}
