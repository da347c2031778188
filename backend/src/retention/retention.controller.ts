import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Auth } from '../auth/auth.decorators';
import { Clock } from '../common/clock';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { RetentionPlanDto, ReviewPageDto, ReviewQuery } from './dto/retention.dto';
import { RetentionScheduler } from './retention-scheduler';
import { RetentionService } from './retention.service';

@ApiTags('retention')
@Auth('organiser')
@Controller('retention')
export class RetentionController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly retention: RetentionService,
    private readonly scheduler: RetentionScheduler,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOkResponse({
    type: RetentionPlanDto,
    description: 'when the daily run next happens and, per forum, when it is due and what it would touch',
  })
  async plan(): Promise<RetentionPlanDto> {
    const [forums, nextRunAt, lastRunAt] = await Promise.all([
      this.retention.plan(this.clock.now()),
      this.scheduler.nextRunAt(),
      this.scheduler.lastRunAt(),
    ]);
    return {
      nextRunAt: nextRunAt.toISOString(),
      lastRunAt: lastRunAt?.toISOString() ?? null,
      defaultMonths: this.config.retention.months,
      forums: forums.map((f) => ({
        forumId: f.forum.id,
        forumName: f.forum.name,
        endDate: f.forum.endDate,
        status: f.forum.status,
        months: f.months,
        ownSetting: f.ownSetting,
        dueAt: f.dueAt.toISOString(),
        due: f.due,
        held: f.held,
      })),
    };
  }

  @Get('review')
  @ApiOkResponse({
    type: ReviewPageDto,
    description: 'members holding no consent and untouched for RETENTION_REVIEW_MONTHS: listed for a person to decide',
  })
  async review(@Query() query: ReviewQuery): Promise<ReviewPageDto> {
    const { items, total, before } = await this.retention.reviewList(this.clock.now(), query.page ?? 1, query.pageSize ?? 50);
    return {
      items: items.map((m) => ({
        id: m.id,
        firstName: m.firstName,
        lastName: m.lastName,
        countryCode: m.countryCode,
        source: m.source,
        createdAt: m.createdAt.toISOString(),
        updatedAt: m.updatedAt.toISOString(),
      })),
      total,
      untouchedSince: before.toISOString(),
      reviewMonths: this.config.retention.reviewMonths,
    };
  }
}
