import { NominationMemberDataRepository } from './nomination-member-data.repository';
import { NominationMemberData } from './nomination-member-data.service';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { ForumsModule } from '../forums/forums.module';
import { RegisterModule } from '../register/register.module';
import { NominationBoardService } from './nomination-board.service';
import { NominationIntakeService } from './nomination-intake.service';
import { NominationResponseService } from './nomination-response.service';
import { NominationReview } from './nomination-review.entity';
import { NominationStatusChange } from './nomination-status-change.entity';
import { Nomination } from './nomination.entity';
import { NominationRepository } from './nomination.repository';
import { NominationsController } from './nominations.controller';
import { NomineePresentersService } from './nominee-presenters.service';
import { PublicNominationsController } from './public-nominations.controller';

@Module({
  imports: [
    TypeOrmModule.forFeature([Nomination, NominationReview, NominationStatusChange]),
    AuthModule,
    ForumsModule,
    RegisterModule,
  ],
  controllers: [NominationsController, PublicNominationsController],
  providers: [
    NominationRepository,
    NominationIntakeService,
    NominationBoardService,
    NominationResponseService,
    NomineePresentersService,
    NominationMemberDataRepository,
    NominationMemberData,
  ],
  exports: [NomineePresentersService],
})
export class NominationsModule {}
