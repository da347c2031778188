import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { hashToken, newToken } from '../common/tokens';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AuthUser, toAuthUser } from './auth-user';
import { PasswordHasher } from './password-hasher';
import { SessionRepository } from './session.repository';
import { SignInThrottle } from './sign-in-throttle';
import { UserRepository } from './user.repository';
import { UsersService } from './users.service';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { underDatabaseLock } from '../database/database-lock';

const SESSION_LIFETIME_MS = 14 * 24 * 3600 * 1000;
/** Sliding expiry is written at most this often, so a busy door phone does not write on every scan. */
const TOUCH_INTERVAL_MS = 60 * 1000;

/** Who is signing in, as the request shows it: the client address counts failures (sign-in-throttle.ts). */
export interface SignInClient {
  address: string;
  userAgent?: string;
}

export interface SignedIn {
  user: AuthUser;
  token: string;
  expiresAt: Date;
}

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly usersService: UsersService,
    private readonly clock: Clock,
    private readonly throttle: SignInThrottle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * ADMIN_EMAIL/ADMIN_PASSWORD create the first organiser on a fresh install, and nothing after
   * that; app processes starting together take turns, so one creates it and the others see it.
   */
  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.admin;
    if (!admin) return;
    const created = await this.firstOrganiser(() =>
      this.usersService.create({ email: admin.email, name: 'Organiser', password: admin.password, role: 'organiser' }),
    );
    if (created) this.logger.log(`Created the first organiser account for ${admin.email}`);
  }

  /** Runs `create` only while the installation has no staff account, one process and request at a time; whether it ran. */
  private firstOrganiser(create: () => Promise<unknown>): Promise<boolean> {
    return underDatabaseLock(this.dataSource, 'first-organiser', async () => {
      if (!(await this.needsSetup())) return false;
      await create();
      return true;
    });
  }

  async needsSetup(): Promise<boolean> {
    return (await this.users.count()) === 0;
  }

  /** First-run setup: the first person to open a fresh install creates the first organiser. */
  async setup(input: { email: string; name: string; password: string }, client: SignInClient): Promise<SignedIn> {
    const created = await this.firstOrganiser(() => this.usersService.create({ ...input, role: 'organiser' }));
    if (!created) throw DomainError.conflict('This installation already has staff accounts; sign in instead');
    return this.signIn(input.email, input.password, client);
  }

  async signIn(email: string, password: string, client: SignInClient): Promise<SignedIn> {
    const normalised = email.trim().toLowerCase();
    const attempt = await this.throttle.begin(normalised, client.address);
    const user = await this.users.findByEmail(normalised);
    const ok =
      user && user.active
        ? await this.hasher.verify(user.passwordHash, password)
        : await this.hasher.verifyAgainstNothing(password);
    if (!user || !ok) {
      await this.throttle.failed(attempt, user, !user ? 'unknown_account' : user.active ? 'wrong_password' : 'account_disabled');
      throw DomainError.unauthenticated('Email or password is not right');
    }
    const userAgent = client.userAgent;

    const now = this.clock.now();
    const token = newToken();
    const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    await this.sessions.create({
      tokenHash: hashToken(token),
      userId: user.id,
      userAgent: userAgent?.slice(0, 255) ?? null,
      lastSeenAt: now,
      expiresAt,
    });
    await this.users.touchSignIn(user.id, now);
    await this.throttle.succeeded(attempt, toAuthUser(user));
    return { user: toAuthUser(user), token, expiresAt };
  }

  /**
   * The user behind a session cookie (with the device's id), or null when it is unknown, expired or
   * the account is disabled; 'revoked' when an organiser signed this device out.
   */
  async authenticate(token: string): Promise<AuthUser | null | 'revoked'> {
    const tokenHash = hashToken(token);
    const now = this.clock.now();
    const session = await this.sessions.findWithUser(tokenHash, now);
    if (!session || session.expiresAt <= now || !session.active) return null;
    if (session.revoked) return 'revoked';
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.sessions.touch(tokenHash, now, new Date(now.getTime() + SESSION_LIFETIME_MS));
    }
    return session.user;
  }

  async signOut(token: string): Promise<void> {
    await this.sessions.delete(hashToken(token));
  }
}
