import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { htmlDownload } from './data-copy-download';
import { MemberDataCopyDto } from './dto/privacy.dto';
import { Public } from '../../auth/auth.decorators';
import {
  AcceptedDto,
  ConfirmDto,
  ConfirmedDto,
  LinkRequestDto,
  MemberSelfDto,
  SelfRegistrationDto,
  SelfUpdateDto,
} from './dto/self-service.dto';
import { ManageLinksService } from './manage-links.service';
import { MemberPrivacyService } from './member-privacy.service';
import { mapMemberSelf } from './self-service.mapper';
import { CHECK_YOUR_EMAIL, SelfRegistrationService } from './self-registration.service';

/** What members do themselves, without an account: register, confirm, and manage their data by personal link. */
@ApiTags('members (self-service)')
@Public()
@Controller('public')
export class SelfServiceController {
  constructor(
    private readonly registration: SelfRegistrationService,
    private readonly privacy: MemberPrivacyService,
    private readonly links: ManageLinksService,
  ) {}

  @Post('register')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: AcceptedDto })
  async register(@Body() dto: SelfRegistrationDto): Promise<AcceptedDto> {
    await this.registration.register(dto);
    return { message: CHECK_YOUR_EMAIL };
  }

  @Post('register/confirm')
  @HttpCode(200)
  @ApiOkResponse({ type: ConfirmedDto })
  confirm(@Body() dto: ConfirmDto): Promise<ConfirmedDto> {
    return this.registration.confirm(dto.token);
  }

  @Post('me/link')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: AcceptedDto })
  async requestLink(@Body() dto: LinkRequestDto): Promise<AcceptedDto> {
    await this.registration.requestLink(dto.email);
    return { message: 'If this address is in the register, a link to your details is on its way.' };
  }

  @Get('me/:token')
  @ApiOkResponse({ type: MemberSelfDto })
  async view(@Param('token') token: string): Promise<MemberSelfDto> {
    return mapMemberSelf(await this.links.member(token));
  }

  @Patch('me/:token')
  @ApiOkResponse({ type: MemberSelfDto })
  async correct(@Param('token') token: string, @Body() dto: SelfUpdateDto): Promise<MemberSelfDto> {
    return mapMemberSelf(await this.privacy.correct(await this.links.member(token), dto, 'member'));
  }

  @Get('me/:token/export')
  @ApiOkResponse({ type: MemberDataCopyDto, description: 'all data held about the member, for programs to read' })
  async export(@Param('token') token: string): Promise<MemberDataCopyDto> {
    return this.privacy.export(await this.links.member(token), 'member');
  }

  @Get('me/:token/export.html')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'the same copy as a page to read or print' })
  async exportHtml(@Param('token') token: string): Promise<StreamableFile> {
    return htmlDownload(await this.privacy.export(await this.links.member(token), 'member', 'html'));
  }

  @Delete('me/:token')
  @HttpCode(204)
  @ApiNoContentResponse()
  async erase(@Param('token') token: string): Promise<void> {
    await this.privacy.erase(await this.links.member(token), 'member');
  }
}
