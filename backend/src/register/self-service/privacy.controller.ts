import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../../auth/auth.decorators';
import type { AuthUser } from '../../auth/auth-user';
import { actorOf } from '../register.service';
import { MemberPrivacyService } from './member-privacy.service';

/** Organisers acting on a member's request (by phone, letter, in person): a copy of their data, or erasure. */
@ApiTags('members (privacy)')
@Auth('organiser')
@Controller('privacy/members')
export class PrivacyController {
  constructor(private readonly privacy: MemberPrivacyService) {}

  @Get(':id/export')
  @ApiOkResponse({ description: 'all data held about the member, as JSON' })
  async export(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<Record<string, unknown>> {
    return this.privacy.export(await this.privacy.byId(id), actorOf(user));
  }

  @Post(':id/erase')
  @HttpCode(204)
  @ApiNoContentResponse()
  async erase(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.privacy.erase(await this.privacy.byId(id), actorOf(user));
  }
}
