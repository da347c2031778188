import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from './audit-entry.entity';
import { AuditTrail } from './audit-trail';

/** The audit log's writer, available to every module (the organiser's page lives in audit/). */
@Global()
@Module({ imports: [TypeOrmModule.forFeature([AuditEntry])], providers: [AuditTrail], exports: [AuditTrail] })
export class AuditTrailModule {}
