import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { NomineeConfirmDto, NomineeWithdrawDto, PublicNominationDto } from './dto/nomination-input.dto';
import { NominationReceivedDto, NomineeViewDto, OpenForumDto } from './dto/nomination.dto';
import { NOMINATION_RECEIVED, NominationIntakeService } from './nomination-intake.service';
import { NominationResponseService } from './nomination-response.service';
import { mapNomineeView, mapOpenForum } from './nomination.mapper';

/** The public nomination form and an accepted nominee's personal link. */
@ApiTags('nominations (public)')
@Public()
@Controller('public/nominations')
export class PublicNominationsController {
  constructor(
    private readonly intake: NominationIntakeService,
    private readonly responses: NominationResponseService,
  ) {}

  @Get('forum')
  @ApiQuery({ name: 'slug', required: false })
  @ApiOkResponse({ type: OpenForumDto })
  async forum(@Query('slug') slug?: string): Promise<OpenForumDto> {
    return mapOpenForum(await this.intake.openForum(typeof slug === 'string' && slug ? slug : undefined));
  }

  @Post()
  @HttpCode(202)
  @ApiAcceptedResponse({ type: NominationReceivedDto })
  async submit(@Body() dto: PublicNominationDto): Promise<NominationReceivedDto> {
    await this.intake.submitPublic(dto);
    return { message: NOMINATION_RECEIVED };
  }

  @Get('response/:token')
  @ApiOkResponse({ type: NomineeViewDto })
  async view(@Param('token') token: string): Promise<NomineeViewDto> {
    return mapNomineeView(await this.responses.view(token));
  }

  @Post('response/:token/confirm')
  @HttpCode(200)
  @ApiOkResponse({ type: NomineeViewDto })
  async confirm(@Param('token') token: string, @Body() dto: NomineeConfirmDto): Promise<NomineeViewDto> {
    return mapNomineeView(await this.responses.confirm(token, dto));
  }

  @Post('response/:token/withdraw')
  @HttpCode(204)
  @ApiNoContentResponse()
  async withdraw(@Param('token') token: string, @Body() dto: NomineeWithdrawDto): Promise<void> {
    await this.responses.withdraw(token, dto.reason);
  }
}
