import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuthModule } from '../auth/auth.module';
import { MembersController } from './members/members.controller';
import { MembersService } from './members/members.service';
import { MemberDataHolders } from './member-data-holders';
import { RegisterDataModule } from './register-data.module';
import { RegisterService } from './register.service';
import { MemberExportService } from './segments/member-export.service';
import { SegmentQueryRepository } from './segments/segment-query.repository';
import { SegmentQueryService } from './segments/segment-query.service';
import { SegmentRepository } from './segments/segment.repository';
import { SegmentsController } from './segments/segments.controller';
import { SegmentsService } from './segments/segments.service';

@Module({
  imports: [RegisterDataModule, AuthModule, DiscoveryModule],
  controllers: [MembersController, SegmentsController],
  providers: [
    RegisterService,
    MemberDataHolders,
    MembersService,
    SegmentQueryRepository,
    SegmentQueryService,
    SegmentRepository,
    SegmentsService,
    MemberExportService,
  ],
  // Services only: the register's own sub-modules get its repository from RegisterDataModule.
  exports: [RegisterService, MemberDataHolders, SegmentQueryService, SegmentsService, MemberExportService],
})
export class RegisterModule {}
