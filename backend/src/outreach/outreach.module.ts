import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { RegisterModule } from '../register/register.module';
import { CallSheetController } from './call-sheet/call-sheet.controller';
import { CallSheetService } from './call-sheet/call-sheet.service';
import { OutreachLog } from './outreach-log.entity';
import { OutreachController } from './outreach.controller';
import { OutreachRepository } from './outreach.repository';
import { OutreachService } from './outreach.service';

@Module({
  imports: [AuthModule, RegisterModule, TypeOrmModule.forFeature([OutreachLog])],
  controllers: [OutreachController, CallSheetController],
  providers: [OutreachService, OutreachRepository, CallSheetService],
  exports: [OutreachService],
})
export class OutreachModule {}
