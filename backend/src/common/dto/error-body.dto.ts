import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ExpiredLinkDetails } from '../domain-error';
import type { ErrorBody } from '../http-error.filter';

export class ExpiredLinkDto implements ExpiredLinkDetails {
  @ApiProperty({ enum: ['en', 'st'], description: "the member's language, for the page that says the forum is over" })
  locale: 'en' | 'st';
  @ApiProperty({ type: String, nullable: true }) contactEmail: string | null;
  @ApiProperty({ type: String, nullable: true }) contactPhone: string | null;
}

/** The one error shape of the whole API (HttpErrorFilter), described for the console's generated client. */
export class ErrorBodyDto implements ErrorBody {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'validation', description: 'validation, unauthenticated, forbidden, not_found, conflict, gone, …' })
  error: string;
  @ApiProperty({ example: 'Some fields are not valid' }) message: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    description: 'messages per field (dotted paths for nested ones), for a validation error',
  })
  fields?: Record<string, string[]>;
  @ApiPropertyOptional({ type: ExpiredLinkDto, description: 'for a personal link whose forum is over (410 gone)' })
  expiredLink?: ExpiredLinkDto;
  @ApiProperty({ description: 'the request id, as in the server log' }) correlationId: string;
}
