import { PresenterMemberDataRepository } from './presenter-member-data.repository';
import { PresenterMemberData } from './presenter-member-data.service';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { ForumsModule } from '../forums/forums.module';
import { NominationsModule } from '../nominations/nominations.module';
import { RegisterModule } from '../register/register.module';
import { AgendaPresenter } from './agenda-presenter.entity';
import { AgendaPresentersService } from './agenda-presenters.service';
import { AgendaRoom } from './agenda-room.entity';
import { AgendaSession } from './agenda-session.entity';
import { AgendaController } from './agenda.controller';
import { AgendaRepository } from './agenda.repository';
import { AgendaService } from './agenda.service';
import { PublicAgendaController } from './public-agenda.controller';
import { PublicAgendaService } from './public-agenda.service';
import { SessionPresenter } from './session-presenter.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([AgendaRoom, AgendaSession, AgendaPresenter, SessionPresenter]),
    AuthModule,
    ForumsModule,
    NominationsModule,
    RegisterModule,
  ],
  controllers: [AgendaController, PublicAgendaController],
  providers: [
    AgendaRepository,
    AgendaService,
    AgendaPresentersService,
    PublicAgendaService,
    PresenterMemberDataRepository,
    PresenterMemberData,
  ],
})
export class AgendaModule {}
