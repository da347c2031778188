import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { ForumsModule } from '../forums/forums.module';
import { RegisterModule } from '../register/register.module';
import { ForumDataHolders } from './forum-data-holders';
import { RetentionController } from './retention.controller';
import { RetentionScheduler } from './retention-scheduler';
import { RetentionService } from './retention.service';
import { ScheduledJob } from './scheduled-job.entity';
import { ScheduledJobRepository } from './scheduled-job.repository';

/**
 * Retention: the daily run that de-identifies forums long over, its console panel, and the review
 * list. Sits below attendees, invitations and checkin, which register their parts in ForumDataHolders.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ScheduledJob]), AuthModule, ForumsModule, RegisterModule, DiscoveryModule],
  controllers: [RetentionController],
  providers: [ForumDataHolders, RetentionService, RetentionScheduler, ScheduledJobRepository],
  exports: [ForumDataHolders, RetentionScheduler],
})
export class RetentionModule {}
