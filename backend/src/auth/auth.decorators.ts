import type { ExecutionContext } from '@nestjs/common';
import { applyDecorators, createParamDecorator, SetMetadata } from '@nestjs/common';
import { ApiCookieAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { AuthUser } from './auth-user';
import type { StaffRole } from './entities/user.entity';
import { staffRoles } from './entities/user.entity';

export const IS_PUBLIC = 'df:isPublic';
export const ALLOWED_ROLES = 'df:allowedRoles';

/** Opens a route to anyone, signed in or not. Public routes are rate limited. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * Opens a route to signed-in staff of the given roles (all staff roles when none are given).
 * A route with neither @Public nor @Auth is refused to everyone: deny by default.
 */
export const Auth = (...roles: StaffRole[]) =>
  applyDecorators(
    SetMetadata(ALLOWED_ROLES, roles.length ? roles : [...staffRoles]),
    ApiCookieAuth(),
    ApiUnauthorizedResponse({ description: 'Not signed in' }),
    ApiForbiddenResponse({ description: `Allowed to: ${(roles.length ? roles : staffRoles).join(', ')}` }),
  );

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  const user = ctx.switchToHttp().getRequest<{ user?: AuthUser }>().user;
  if (!user) throw new Error('CurrentUser used on a route without @Auth');
  return user;
});
