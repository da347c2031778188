import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LegacyLinks } from './legacy-links';
import { MailAttachments } from './mail-attachments';
import { MailController } from './mail.controller';
import { MailRenderer } from './mail-renderer';
import { MailTransport } from './mail-transport';
import { MailWorker } from './mail-worker';
import { Message } from './message.entity';
import { MessageRepository } from './message.repository';
import { MessageSecrets } from './message-secrets';
import { OutboxService } from './outbox.service';

/**
 * Global: every module may write to the outbox (OutboxService) and register attachments made at
 * send time (MailAttachments); only the worker sends.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Message])],
  controllers: [MailController],
  providers: [
    OutboxService,
    MailAttachments,
    MailRenderer,
    MailTransport,
    MailWorker,
    MessageRepository,
    MessageSecrets,
    LegacyLinks,
  ],
  exports: [OutboxService, MailAttachments],
})
export class MailModule {}
