import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../../auth/auth.decorators';
import type { AuthUser } from '../../auth/auth-user';
import { DashboardService } from './dashboard.service';
import { DashboardQueryDto, RegisterDashboardDto, RegisterTargetDto, SetTargetDto } from './dto/dashboard.dto';

const keyParam = { name: 'key', description: '"total", "country:ZA" or "province:Gauteng" (URL-encoded)' };

@ApiTags('register dashboard')
@Controller('register')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Auth('organiser', 'registrar')
  @Get('dashboard')
  @ApiOkResponse({ type: RegisterDashboardDto })
  get(@CurrentUser() user: AuthUser, @Query() query: DashboardQueryDto): Promise<RegisterDashboardDto> {
    return this.dashboard.dashboard(user, query.weeks);
  }

  @Auth('organiser')
  @Get('targets')
  @ApiOkResponse({ type: [RegisterTargetDto] })
  async targets(): Promise<RegisterTargetDto[]> {
    return (await this.dashboard.listTargets()).map(({ key, target }) => ({ key, target }));
  }

  @Auth('organiser')
  @Put('targets/:key')
  @ApiParam(keyParam)
  @ApiOkResponse({ type: RegisterTargetDto })
  async setTarget(
    @CurrentUser() user: AuthUser,
    @Param('key') key: string,
    @Body() dto: SetTargetDto,
  ): Promise<RegisterTargetDto> {
    const saved = await this.dashboard.setTarget(key, dto.target, user);
    return { key: saved.key, target: saved.target };
  }

  @Auth('organiser')
  @Delete('targets/:key')
  @HttpCode(204)
  @ApiParam(keyParam)
  @ApiNoContentResponse()
  async clearTarget(@CurrentUser() user: AuthUser, @Param('key') key: string): Promise<void> {
    await this.dashboard.clearTarget(key, user);
  }
}
