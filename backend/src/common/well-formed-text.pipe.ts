import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import type { FieldErrors } from './domain-error';
import { DomainError } from './domain-error';

export const NOT_UNICODE = 'must be valid Unicode text';

/**
 * Refuses text that is not well-formed Unicode (a lone surrogate such as "\ud800", which JSON can
 * carry) anywhere in a body, query or path parameter, before validation: such a string breaks
 * encodeURIComponent in class-validator's checks and cannot be stored as utf8mb4. Field messages
 * use the same dotted paths as validation errors.
 */
@Injectable()
export class WellFormedTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const fields: FieldErrors = {};
    collect(value, metadata.type === 'body' ? '' : (metadata.data ?? ''), fields);
    if (Object.keys(fields).length) throw DomainError.validation(fields);
    return value;
  }
}

function collect(value: unknown, path: string, fields: FieldErrors): void {
  if (typeof value === 'string') {
    if (!value.isWellFormed()) fields[path || 'body'] = [NOT_UNICODE];
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => collect(item, join(path, String(i)), fields));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!key.isWellFormed()) fields[path || 'body'] = [NOT_UNICODE];
      else collect(item, join(path, key), fields);
    }
  }
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
