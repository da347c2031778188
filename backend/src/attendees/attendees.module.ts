import { AttendeeMemberData } from './attendee-member-data.service';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ForumsModule } from '../forums/forums.module';
import { RegisterModule } from '../register/register.module';
import { RetentionModule } from '../retention/retention.module';
import { AttendeeRetention } from './attendee-retention';
import { Attendee } from './attendee.entity';
import { AttendeeRepository } from './attendee.repository';
import { AttendeesController } from './attendees.controller';
import { AttendeesService } from './attendees.service';

@Module({
  imports: [TypeOrmModule.forFeature([Attendee]), ForumsModule, RegisterModule, RetentionModule],
  controllers: [AttendeesController],
  providers: [AttendeesService, AttendeeRepository, AttendeeRetention, AttendeeMemberData],
  exports: [AttendeesService, AttendeeMemberData],
})
export class AttendeesModule {}
