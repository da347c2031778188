import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { ImportBatch } from './import/import-batch.entity';
import { MemberEvent } from './member-event.entity';
import { MembersController } from './members/members.controller';
import { MembersService } from './members/members.service';
import { MemberSector } from './member-sector.entity';
import { MemberToken } from './member-token.entity';
import { Member } from './member.entity';
import { MemberRepository } from './member.repository';
import { RegisterTarget } from './register-target.entity';
import { RegisterService } from './register.service';
import { MemberExportService } from './segments/member-export.service';
import { SegmentQueryRepository } from './segments/segment-query.repository';
import { SegmentQueryService } from './segments/segment-query.service';
import { Segment } from './segments/segment.entity';
import { SegmentRepository } from './segments/segment.repository';
import { SegmentsController } from './segments/segments.controller';
import { SegmentsService } from './segments/segments.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Member, MemberSector, MemberEvent, MemberToken, ImportBatch, Segment, RegisterTarget]),
    AuthModule,
  ],
  controllers: [MembersController, SegmentsController],
  providers: [
    RegisterService,
    MemberRepository,
    MembersService,
    SegmentQueryRepository,
    SegmentQueryService,
    SegmentRepository,
    SegmentsService,
    MemberExportService,
  ],
  // The repository is shared with the register's own sub-modules (import, segments, duplicates) only.
  exports: [RegisterService, MemberRepository, SegmentQueryService, SegmentsService, MemberExportService, TypeOrmModule],
})
export class RegisterModule {}
