import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from './auth.decorators';
import type { AuthUser } from './auth-user';
import { CreateUserDto, mapUser, UpdateUserDto, UserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Auth('organiser')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: [UserDto] })
  async list(): Promise<UserDto[]> {
    return (await this.users.listWithLocks()).map(mapUser);
  }

  @Post()
  @ApiCreatedResponse({ type: UserDto })
  async create(@CurrentUser() actor: AuthUser, @Body() dto: CreateUserDto): Promise<UserDto> {
    return mapUser(await this.users.create(dto, actor));
  }

  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return mapUser(await this.users.getWithLock(id));
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @ApiOkResponse({ type: UserDto, description: 'lifts a sign-in lock set after failed attempts' })
  async unlock(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return mapUser(await this.users.unlock(actor, id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserDto })
  async update(
    @CurrentUser() actor: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserDto> {
    return mapUser(await this.users.update(actor, id, dto));
  }
}
