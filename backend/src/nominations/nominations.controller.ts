import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import { BoardQueryDto, ConfirmOnBehalfDto, ReviewDto, StaffNominationDto, StatusChangeDto } from './dto/nomination-input.dto';
import { NominationBoardDto, NominationDetailDto } from './dto/nomination.dto';
import { NominationBoardService } from './nomination-board.service';
import { NominationIntakeService } from './nomination-intake.service';
import { mapNominationDetail, mapNominationItem } from './nomination.mapper';

/** The review board. Registrars nominate and read (their countries only); organisers review and decide. */
@ApiTags('nominations')
@Controller('nominations')
export class NominationsController {
  constructor(
    private readonly board: NominationBoardService,
    private readonly intake: NominationIntakeService,
  ) {}

  @Auth('organiser', 'registrar')
  @Get()
  @ApiOkResponse({ type: NominationBoardDto })
  async list(@CurrentUser() user: AuthUser, @Query() query: BoardQueryDto): Promise<NominationBoardDto> {
    const { items, counters } = await this.board.board(user, query);
    return { items: items.map(mapNominationItem), counters };
  }

  @Auth('organiser', 'registrar')
  @Post()
  @ApiCreatedResponse({ type: NominationDetailDto })
  async create(@CurrentUser() user: AuthUser, @Body() dto: StaffNominationDto): Promise<NominationDetailDto> {
    const created = await this.intake.submitByStaff(user, dto);
    return mapNominationDetail(await this.board.detail(user, created.id));
  }

  @Auth('organiser', 'registrar')
  @Get(':id')
  @ApiOkResponse({ type: NominationDetailDto })
  async get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<NominationDetailDto> {
    return mapNominationDetail(await this.board.detail(user, id));
  }

  @Auth('organiser')
  @Put(':id/review')
  @ApiOkResponse({ type: NominationDetailDto })
  async review(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReviewDto,
  ): Promise<NominationDetailDto> {
    return mapNominationDetail(await this.board.review(user, id, dto));
  }

  @Auth('organiser')
  @Post(':id/status')
  @HttpCode(200)
  @ApiOkResponse({ type: NominationDetailDto })
  async changeStatus(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: StatusChangeDto,
  ): Promise<NominationDetailDto> {
    return mapNominationDetail(await this.board.changeStatus(user, id, dto));
  }

  @Auth('organiser')
  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOkResponse({ type: NominationDetailDto })
  async confirmOnBehalf(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ConfirmOnBehalfDto,
  ): Promise<NominationDetailDto> {
    return mapNominationDetail(await this.board.confirmOnBehalf(user, id, dto.note));
  }
}
