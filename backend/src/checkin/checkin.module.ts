import { CheckInMemberDataRepository } from './check-in-member-data.repository';
import { CheckInMemberData } from './check-in-member-data.service';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttendeesModule } from '../attendees/attendees.module';
import { AuthModule } from '../auth/auth.module';
import { BadgesModule } from '../badges/badges.module';
import { ForumsModule } from '../forums/forums.module';
import { RegisterModule } from '../register/register.module';
import { ArrivalsController } from './arrivals.controller';
import { ArrivalsRepository } from './arrivals.repository';
import { ArrivalsService } from './arrivals.service';
import { CheckInEvents } from './check-in-events';
import { CheckIn } from './check-in.entity';
import { DoorAssignment } from './door-assignment.entity';
import { CheckInRepository } from './check-in.repository';
import { CheckInService } from './check-in.service';
import { DoorController } from './door.controller';
import { DoorAccess } from './door-access.service';
import { DoorAssignmentRepository } from './door-assignment.repository';
import { DoorStaffController } from './door-staff.controller';
import { CheckInSettler } from './check-in-settler';
import { LiveScans } from './live-scans';
import { DoorDataRepository } from './door-data.repository';
import { DoorDataService } from './door-data.service';
import { WalkInRepository } from './walk-in.repository';
import { WalkInService } from './walk-in.service';
import { RetentionModule } from '../retention/retention.module';
import { CheckInRetention } from './check-in-retention';

/** The door (data, check-ins, walk-ins) and the organisers' arrivals views. */
@Module({
  imports: [
    TypeOrmModule.forFeature([CheckIn, DoorAssignment]),
    AuthModule,
    AttendeesModule,
    ForumsModule,
    BadgesModule,
    RegisterModule,
    RetentionModule,
  ],
  controllers: [DoorController, DoorStaffController, ArrivalsController],
  providers: [
    CheckInEvents,
    DoorAccess,
    DoorAssignmentRepository,
    CheckInRepository,
    CheckInService,
    CheckInSettler,
    LiveScans,
    DoorDataRepository,
    DoorDataService,
    WalkInRepository,
    WalkInService,
    ArrivalsRepository,
    ArrivalsService,
    CheckInRetention,
    CheckInMemberDataRepository,
    CheckInMemberData,
  ],
})
export class CheckInModule {}
