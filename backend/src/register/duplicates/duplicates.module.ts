import { Module } from '@nestjs/common';
import { OutreachModule } from '../../outreach/outreach.module';
import { RegisterModule } from '../register.module';
import { DuplicatesController } from './duplicates.controller';
import { DuplicatesRepository } from './duplicates.repository';
import { DuplicatesService } from './duplicates.service';

@Module({
  imports: [RegisterModule, OutreachModule],
  controllers: [DuplicatesController],
  providers: [DuplicatesService, DuplicatesRepository],
  exports: [DuplicatesService],
})
export class DuplicatesModule {}
