import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../common/domain-error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { IS_PUBLIC } from './auth.decorators';

/**
 * Slows anonymous callers: every public route draws from one budget per client address.
 * Staff routes are behind a session already. (In memory: one process's count; a Redis store
 * from the same library would share it between several app processes.)
 */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  private readonly limiter: RateLimiterMemory;

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limiter = new RateLimiterMemory({ points: config.publicRateLimitPerMinute, duration: 60 });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const http = context.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    try {
      await this.limiter.consume(req.ip);
      return true;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      void http.getResponse<FastifyReply>().header('Retry-After', String(Math.ceil(error.msBeforeNext / 1000)));
      throw new DomainError('rate_limited', 'Too many requests; try again in a minute');
    }
  }
}
