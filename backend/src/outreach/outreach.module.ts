import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegisterModule } from '../register/register.module';
import { CallSheetController } from './call-sheet/call-sheet.controller';
import { CallSheetRepository } from './call-sheet/call-sheet.repository';
import { CallSheetService } from './call-sheet/call-sheet.service';
import { OutreachLog } from './outreach-log.entity';
import { OutreachController } from './outreach.controller';
import { OutreachRepository } from './outreach.repository';
import { OutreachService } from './outreach.service';

@Module({
  imports: [RegisterModule, TypeOrmModule.forFeature([OutreachLog])],
  controllers: [OutreachController, CallSheetController],
  providers: [OutreachService, OutreachRepository, CallSheetService, CallSheetRepository],
  exports: [OutreachService],
})
export class OutreachModule {}
