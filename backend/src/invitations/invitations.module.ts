import { InvitationMemberDataRepository } from './invitation-member-data.repository';
import { InvitationMemberData } from './invitation-member-data.service';
import { Module } from '@nestjs/common';
import { RetentionModule } from '../retention/retention.module';
import { InvitationRetention } from './invitation-retention';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttendeesModule } from '../attendees/attendees.module';
import { BadgesModule } from '../badges/badges.module';
import { ForumsModule } from '../forums/forums.module';
import { RegisterModule } from '../register/register.module';
import { Campaign } from './campaign.entity';
import { CampaignRepository } from './campaign.repository';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';
import { InvitationLinksService } from './invitation-links.service';
import { InvitationMessages } from './invitation-messages';
import { InvitationToken } from './invitation-token.entity';
import { Invitation } from './invitation.entity';
import { InvitationRepository } from './invitation.repository';
import { InvitationsController } from './invitations.controller';
import { RsvpBadgeController } from './rsvp/rsvp-badge.controller';
import { RsvpController } from './rsvp/rsvp.controller';
import { RsvpService } from './rsvp/rsvp.service';

/** Campaigns, invitations and their personal links, and the invitee's answer (rsvp/). */
@Module({
  imports: [
    TypeOrmModule.forFeature([Campaign, Invitation, InvitationToken]),
    ForumsModule,
    RegisterModule,
    AttendeesModule,
    BadgesModule,
    RetentionModule,
  ],
  controllers: [CampaignsController, InvitationsController, RsvpController, RsvpBadgeController],
  providers: [
    InvitationMessages,
    CampaignsService,
    InvitationLinksService,
    RsvpService,
    CampaignRepository,
    InvitationRepository,
    InvitationRetention,
    InvitationMemberDataRepository,
    InvitationMemberData,
  ],
  exports: [RsvpService],
})
export class InvitationsModule {}
