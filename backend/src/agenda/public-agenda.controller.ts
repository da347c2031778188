import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { PublicAgendaDto, PublicPresenterProfileDto } from './dto/agenda.dto';
import { mapPublicAgenda, mapPublicForum, mapPublicSession } from './agenda.mapper';
import { PublicAgendaService } from './public-agenda.service';

/** The published agenda, presenter profiles and iCalendar feeds: public, cacheable for a minute. */
@ApiTags('agenda (public)')
@Public()
@Controller('public/agenda')
export class PublicAgendaController {
  constructor(private readonly agenda: PublicAgendaService) {}

  @Get(':slug')
  @ApiOkResponse({ type: PublicAgendaDto })
  async agendaOf(@Param('slug') slug: string, @Res({ passthrough: true }) res: FastifyReply): Promise<PublicAgendaDto> {
    const agenda = mapPublicAgenda(await this.agenda.agendaOf(slug));
    // Only answers are cached: a 404 (nothing published yet) must not stick in browsers.
    void res.header('Cache-Control', 'public, max-age=60');
    return agenda;
  }

  @Get(':slug/presenters/:presenterId')
  @ApiOkResponse({ type: PublicPresenterProfileDto })
  async presenter(
    @Param('slug') slug: string,
    @Param('presenterId', ParseUUIDPipe) presenterId: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<PublicPresenterProfileDto> {
    const { forum, presenter, sessions } = await this.agenda.presenter(slug, presenterId);
    void res.header('Cache-Control', 'public, max-age=60');
    return {
      forum: mapPublicForum(forum),
      presenter,
      sessions: sessions.map((s) => mapPublicSession(s, forum.timezone)),
    };
  }

  @Get(':slug/calendar.ics')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'every published session, iCalendar (RFC 5545), times in UTC', schema: { type: 'string' } })
  async calendar(@Param('slug') slug: string, @Res({ passthrough: true }) res: FastifyReply): Promise<string> {
    const body = await this.agenda.calendar(slug);
    calendarHeaders(res, `${slug}.ics`);
    return body;
  }

  @Get(':slug/sessions/:sessionId/calendar.ics')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'one published session, iCalendar (RFC 5545)', schema: { type: 'string' } })
  async sessionCalendar(
    @Param('slug') slug: string,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<string> {
    const body = await this.agenda.sessionCalendar(slug, sessionId);
    calendarHeaders(res, `${slug}-session.ics`);
    return body;
  }
}

function calendarHeaders(res: FastifyReply, filename: string): void {
  void res.header('Content-Type', 'text/calendar; charset=utf-8');
  void res.header('Content-Disposition', `attachment; filename="${filename.replace(/[^a-z0-9.-]/gi, '-')}"`);
  void res.header('Cache-Control', 'public, max-age=300');
}
