import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import getRawBody from 'raw-body';
import { ALLOWED_ROLES } from '../auth/auth.decorators';
import { AuthService } from '../auth/auth.service';
import type { StaffRole } from '../auth/auth-user';
import { readSessionToken } from '../auth/session-cookie';
import { errorReply } from '../common/http-error.filter';
import { toCheckInResults } from './check-in-results';
import { CheckInService } from './check-in.service';
import { DoorController } from './door.controller';
import { checkInsForum, singleCheckIn } from './single-check-in';

/** A connect-style middleware the whole app uses (security headers, the request log). */
export type AppMiddleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** A single check-in is about 250 bytes; a larger body is a batch, which Nest takes. */
const MAX_BODY = 16 * 1024;

/**
 * The door's hot path, in front of the framework. A door phone sends each scan as it happens: one
 * check-in per request, thousands a minute at opening time. Express's router and body parsers and
 * Nest's guard, pipe and controller cost several times the check-in itself, so such a request — a
 * JSON body of one check-in that keeps every rule of CheckInBatchDto, from a session that may use
 * the door — is answered here, by the same CheckInService, with the same security headers, request
 * log and error shape as the rest of the API. Every other request goes to the app untouched; one
 * whose body was read here but is not such a check-in (a batch, a broken rule, no session) goes on
 * with that body, and DoorController validates and answers it in full.
 */
@Injectable()
export class CheckInLane {
  private readonly roles: StaffRole[];

  constructor(
    private readonly auth: AuthService,
    private readonly checkIns: CheckInService,
    reflector: Reflector,
  ) {
    this.roles = reflector.get<StaffRole[]>(ALLOWED_ROLES, DoorController);
  }

  /** Puts the lane between the HTTP server and the app; `appWide` run first on what the lane answers. */
  install(server: Server, app: RequestListener, appWide: AppMiddleware[]): void {
    if (!server.listeners('request').includes(app)) throw new Error('CheckInLane: the server does not call the app directly');
    server.removeListener('request', app);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const forumId = takenForum(req);
      if (!forumId) return void app(req, res);
      this.serve(req, res, forumId, app, appWide).catch((error: unknown) => {
        const reply = errorReply(error, req);
        if (res.headersSent) res.destroy();
        else sendJson(res, reply.statusCode, reply);
      });
    });
  }

  private async serve(
    req: IncomingMessage & { body?: unknown },
    res: ServerResponse,
    forumId: string,
    app: RequestListener,
    appWide: AppMiddleware[],
  ) {
    try {
      req.body = JSON.parse(await getRawBody(req, { length: req.headers['content-length'], limit: MAX_BODY, encoding: 'utf-8' }));
    } catch (error) {
      return this.answer(req, res, appWide, () => Promise.reject(asHttpError(error)));
    }
    const one = singleCheckIn(req.body);
    const token = one ? readSessionToken(req) : undefined;
    const user = token ? await this.auth.authenticate(token).catch(() => null) : null;
    // The body has been read: Express's body parsers see a finished request and keep req.body.
    if (!one || !user || !this.roles.includes(user.role)) return app(req, res);
    await this.answer(req, res, appWide, async () =>
      toCheckInResults(await this.checkIns.record(user, forumId, [one.checkIn], one.sentAt)),
    );
  }

  private async answer(req: IncomingMessage, res: ServerResponse, appWide: AppMiddleware[], work: () => Promise<unknown>) {
    let status = HttpStatus.OK;
    let body: unknown;
    try {
      for (const middleware of appWide) {
        await new Promise<void>((resolve, reject) => middleware(req, res, (error) => (error ? reject(error) : resolve())));
      }
      body = await work();
    } catch (error) {
      const reply = errorReply(error, req);
      [status, body] = [reply.statusCode, reply];
    }
    sendJson(res, status, body);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

/** The forum of a POST of a small JSON body to a forum's check-ins: the requests the lane reads. */
function takenForum(req: IncomingMessage): string | null {
  const length = Number(req.headers['content-length']);
  const small = length > 0 && length <= MAX_BODY;
  const json = /^application\/json\b/i.test(req.headers['content-type'] ?? '');
  return req.method === 'POST' && small && json ? checkInsForum(req.url ?? '') : null;
}

/** A body that could not be read or parsed, as the app's body parser reports it. */
function asHttpError(error: unknown): HttpException {
  const { message, status } = error as { message?: string; status?: number };
  return new HttpException(message ?? 'Bad request', status && status >= 400 && status < 500 ? status : HttpStatus.BAD_REQUEST);
}
