import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { LinkLifetime } from '../../common/link-lifetime';
import { hashToken } from '../../common/tokens';
import { MemberRepository } from '../member.repository';
import type { Member } from '../register.service';
import { MemberTokenRepository } from './member-token.repository';
import { INVALID_LINK } from './self-registration.service';

export const MANAGE_LINK_EXPIRED = 'This link to your details has expired. Ask for a new one: it comes by email.';

/**
 * The member behind a "my details" link. Such a link belongs to no forum, so it lives a fixed
 * time from when it was sent (a year for the welcome email's, 30 days for one asked for; see
 * SelfRegistrationService): after that it answers 410 in the member's language. Unknown links
 * and those of erased or merged members get the same 404.
 */
@Injectable()
export class ManageLinksService {
  constructor(
    private readonly tokens: MemberTokenRepository,
    private readonly members: MemberRepository,
    private readonly clock: Clock,
    private readonly lifetime: LinkLifetime,
  ) {}

  async member(rawToken: string): Promise<Member> {
    const token = await this.tokens.findByHash(hashToken(rawToken), 'manage');
    const member = token && (await this.members.findById(token.memberId));
    if (!token || !member || member.status === 'erased' || member.status === 'merged')
      throw new DomainError('not_found', INVALID_LINK);
    if (token.expiresAt <= this.clock.now()) throw this.lifetime.expired(member.preferredLanguage, MANAGE_LINK_EXPIRED);
    return member;
  }
}
