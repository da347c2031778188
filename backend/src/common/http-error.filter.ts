import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, DomainErrorKind, type ExpiredLinkDetails, FieldErrors } from './domain-error';
import { domainErrorFromDriver } from './driver-errors';

const statusOf: Record<DomainErrorKind, number> = {
  validation: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  device_revoked: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  gone: HttpStatus.GONE,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
  unsupported_media_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
};

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  fields?: FieldErrors;
  expiredLink?: ExpiredLinkDetails;
  correlationId: string;
}

/** One JSON error shape for the whole API; unexpected errors are logged and never leak details. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const error = asDomainError(exception) ?? exception;
    const body = errorReply(error, http.getRequest<{ id?: unknown }>());
    const reply = http.getResponse<FastifyReply>();
    if (error instanceof DomainError && error.retryAfterSeconds !== undefined)
      void reply.header('retry-after', String(error.retryAfterSeconds));
    void reply.status(body.statusCode).send(body);
  }
}

const logger = new Logger('HttpError');

/** The answer to an error, as the whole API gives it (HttpErrorFilter, and the frontend's /api fallback). */
export function errorReply(exception: unknown, req: { id?: unknown }): ErrorBody {
  const correlationId = String(req.id ?? '');
  const body = toBody(asDomainError(exception) ?? exception, correlationId);
  if (body.statusCode >= 500) logger.error({ err: exception, correlationId }, 'Unhandled error');
  return body;
}

/** A DomainError as thrown, or the one a database refusal stands for (driver-errors.ts). */
function asDomainError(exception: unknown): DomainError | null {
  if (exception instanceof DomainError) return exception;
  if (exception instanceof HttpException) return null;
  const mapped = domainErrorFromDriver(exception);
  // A constraint that only the database caught is a check missing in a DTO or service: worth a line.
  if (mapped) logger.warn({ err: exception }, `Database refused a write: answered ${statusOf[mapped.kind]}`);
  return mapped;
}

function toBody(exception: unknown, correlationId: string): ErrorBody {
  if (exception instanceof DomainError) {
    const statusCode = statusOf[exception.kind];
    return {
      statusCode,
      error: exception.kind,
      message: exception.message,
      fields: exception.fields,
      ...(exception.expiredLink ? { expiredLink: exception.expiredLink } : {}),
      correlationId,
    };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? exception.message);
    return { statusCode, error: errorName(statusCode), message, correlationId };
  }
  return { statusCode: 500, error: 'internal', message: 'Something went wrong on our side', correlationId };
}

function errorName(status: number): string {
  const entry = Object.entries(statusOf).find(([, s]) => s === status);
  return entry ? entry[0] : status >= 500 ? 'internal' : 'bad_request';
}
