import { parse } from 'cookie';
import type { IncomingMessage } from 'node:http';
import type { CookieOptions, Response } from 'express';

export const SESSION_COOKIE = 'df_session';

/** The session token from the request's Cookie header (the only cookie the API reads). */
export function readSessionToken(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie;
  const value = header?.includes(SESSION_COOKIE) ? parse(header)[SESSION_COOKIE] : undefined;
  return value ? value : undefined;
}

function options(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/' };
}

export function setSessionCookie(res: Response, token: string, expires: Date, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, { ...options(secure), expires });
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, options(secure));
}
