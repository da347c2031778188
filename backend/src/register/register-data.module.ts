import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ImportBatch } from './import/import-batch.entity';
import { MemberEvent } from './member-event.entity';
import { MemberSector } from './member-sector.entity';
import { MemberToken } from './member-token.entity';
import { Member } from './member.entity';
import { MemberRepository } from './member.repository';
import { RegisterTarget } from './register-target.entity';
import { Segment } from './segments/segment.entity';

/**
 * The register's tables and the repository over its members, for the register's own modules only
 * (RegisterModule and its import, self-service, dashboard and duplicates sub-modules). Other modules
 * import RegisterModule, which exports services and nothing else.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Member, MemberSector, MemberEvent, MemberToken, ImportBatch, Segment, RegisterTarget])],
  providers: [MemberRepository],
  exports: [MemberRepository, TypeOrmModule],
})
export class RegisterDataModule {}
