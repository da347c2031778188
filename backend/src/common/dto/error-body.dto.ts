import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ErrorBody } from '../http-error.filter';

/** The one error shape of the whole API (HttpErrorFilter), described for the console's generated client. */
export class ErrorBodyDto implements ErrorBody {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'validation', description: 'validation, unauthenticated, forbidden, not_found, conflict, …' })
  error: string;
  @ApiProperty({ example: 'Some fields are not valid' }) message: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    description: 'messages per field (dotted paths for nested ones), for a validation error',
  })
  fields?: Record<string, string[]>;
  @ApiProperty({ description: 'the request id, as in the server log' }) correlationId: string;
}
