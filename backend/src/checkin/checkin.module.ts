import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import compression from 'compression';
import { constants as zlib } from 'node:zlib';
import { AttendeesModule } from '../attendees/attendees.module';
import { AuthModule } from '../auth/auth.module';
import { BadgesModule } from '../badges/badges.module';
import { ForumsModule } from '../forums/forums.module';
import { RegisterModule } from '../register/register.module';
import { ArrivalsController } from './arrivals.controller';
import { ArrivalsRepository } from './arrivals.repository';
import { ArrivalsService } from './arrivals.service';
import { CheckInEvents } from './check-in-events';
import { CheckInLane } from './check-in-lane';
import { CheckIn } from './check-in.entity';
import { CheckInRepository } from './check-in.repository';
import { CheckInService } from './check-in.service';
import { DoorController } from './door.controller';
import { LiveAdmissions } from './live-admissions';
import { DoorDataRepository } from './door-data.repository';
import { DoorDataService } from './door-data.service';
import { WalkInRepository } from './walk-in.repository';
import { WalkInService } from './walk-in.service';

/** The door (data, check-ins, walk-ins) and the organisers' arrivals views. */
@Module({
  imports: [TypeOrmModule.forFeature([CheckIn]), AuthModule, AttendeesModule, ForumsModule, BadgesModule, RegisterModule],
  controllers: [DoorController, ArrivalsController],
  providers: [
    CheckInEvents,
    CheckInLane,
    CheckInRepository,
    CheckInService,
    LiveAdmissions,
    DoorDataRepository,
    DoorDataService,
    WalkInRepository,
    WalkInService,
    ArrivalsRepository,
    ArrivalsService,
  ],
})
export class CheckInModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Only the door data is worth compressing (10,000 attendees: ~430 KB of JSON); brotli when the
    // device accepts it, else gzip. Quality 6 halves the size of gzip's at a few ms per MB.
    consumer
      .apply(compression({ threshold: 0, brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: 6 } } }))
      .forRoutes({ path: 'door/forums/:forumId/data', method: RequestMethod.GET });
  }
}
