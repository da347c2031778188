import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AttendeesModule } from './attendees/attendees.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BadgesModule } from './badges/badges.module';
import { CheckInModule } from './checkin/checkin.module';
import { PublicRateLimitGuard } from './auth/public-rate-limit.guard';
import { SessionGuard } from './auth/session.guard';
import { CommonModule } from './common/common.module';
import { HttpErrorFilter } from './common/http-error.filter';
import { JsonBodyGuard } from './common/json-body.guard';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { ForumsModule } from './forums/forums.module';
import { HealthModule } from './health/health.module';
import { AuditTrailModule } from './logging/audit/audit-trail.module';
import { InvitationsModule } from './invitations/invitations.module';
import { MailModule } from './mail/mail.module';
import { RegisterModule } from './register/register.module';
import { ImportModule } from './register/import/import.module';
import { SelfServiceModule } from './register/self-service/self-service.module';
import { DashboardModule } from './register/dashboard/dashboard.module';
import { DuplicatesModule } from './register/duplicates/duplicates.module';
import { OutreachModule } from './outreach/outreach.module';
import { RetentionModule } from './retention/retention.module';
import { NominationsModule } from './nominations/nominations.module';
import { AgendaModule } from './agenda/agenda.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        CommonModule,
        DatabaseModule.forRoot(config.database),
        AuditTrailModule,
        AuthModule,
        ForumsModule,
        HealthModule,
        MailModule,
        AttendeesModule,
        BadgesModule,
        CheckInModule,
        InvitationsModule,
        RegisterModule,
        ImportModule,
        SelfServiceModule,
        OutreachModule,
        DashboardModule,
        DuplicatesModule,
        NominationsModule,
        AgendaModule,
        AuditModule,
        RetentionModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        // Order matters: refuse bodies a cross-site form could send, throttle anonymous traffic, then
        // touch the session table.
        { provide: APP_GUARD, useClass: JsonBodyGuard },
        { provide: APP_GUARD, useClass: PublicRateLimitGuard },
        { provide: APP_GUARD, useClass: SessionGuard },
      ],
    };
  }
}
