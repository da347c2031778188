import { Module } from '@nestjs/common';
import { RegisterDataModule } from '../register-data.module';
import { RegisterModule } from '../register.module';
import { ManageLinksService } from './manage-links.service';
import { MemberPrivacyService } from './member-privacy.service';
import { MemberTokenRepository } from './member-token.repository';
import { PrivacyController } from './privacy.controller';
import { SelfRegistrationService } from './self-registration.service';
import { SelfServiceController } from './self-service.controller';

@Module({
  imports: [RegisterModule, RegisterDataModule],
  controllers: [SelfServiceController, PrivacyController],
  providers: [SelfRegistrationService, MemberPrivacyService, ManageLinksService, MemberTokenRepository],
})
export class SelfServiceModule {}
