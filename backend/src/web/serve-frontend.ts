import fastifyStatic from '@fastify/static';
import { NotFoundException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { errorReply } from '../common/http-error.filter';
import { frontendBuildDir } from '../paths';

/**
 * The SvelteKit build: its files as they are, and index.html for every other GET outside /api (the
 * app routes in the browser). An unknown /api path gets the API's JSON 404. The build's folder is
 * the root `send` works from, so a checkout under a dot directory serves like any other.
 */
export async function serveFrontend(app: NestFastifyApplication): Promise<void> {
  if (!existsSync(join(frontendBuildDir, 'index.html'))) return;
  await app.register(fastifyStatic, { root: frontendBuildDir, wildcard: false });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (req, reply) => {
      if (req.url === '/api' || req.url.startsWith('/api/')) {
        const body = errorReply(new NotFoundException(`Cannot GET ${req.url}`), req);
        return reply.status(body.statusCode).send(body);
      }
      return reply.sendFile('index.html');
    });
}
