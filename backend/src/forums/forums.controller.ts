import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import { CreateForumDto, ForumDto, UpdateForumDto } from './dto/forum.dto';
import { mapForum } from './forum.mapper';
import { ForumsService } from './forums.service';

@ApiTags('forums')
@Controller('forums')
export class ForumsController {
  constructor(private readonly forums: ForumsService) {}

  @Auth()
  @Get()
  @ApiOkResponse({ type: [ForumDto] })
  async list(): Promise<ForumDto[]> {
    return (await this.forums.list()).map(mapForum);
  }

  @Auth()
  @Get(':id')
  @ApiOkResponse({ type: ForumDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<ForumDto> {
    return mapForum(await this.forums.get(id));
  }

  @Auth('organiser')
  @Post()
  @ApiCreatedResponse({ type: ForumDto })
  async create(@Body() dto: CreateForumDto): Promise<ForumDto> {
    return mapForum(await this.forums.create(dto));
  }

  @Auth('organiser')
  @Patch(':id')
  @ApiOkResponse({ type: ForumDto })
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateForumDto,
  ): Promise<ForumDto> {
    return mapForum(await this.forums.update(id, dto, user));
  }

  @Auth('organiser')
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.forums.remove(id);
  }
}
