import type { ValidationError } from '@nestjs/common';
import { ValidationPipe } from '@nestjs/common';
import { Max } from 'class-validator';
import type { FieldErrors } from './domain-error';
import { DomainError } from './domain-error';

/** Flattens nested class-validator errors into `{ "path.to.field": ["message"] }`. */
export function toFieldErrors(errors: ValidationError[], prefix = ''): FieldErrors {
  const fields: FieldErrors = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) fields[path] = Object.values(error.constraints);
    Object.assign(fields, toFieldErrors(error.children ?? [], path));
  }
  return fields;
}

export const validationPipe = new ValidationPipe({
  transform: true,
  whitelist: true,
  forbidNonWhitelisted: true,
  exceptionFactory: (errors) => DomainError.validation(toFieldErrors(errors)),
});

/**
 * For PartialType: a field left out is skipped, but a null is validated like any value, so
 * `{"consentUpdates": null}` is a 400 unless the full DTO itself allows null (@IsOptional).
 */
export const nullsValidated = { skipNullProperties: false } as const;

/**
 * The highest page number a list takes: a whole number like 1e308 passes @IsInt, and its offset is
 * more than any database accepts.
 */
export const MAX_PAGE = 1_000_000;
export const maxPage = () => Max(MAX_PAGE, { message: 'must be at most $constraint1' });
