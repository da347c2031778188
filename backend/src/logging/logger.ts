import type { LoggerService } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import pino from 'pino';

/**
 * The path segments a personal-link token follows, in the API (`/public/rsvp/:token`,
 * `/public/nominations/response/:token`) and in the pages (`/rsvp/[token]`, `/nomination/[token]`).
 * token-routes.spec.ts lists every token route of the router and the pages, and fails when one is missing here.
 */
const TOKEN_SEGMENTS = ['rsvp', 'me', 'confirm', 'response', 'nomination', 'links', 't'];
/** Shorter segments (`/me/link`) are words, not tokens: a token is 43 characters. */
const TOKEN_PATTERN = new RegExp(`/(${TOKEN_SEGMENTS.join('|')})/[^/?#]{16,}`, 'g');

/** Personal-link tokens travel in URLs; they are cut out before anything is written to a log. */
export function redactUrl(url: string): string {
  return url.replace(TOKEN_PATTERN, '/$1/[token]');
}

/** Query parameters that name a choice from a list, never something a person typed. */
const listParameters = new Set(['lang', 'sort', 'status', 'state', 'template', 'format', 'role', 'day', 'kind', 'statuses']);
const harmlessValue = /^(\d{1,6}|\d{4}-\d{2}-\d{2}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|true|false)$/i;

/**
 * Query strings carry what people type into search boxes (a member's name, email or phone): the
 * log keeps which parameters were given, and only the values that cannot be personal (ids,
 * numbers, dates, choices from a list such as `?lang=st`).
 */
export function withoutQueryValues(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const params = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const [key, value = ''] = pair.split('=');
      const name = key.replace(/\[\]$/, '');
      return value === '' || harmlessValue.test(value) || (listParameters.has(name) && /^[a-z_,-]{1,40}$/i.test(value))
        ? pair
        : `${key}=[redacted]`;
    });
  return `${url.slice(0, at)}?${params.join('&')}`;
}

/** JSON lines for log collectors; readable lines when a person watches a terminal. */
export function createLogger(level: string): Logger {
  const options = {
    level,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.token'],
      censor: '[redacted]',
    },
  };
  if (process.stdout.isTTY) {
    return pino({
      ...options,
      transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss' } },
    });
  }
  // Asynchronous writes: a synchronous write per request cost more than a check-in's database work.
  // pino flushes what is pending when the process exits.
  return pino(options, pino.destination({ dest: 1, sync: false }));
}

/** The id of a request: the caller's X-Request-Id (64 characters at most), else a new UUID. */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return (typeof given === 'string' && given.slice(0, 64)) || randomUUID();
}

/**
 * One log line per answered request, at a level that follows its status. The URL goes through
 * redactUrl first: personal-link tokens travel in paths. The health check is not logged.
 */
export function logRequests(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (req, reply, done) => {
    if (req.url !== '/api/health') {
      const status = reply.statusCode;
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      req.log[level](
        {
          req: { id: req.id, method: req.method, url: redactUrl(withoutQueryValues(req.url)) },
          res: { statusCode: status },
          responseTime: Math.round(reply.elapsedTime * 10) / 10,
        },
        'request completed',
      );
    }
    done();
  });
}

const startupChatter = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

/** Nest's own log lines go to the same pino logger, so there is one structured stream. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    // Nest announces every module and route at start-up; that is detail, not news.
    this.write(context && startupChatter.has(context) ? 'debug' : 'info', message, context);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest.at(-1) as string | undefined);
  }
  warn(message: unknown, context?: string) {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string) {
    this.write('trace', message, context);
  }
  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace', message: unknown, context?: string) {
    if (typeof message === 'object' && message !== null) this.logger[level]({ context, ...message });
    else this.logger[level]({ context }, String(message));
  }
}
