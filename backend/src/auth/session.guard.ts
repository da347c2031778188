import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../common/domain-error';
import { ALLOWED_ROLES, IS_PUBLIC } from './auth.decorators';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import type { StaffRole } from './entities/user.entity';
import { readSessionToken } from './session-cookie';

/** Global guard: every route is closed unless marked @Public or opened to roles with @Auth. */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const req = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
    const token = readSessionToken(req);
    const user = token ? await this.auth.authenticate(token) : null;
    if (user === 'revoked') throw new DomainError('device_revoked', 'An organiser signed this device out');
    if (!user) throw DomainError.unauthenticated();

    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ALLOWED_ROLES, targets);
    if (!roles?.includes(user.role)) throw DomainError.forbidden();
    req.user = user;
    return true;
  }
}
