import { Module } from '@nestjs/common';
import { RegisterModule } from '../register.module';
import { MemberPrivacyService } from './member-privacy.service';
import { MemberTokenRepository } from './member-token.repository';
import { PrivacyController } from './privacy.controller';
import { PrivacyRepository } from './privacy.repository';
import { SelfRegistrationService } from './self-registration.service';
import { SelfServiceController } from './self-service.controller';

@Module({
  imports: [RegisterModule],
  controllers: [SelfServiceController, PrivacyController],
  providers: [SelfRegistrationService, MemberPrivacyService, MemberTokenRepository, PrivacyRepository],
})
export class SelfServiceModule {}
