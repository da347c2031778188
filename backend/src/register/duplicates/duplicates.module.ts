import { Module } from '@nestjs/common';
import { RegisterDataModule } from '../register-data.module';
import { RegisterModule } from '../register.module';
import { DuplicatesController } from './duplicates.controller';
import { DuplicatesRepository } from './duplicates.repository';
import { DuplicatesService } from './duplicates.service';

@Module({
  imports: [RegisterModule, RegisterDataModule],
  controllers: [DuplicatesController],
  providers: [DuplicatesService, DuplicatesRepository],
  exports: [DuplicatesService],
})
export class DuplicatesModule {}
