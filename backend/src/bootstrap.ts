import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OpenAPIObject } from '@nestjs/swagger';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { AppModule } from './app.module';
import { CheckInLane } from './checkin/check-in-lane';
import { API_PREFIX } from './common/api-prefix';
import { validationPipe } from './common/validation';
import type { AppConfig } from './config/app-config';
import { createLogger, httpLogger, PinoNestLogger } from './logging/logger';

/** Builds the whole app exactly as production runs it; main.ts, the CLIs and the tests share it. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const logger = createLogger(config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new PinoNestLogger(logger),
    bufferLogs: false,
    abortOnError: false,
  });
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.disable('x-powered-by');
  // The SvelteKit build carries its own hash-based CSP in a <meta> tag; a header CSP here would
  // block its inline bootstrap script, so helmet sets every other header.
  // Middleware for every answer. CheckInLane, which answers single check-ins in front of Express,
  // runs these same ones: add app-wide middleware here, not with app.use elsewhere.
  const appWide = [helmet({ contentSecurityPolicy: false }), httpLogger(logger)];
  for (const middleware of appWide) app.use(middleware);
  app.setGlobalPrefix(API_PREFIX, { exclude: ['api/health'] });
  app.useGlobalPipes(validationPipe);
  app.enableShutdownHooks();
  app.get(CheckInLane).install(app.getHttpServer(), app.getHttpAdapter().getInstance(), appWide);
  SwaggerModule.setup('api/docs', app, () => buildOpenApi(app), { jsonDocumentUrl: 'api/docs/openapi.json' });
  return app;
}

export function buildOpenApi(app: NestExpressApplication): OpenAPIObject {
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
