import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { RenderedMailDto } from '../mail/dto/mail.dto';
import { CampaignsService } from './campaigns.service';
import {
  AudienceDto,
  CampaignDto,
  CountDto,
  CreateCampaignDto,
  InviteePageDto,
  InviteesQuery,
  mapCampaign,
  mapInvitee,
  PreviewLocaleQuery,
  ProgressDto,
  SendCampaignDto,
} from './dto/campaign.dto';

@ApiTags('invitations')
@Auth('organiser')
@Controller()
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get('forums/:forumId/campaigns')
  @ApiOkResponse({ type: [CampaignDto] })
  async list(@Param('forumId', ParseUUIDPipe) forumId: string): Promise<CampaignDto[]> {
    return (await this.campaigns.list(forumId)).map(mapCampaign);
  }

  @Post('forums/:forumId/campaigns')
  @ApiCreatedResponse({ type: CampaignDto })
  async create(
    @CurrentUser() user: AuthUser,
    @Param('forumId', ParseUUIDPipe) forumId: string,
    @Body() dto: CreateCampaignDto,
  ): Promise<CampaignDto> {
    return mapCampaign(await this.campaigns.create(user, forumId, dto));
  }

  @Get('campaigns/:id')
  @ApiOkResponse({ type: ProgressDto })
  async progress(@Param('id', ParseUUIDPipe) id: string): Promise<ProgressDto> {
    const { campaign, delivery, responses } = await this.campaigns.progress(id);
    return { campaign: mapCampaign(campaign), delivery, responses };
  }

  @Get('campaigns/:id/audience')
  @ApiOkResponse({ type: AudienceDto })
  audience(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<AudienceDto> {
    return this.campaigns.audience(user, id);
  }

  @Get('campaigns/:id/preview')
  @ApiOkResponse({ type: RenderedMailDto })
  preview(@Param('id', ParseUUIDPipe) id: string, @Query() query: PreviewLocaleQuery): Promise<RenderedMailDto> {
    return this.campaigns.preview(id, query.locale ?? 'en');
  }

  @Post('campaigns/:id/send')
  @HttpCode(200)
  @ApiOkResponse({ type: CampaignDto })
  async send(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SendCampaignDto,
  ): Promise<CampaignDto> {
    return mapCampaign(await this.campaigns.send(user, id, dto.scheduledAt ? new Date(dto.scheduledAt) : null));
  }

  @Post('campaigns/:id/cancel')
  @HttpCode(200)
  @ApiOkResponse({
    type: CampaignDto,
    description: 'a campaign scheduled for later, before its time: its invitations and emails are withdrawn',
  })
  async cancel(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<CampaignDto> {
    return mapCampaign(await this.campaigns.cancel(user, id));
  }

  @Get('campaigns/:id/invitees')
  @ApiOkResponse({ type: InviteePageDto })
  async invitees(@Param('id', ParseUUIDPipe) id: string, @Query() query: InviteesQuery): Promise<InviteePageDto> {
    const { items, total } = await this.campaigns.invitees(id, query.state, query.page ?? 1, query.pageSize ?? 50);
    return { items: items.map(mapInvitee), total };
  }

  @Post('campaigns/:id/remind')
  @HttpCode(200)
  @ApiOkResponse({ type: CountDto, description: 'how many reminders were queued' })
  async remind(@Param('id', ParseUUIDPipe) id: string): Promise<CountDto> {
    return { count: await this.campaigns.remind(id) };
  }
}
