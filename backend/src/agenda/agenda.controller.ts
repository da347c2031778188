import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import {
  PresenterInputDto,
  PresenterPatchDto,
  PublishDto,
  RoomInputDto,
  RoomPatchDto,
  SessionInputDto,
  SessionPatchDto,
} from './dto/agenda-input.dto';
import { AgendaEditorDto, PresenterCandidatesDto, PresenterDto, PublishResultDto, RoomDto, SessionDto } from './dto/agenda.dto';
import { AgendaPresentersService } from './agenda-presenters.service';
import { mapEditor, mapPresenter, mapRoom, mapSession } from './agenda.mapper';
import { AgendaService } from './agenda.service';
import { ForumsService } from '../forums/forums.service';

/** The timetable editor: organisers only. Conflicts come back as 409 with a message to show. */
@ApiTags('agenda')
@Auth('organiser')
@Controller('agenda')
export class AgendaController {
  constructor(
    private readonly agenda: AgendaService,
    private readonly presenters: AgendaPresentersService,
    private readonly forums: ForumsService,
  ) {}

  @Get('forums/:forumId')
  @ApiOkResponse({ type: AgendaEditorDto })
  async editor(@Param('forumId', ParseUUIDPipe) forumId: string): Promise<AgendaEditorDto> {
    return mapEditor(await this.agenda.editor(forumId));
  }

  @Post('forums/:forumId/rooms')
  @ApiCreatedResponse({ type: RoomDto })
  async addRoom(@Param('forumId', ParseUUIDPipe) forumId: string, @Body() dto: RoomInputDto): Promise<RoomDto> {
    return mapRoom(await this.agenda.addRoom(forumId, dto.name));
  }

  @Patch('rooms/:id')
  @ApiOkResponse({ type: RoomDto })
  async updateRoom(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RoomPatchDto): Promise<RoomDto> {
    return mapRoom(await this.agenda.updateRoom(id, dto));
  }

  @Delete('rooms/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async removeRoom(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.agenda.removeRoom(id);
  }

  @Post('forums/:forumId/sessions')
  @ApiCreatedResponse({ type: SessionDto })
  async createSession(@Param('forumId', ParseUUIDPipe) forumId: string, @Body() dto: SessionInputDto): Promise<SessionDto> {
    const created = await this.agenda.createSession(forumId, dto);
    return mapSession(created, (await this.forums.get(forumId)).timezone);
  }

  @Patch('sessions/:id')
  @ApiOkResponse({ type: SessionDto })
  async updateSession(@Param('id', ParseUUIDPipe) id: string, @Body() dto: SessionPatchDto): Promise<SessionDto> {
    const updated = await this.agenda.updateSession(id, dto);
    return mapSession(updated, (await this.forums.get(updated.session.forumId)).timezone);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async removeSession(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.agenda.removeSession(id);
  }

  @Post('forums/:forumId/publish')
  @HttpCode(200)
  @ApiOkResponse({ type: PublishResultDto })
  async publish(@Param('forumId', ParseUUIDPipe) forumId: string, @Body() dto: PublishDto): Promise<PublishResultDto> {
    return { changed: await this.agenda.setAgendaPublished(forumId, dto.published) };
  }

  @Get('forums/:forumId/presenter-candidates')
  @ApiOkResponse({ type: PresenterCandidatesDto })
  candidates(@Param('forumId', ParseUUIDPipe) forumId: string): Promise<PresenterCandidatesDto> {
    return this.presenters.candidates(forumId);
  }

  @Post('forums/:forumId/presenters')
  @ApiCreatedResponse({ type: PresenterDto })
  async addPresenter(
    @CurrentUser() user: AuthUser,
    @Param('forumId', ParseUUIDPipe) forumId: string,
    @Body() dto: PresenterInputDto,
  ): Promise<PresenterDto> {
    return mapPresenter(await this.presenters.add(user, forumId, dto));
  }

  @Patch('presenters/:id')
  @ApiOkResponse({ type: PresenterDto })
  async updatePresenter(@Param('id', ParseUUIDPipe) id: string, @Body() dto: PresenterPatchDto): Promise<PresenterDto> {
    return mapPresenter(await this.presenters.update(id, dto));
  }

  @Delete('presenters/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async removePresenter(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.presenters.remove(id);
  }
}
