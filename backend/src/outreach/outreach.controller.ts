import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { CreateOutreachDto, MemberOutreachDto, OutreachAttemptDto } from './dto/outreach.dto';
import { mapOutreachAttempt, mapOutreachContact } from './outreach.mapper';
import { OutreachService } from './outreach.service';

@ApiTags('outreach')
@Auth('organiser', 'registrar')
@Controller('members/:memberId/outreach')
export class OutreachController {
  constructor(private readonly outreach: OutreachService) {}

  @Get()
  @ApiOkResponse({ type: MemberOutreachDto })
  async list(@CurrentUser() user: AuthUser, @Param('memberId', ParseUUIDPipe) memberId: string): Promise<MemberOutreachDto> {
    const { member, attempts } = await this.outreach.forMember(user, memberId);
    return { member: mapOutreachContact(member), attempts: attempts.map(mapOutreachAttempt) };
  }

  @Post()
  @ApiCreatedResponse({ type: OutreachAttemptDto })
  async add(
    @CurrentUser() user: AuthUser,
    @Param('memberId', ParseUUIDPipe) memberId: string,
    @Body() dto: CreateOutreachDto,
  ): Promise<OutreachAttemptDto> {
    return mapOutreachAttempt(await this.outreach.add(user, memberId, dto));
  }
}
