import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Auth } from '../auth/auth.decorators';
import {
  AffectedDto,
  ListMessagesQuery,
  MailStatusDto,
  mapMessage,
  MessageDetailDto,
  MessagePageDto,
  MessageSelectionDto,
  PreviewQuery,
  RenderedMailDto,
} from './dto/mail.dto';
import { OutboxService } from './outbox.service';

@ApiTags('mail')
@Auth('organiser')
@Controller('mail')
export class MailController {
  constructor(private readonly outbox: OutboxService) {}

  @Get('status')
  @ApiOkResponse({ type: MailStatusDto })
  async status(): Promise<MailStatusDto> {
    return { delivering: this.outbox.delivering, counts: await this.outbox.counts() };
  }

  @Get('messages')
  @ApiOkResponse({ type: MessagePageDto })
  async list(@Query() query: ListMessagesQuery): Promise<MessagePageDto> {
    const { items, total } = await this.outbox.list(
      { state: query.state, template: query.template },
      query.page ?? 1,
      query.pageSize ?? 50,
    );
    return { items: items.map(mapMessage), total };
  }

  @Get('messages/:id')
  @ApiOkResponse({ type: MessageDetailDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<MessageDetailDto> {
    const { message, rendered } = await this.outbox.get(id);
    return { ...mapMessage(message), rendered };
  }

  @Post('messages/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: AffectedDto })
  async retry(@Body() dto: MessageSelectionDto): Promise<AffectedDto> {
    return { affected: await this.outbox.retry(dto.ids) };
  }

  @Post('messages/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: AffectedDto })
  async cancel(@Body() dto: MessageSelectionDto): Promise<AffectedDto> {
    return { affected: await this.outbox.cancel(dto.ids) };
  }

  @Get('templates')
  @ApiOkResponse({ type: [String] })
  templates(): string[] {
    return this.outbox.templates();
  }

  @Get('templates/:name/preview')
  @ApiOkResponse({ type: RenderedMailDto })
  preview(@Param('name') name: string, @Query() query: PreviewQuery): RenderedMailDto {
    return this.outbox.preview(name, query.locale ?? 'en');
  }
}
