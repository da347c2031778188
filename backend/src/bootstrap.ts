import 'reflect-metadata';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import { HttpException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type FastifyError, type FastifyReply, type FastifyRequest, LogController, type RawServerDefault } from 'fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { constants as zlib } from 'node:zlib';
import { AppModule } from './app.module';
import { errorReply } from './common/http-error.filter';
import { parseJsonBody } from './common/json-body';
import { validationPipe } from './common/validation';
import { WellFormedTextPipe } from './common/well-formed-text.pipe';
import type { AppConfig } from './config/app-config';
import { fastifyTrustProxy } from './config/trust-proxy';
import { createLogger, logRequests, PinoNestLogger, requestId } from './logging/logger';
import { sendSecurityHeaders } from './web/security-headers';
import { serveFrontend } from './web/serve-frontend';

/** A door phone's offline queue (500 check-ins) is the largest JSON body the API takes. */
const BODY_LIMIT = 1024 * 1024;

/** Builds the whole app exactly as production runs it; main.ts, the CLIs and the tests share it. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const logger = createLogger(config.logLevel);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // One line per answered request, written by logRequests (Fastify's own logging writes two).
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: false,
    genReqId: requestId,
    // Nobody's X-Forwarded-For unless TRUST_PROXY names the proxies: else a client picks its own address.
    trustProxy: fastifyTrustProxy(config.trustProxy),
    bodyLimit: BODY_LIMIT,
    // Errors Fastify meets before a route runs (a path that is not valid percent-encoded UTF-8, a
    // path parameter over the length limit) are answered in the API's one error shape too.
    frameworkErrors: (error: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
      const body = errorReply(new HttpException(error.message, error.statusCode ?? 400), req);
      void reply.status(body.statusCode).send(body);
    },
    clientErrorHandler: answerClientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(logger),
    bufferLogs: false,
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  logRequests(fastify);
  acceptEmptyJson(app, BODY_LIMIT);
  await sendSecurityHeaders(app);
  // A state change (POST, PUT, PATCH, DELETE) from a browser must come from our own pages: Sec-Fetch-Site,
  // else Origin against the Host or PUBLIC_URL (README, "Security"). Runs before the body is parsed.
  app.enableCsrfProtection({ trustedOrigins: [new URL(config.publicUrl).origin] });
  // Cookies are set through reply.setCookie; the one the API reads is parsed where it is needed.
  await app.register(cookie, { hook: false });
  // Brotli when the client accepts it, else gzip; answers under 1 KB (a door scan's) go as they are.
  await app.register(compress, { threshold: 1024, brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 6 } } });
  await serveFrontend(app);
  app.setGlobalPrefix('api/v1', { exclude: ['api/health'] });
  app.useGlobalPipes(new WellFormedTextPipe(), validationPipe);
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, () => buildOpenApi(app), { jsonDocumentUrl: 'api/docs/openapi.json' });
  return app;
}

/**
 * JSON bodies: a POST that says it sends JSON but sends nothing (a button's action with no body) has
 * no body, as it had on Express, instead of Fastify's 400. Anything else goes through parseJsonBody:
 * a depth limit (a deeply nested body overflowed class-transformer's stack) and prototype-key checks.
 * The size limit holds before any of it is read.
 */
function acceptEmptyJson(app: NestFastifyApplication, bodyLimit: number): void {
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit }, (_req, body, done) => {
    if (body.length === 0) return done(null, undefined);
    try {
      done(null, parseJsonBody(body.toString('utf8')));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

/**
 * What Node's HTTP parser refuses before Fastify sees a request (headers or URL over 16 KB, a
 * malformed request line) is answered in the one error shape as well, then the socket is closed.
 */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const message = status === 431 ? 'The request headers (or its URL) are too large' : 'The request is not valid HTTP';
  const body = JSON.stringify(errorReply(new HttpException(message, status), { id: randomUUID() }));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

/** Starts the app as the tests and the CLIs use it: routes registered, no port opened. */
export async function readyApp(app: NestFastifyApplication): Promise<void> {
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
}

export function buildOpenApi(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Diaspora Forum API')
    .setDescription('Register, forums, invitations, badges and check-in.')
    .setVersion('1')
    .addCookieAuth('df_session')
    .build();
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
}
