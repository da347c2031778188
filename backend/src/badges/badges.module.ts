import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttendeesModule } from '../attendees/attendees.module';
import { ForumsModule } from '../forums/forums.module';
import { RegisterModule } from '../register/register.module';
import { BadgeKey } from './badge-key.entity';
import { BadgeKeyCrypto } from './badge-key-crypto';
import { BadgeKeyRepository } from './badge-key.repository';
import { BadgeKeysService } from './badge-keys.service';
import { BadgePdf } from './badge-pdf';
import { BadgeSigner } from './badge-signer.service';
import { BadgesController } from './badges.controller';
import { BadgesService } from './badges.service';

/** Forum keys, signed badge codes, and badge PDFs (single, sheets, the confirmation email's attachment). */
@Module({
  imports: [TypeOrmModule.forFeature([BadgeKey]), AttendeesModule, ForumsModule, RegisterModule],
  controllers: [BadgesController],
  providers: [BadgeKeyRepository, BadgeKeyCrypto, BadgeKeysService, BadgeSigner, BadgePdf, BadgesService],
  exports: [BadgeKeysService, BadgeSigner, BadgesService],
})
export class BadgesModule {}
