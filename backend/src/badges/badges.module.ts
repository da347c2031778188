import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BadgeKey } from './badge-key.entity';
import { BadgeKeysService } from './badge-keys.service';
import { BadgeSigner } from './badge-signer.service';

@Module({
  imports: [TypeOrmModule.forFeature([BadgeKey])],
  providers: [BadgeKeysService, BadgeSigner],
  exports: [BadgeKeysService, BadgeSigner],
})
export class BadgesModule {}
