import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../../auth/auth.decorators';
import type { AuthUser } from '../../auth/auth-user';
import { htmlDownload } from './data-copy-download';
import { EraseRequestDto, ErasurePreviewDto, MemberDataCopyDto } from './dto/privacy.dto';
import { MemberPrivacyService } from './member-privacy.service';

/** Organisers acting on a member's request (by phone, letter, in person): a copy of their data, or erasure. */
@ApiTags('members (privacy)')
@Auth('organiser')
@Controller('privacy/members')
export class PrivacyController {
  constructor(private readonly privacy: MemberPrivacyService) {}

  @Get(':id/export')
  @ApiOkResponse({ type: MemberDataCopyDto, description: 'all data held about the member, for programs to read' })
  async export(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<MemberDataCopyDto> {
    return this.privacy.export(await this.privacy.forRequest(id), user);
  }

  @Get(':id/export.html')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'the same copy as a page to read or print' })
  async exportHtml(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    return htmlDownload(await this.privacy.export(await this.privacy.forRequest(id), user, 'html'));
  }

  @Get(':id/erasure-preview')
  @ApiOkResponse({ type: ErasurePreviewDto })
  async preview(@Param('id', ParseUUIDPipe) id: string): Promise<ErasurePreviewDto> {
    return this.privacy.erasurePreview(await this.privacy.forRequest(id));
  }

  @Post(':id/erase')
  @HttpCode(204)
  @ApiNoContentResponse()
  async erase(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: EraseRequestDto,
  ): Promise<void> {
    await this.privacy.erase(await this.privacy.forRequest(id), user, dto.basedOn);
  }
}
