import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import { type Language, languages } from '@diaspora-forum/lists';
import { type Message, type MessageState, messageStates } from '../message.entity';
import { maxPage } from '../../common/validation';

export class ListMessagesQuery {
  @ApiPropertyOptional({ enum: messageStates, enumName: 'MessageState' })
  @IsOptional()
  @IsIn(messageStates, { message: `must be one of: ${messageStates.join(', ')}` })
  state?: MessageState;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  template?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @maxPage()
  page?: number;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

export class MessageSelectionDto {
  @ApiProperty({
    description: 'message ids, or "all"',
    oneOf: [
      { type: 'array', items: { type: 'string' } },
      { type: 'string', enum: ['all'] },
    ],
  })
  @ValidateIf((o: MessageSelectionDto) => o.ids !== 'all')
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true, message: 'each id must be a message id' })
  ids: string[] | 'all';
}

export class PreviewQuery {
  @ApiPropertyOptional({ enum: languages, enumName: 'Language', default: 'en' })
  @IsOptional()
  @IsIn(languages, { message: 'must be en or st' })
  locale?: Language;
}

export class MessageDto {
  @ApiProperty() id: string;
  @ApiProperty() recipient: string;
  @ApiProperty() template: string;
  @ApiProperty({ enum: languages, enumName: 'Language' }) locale: Language;
  @ApiProperty({ enum: messageStates, enumName: 'MessageState' }) state: MessageState;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: string | null;
  @ApiProperty({ format: 'date-time' }) nextAttemptAt: string;
}

export class MessagePageDto {
  @ApiProperty({ type: [MessageDto] }) items: MessageDto[];
  @ApiProperty() total: number;
}

export class RenderedMailDto {
  @ApiProperty() subject: string;
  @ApiProperty() html: string;
  @ApiProperty() text: string;
}

export class MessageDetailDto extends MessageDto {
  @ApiProperty({ type: RenderedMailDto }) rendered: RenderedMailDto;
}

export class MailStatusDto {
  @ApiProperty({ description: 'false when SMTP_URL is not set: messages are held, not sent' }) delivering: boolean;
  @ApiProperty({ description: 'messages per state', type: 'object', additionalProperties: { type: 'number' } }) counts: Record<
    string,
    number
  >;
}

export class AffectedDto {
  @ApiProperty() affected: number;
}

export function mapMessage(m: Message): MessageDto {
  return {
    id: m.id,
    recipient: m.recipient,
    template: m.template,
    locale: m.locale,
    state: m.state,
    attempts: m.attempts,
    lastError: m.lastError,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
    nextAttemptAt: m.nextAttemptAt.toISOString(),
  };
}
