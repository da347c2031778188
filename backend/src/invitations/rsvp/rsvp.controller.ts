import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/auth.decorators';
import { daysBetween } from '../../forums/forum-days';
import { rsvpAnswersOf } from '../rsvp-answers';
import { RsvpAnswerDto, RsvpDto } from './rsvp.dto';
import { RsvpService, type RsvpView } from './rsvp.service';

/** The invitee's side: no account, the personal link is the key. Rate limited like every public route. */
@ApiTags('rsvp')
@Public()
@Controller('public/rsvp')
export class RsvpController {
  constructor(private readonly rsvp: RsvpService) {}

  @Get(':token')
  @ApiOkResponse({ type: RsvpDto })
  async view(@Param('token') token: string): Promise<RsvpDto> {
    return mapRsvp(await this.rsvp.view(token));
  }

  @Put(':token')
  @ApiOkResponse({ type: RsvpDto })
  async answer(@Param('token') token: string, @Body() dto: RsvpAnswerDto): Promise<RsvpDto> {
    return mapRsvp(await this.rsvp.answer(token, dto));
  }
}

function mapRsvp(view: RsvpView): RsvpDto {
  const { forum, invitation: i, member } = view;
  return {
    forum: {
      name: forum.name,
      slug: forum.slug,
      venue: forum.venue,
      timezone: forum.timezone,
      days: daysBetween(forum.startDate, forum.endDate),
      rsvpDeadline: forum.rsvpDeadline?.toISOString() ?? null,
    },
    firstName: member.firstName,
    locale: i.locale,
    open: view.open,
    response: i.response,
    confirmed: i.placeHeld,
    waitingPosition: view.waitingPosition,
    badgeNumber: view.badgeNumber,
    ...rsvpAnswersOf(i),
  };
}
