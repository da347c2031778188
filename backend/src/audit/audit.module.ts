import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AuditController } from './audit.controller';
import { AuditLogRepository } from './audit-log.repository';
import { AuditLogService } from './audit-log.service';

/** The organisers' audit log page: filters, pages and exports what AuditTrail (logging/audit) recorded. */
@Module({
  imports: [AuthModule],
  controllers: [AuditController],
  providers: [AuditLogService, AuditLogRepository],
})
export class AuditModule {}
