import { Controller, Get, Header, Param, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/auth.decorators';
import { pdfDownload } from '../../badges/pdf-download';
import { RsvpService } from './rsvp.service';

/** The invitee's badge through their personal link (the RSVP page's download). */
@ApiTags('rsvp')
@Public()
@Controller('public/rsvp')
export class RsvpBadgeController {
  constructor(private readonly rsvp: RsvpService) {}

  @Get(':token/badge.pdf')
  @ApiProduces('application/pdf')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ description: 'the invitee’s A6 badge, once their place is confirmed' })
  async badge(@Param('token') token: string): Promise<StreamableFile> {
    const { attendee, pdf } = await this.rsvp.badge(token);
    return pdfDownload(pdf, `badge-${attendee.badgeNumber}`);
  }
}
