import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Auth, CurrentUser, Public } from './auth.decorators';
import type { AuthUser } from './auth-user';
import { AuthService, SignedIn, type SignInClient } from './auth.service';
import { SetupDto, SignInDto } from './dto/sign-in.dto';
import { AuthUserDto, mapAuthUser, SetupStatusDto } from './dto/user.dto';
import { clearSessionCookie, readSessionToken, setSessionCookie } from './session-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('setup')
  @ApiOkResponse({ type: SetupStatusDto })
  async setupStatus(): Promise<SetupStatusDto> {
    return { needsSetup: await this.auth.needsSetup() };
  }

  @Public()
  @Post('setup')
  @ApiOkResponse({ type: AuthUserDto })
  @HttpCode(200)
  async setup(
    @Body() dto: SetupDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<AuthUserDto> {
    return this.startSession(res, await this.auth.setup(dto, client(req)));
  }

  @Public()
  @Post('sign-in')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthUserDto })
  async signIn(
    @Body() dto: SignInDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<AuthUserDto> {
    return this.startSession(res, await this.auth.signIn(dto.email, dto.password, client(req)));
  }

  @Public()
  @Post('sign-out')
  @HttpCode(204)
  async signOut(@Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply): Promise<void> {
    const token = readSessionToken(req);
    if (token) await this.auth.signOut(token);
    clearSessionCookie(res, this.config.secureCookies);
  }

  @Auth()
  @Get('me')
  @ApiOkResponse({ type: AuthUserDto })
  me(@CurrentUser() user: AuthUser): AuthUserDto {
    return mapAuthUser(user);
  }

  private startSession(res: FastifyReply, signedIn: SignedIn): AuthUserDto {
    setSessionCookie(res, signedIn.token, signedIn.expiresAt, this.config.secureCookies);
    return mapAuthUser(signedIn.user);
  }
}

/** The client's address is the socket's, or the one a trusted proxy reports (TRUST_PROXY). */
function client(req: FastifyRequest): SignInClient {
  return { address: req.ip, userAgent: req.headers['user-agent'] };
}
