import { Controller, Get, Header, Param, ParseUUIDPipe, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../auth/auth-user';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import { BadgesService } from './badges.service';
import { BadgeCountDto, BadgeSelectionQuery } from './dto/badge-query.dto';
import { pdfDownload } from './pdf-download';

@ApiTags('badges')
@Auth('organiser')
@Controller('forums/:forumId')
export class BadgesController {
  constructor(private readonly badges: BadgesService) {}

  @Get('badges/count')
  @ApiOkResponse({ type: BadgeCountDto })
  async count(
    @CurrentUser() user: AuthUser,
    @Param('forumId', ParseUUIDPipe) forumId: string,
    @Query() query: BadgeSelectionQuery,
  ): Promise<BadgeCountDto> {
    return { count: await this.badges.count(user, forumId, query) };
  }

  @Get('badges.pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'A4 sheets, four badges each, in surname order, streamed; header X-Badge-Count holds the total' })
  async sheets(
    @CurrentUser() user: AuthUser,
    @Param('forumId', ParseUUIDPipe) forumId: string,
    @Query() query: BadgeSelectionQuery,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    const { count, pdf } = await this.badges.sheets(user, forumId, query);
    void res.header('X-Badge-Count', String(count));
    // The client went away: stop drawing.
    res.raw.once('close', () => {
      if (!pdf.readableEnded) pdf.destroy();
    });
    return pdfDownload(pdf, `badges-${query.role ?? (query.segmentId ? 'segment' : 'everyone')}`);
  }

  @Get('attendees/:id/badge.pdf')
  @ApiProduces('application/pdf')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ description: 'the attendee’s badge, A6' })
  async single(
    @Param('forumId', ParseUUIDPipe) forumId: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<StreamableFile> {
    const { attendee, pdf } = await this.badges.single(forumId, id);
    return pdfDownload(pdf, `badge-${attendee.badgeNumber}`);
  }
}
