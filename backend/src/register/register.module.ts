import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ImportBatch } from './import/import-batch.entity';
import { MemberEvent } from './member-event.entity';
import { MemberSector } from './member-sector.entity';
import { MemberToken } from './member-token.entity';
import { Member } from './member.entity';
import { MemberRepository } from './member.repository';
import { RegisterTarget } from './register-target.entity';
import { RegisterService } from './register.service';
import { Segment } from './segments/segment.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Member, MemberSector, MemberEvent, MemberToken, ImportBatch, Segment, RegisterTarget])],
  controllers: [],
  providers: [RegisterService, MemberRepository],
  // The repository is shared with the register's own sub-modules (import, segments, duplicates) only.
  exports: [RegisterService, MemberRepository, TypeOrmModule],
})
export class RegisterModule {}
