/** Every error a service raises on purpose; the HTTP filter maps the kind once. */
/** `device_revoked` is a 401 that tells a door device an organiser signed it out: it clears its local data. */
export type DomainErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'device_revoked'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'rate_limited'
  | 'unavailable'
  | 'unsupported_media_type';

export type FieldErrors = Record<string, string[]>;

export interface ExpiredLinkDetails {
  /** The member's language, so the page answers in it. */
  locale: 'en' | 'st';
  /** How to reach the directorate (settings DIRECTORATE_EMAIL, DIRECTORATE_PHONE). */
  contactEmail: string | null;
  contactPhone: string | null;
}

export class DomainError extends Error {
  constructor(
    public readonly kind: DomainErrorKind,
    message: string,
    public readonly fields?: FieldErrors,
    /** For rate_limited and unavailable: seconds until a retry may succeed, sent as Retry-After. */
    public readonly retryAfterSeconds?: number,
    /** For a personal link whose forum is over (410): what the member's page needs to say so. */
    public readonly expiredLink?: ExpiredLinkDetails,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static validation(fields: FieldErrors, message = 'Some fields are not valid'): DomainError {
    return new DomainError('validation', message, fields);
  }
  static notFound(what: string): DomainError {
    return new DomainError('not_found', `${what} not found`);
  }
  static conflict(message: string, fields?: FieldErrors): DomainError {
    return new DomainError('conflict', message, fields);
  }
  static forbidden(message = 'You are not allowed to do this'): DomainError {
    return new DomainError('forbidden', message);
  }
  /** 503: the request was fine but could not be done now (a lock held too long); nothing was written. */
  static unavailable(message: string, retryAfterSeconds: number): DomainError {
    return new DomainError('unavailable', message, undefined, retryAfterSeconds);
  }
  static rateLimited(message: string, retryAfterSeconds: number): DomainError {
    return new DomainError('rate_limited', message, undefined, retryAfterSeconds);
  }
  static unauthenticated(message = 'Sign in first'): DomainError {
    return new DomainError('unauthenticated', message);
  }
}
