import { Inject, Injectable } from '@nestjs/common';
import { fromZonedTime } from 'date-fns-tz';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Clock } from './clock';
import { DomainError } from './domain-error';

const DAY_MS = 86_400_000;

export const FORUM_OVER_MESSAGE =
  'This forum is over and its personal links no longer work. Contact the Diaspora Directorate if you need anything.';

/** The forum a personal link belongs to, as much of it as the lifetime needs. */
export interface LinkForum {
  endDate: string;
  timezone: string;
}

/**
 * How long a personal link works: until the end of its forum's last day (forum time), plus the
 * grace period (LINK_GRACE_DAYS, 30 by default). After that it answers 410 with what the member's
 * page needs to say, in their language, that the forum is over and how to reach the directorate.
 */
@Injectable()
export class LinkLifetime {
  constructor(
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'linkGraceDays' | 'directorate'>,
    private readonly clock: Clock,
  ) {}

  /** The first moment the forum's links no longer work. */
  endsAt(forum: LinkForum): Date {
    const dayAfterLast = fromZonedTime(`${forum.endDate}T00:00:00`, forum.timezone).getTime() + DAY_MS;
    return new Date(dayAfterLast + this.config.linkGraceDays * DAY_MS);
  }

  /** Throws the 410 when the forum's links have run out. */
  check(forum: LinkForum, locale: string | null | undefined): void {
    if (this.clock.now() >= this.endsAt(forum)) throw this.expired(locale);
  }

  /** The 410 for a personal link that is known but no longer works. */
  expired(locale: string | null | undefined, message = FORUM_OVER_MESSAGE): DomainError {
    return new DomainError('gone', message, undefined, undefined, {
      locale: locale === 'st' ? 'st' : 'en',
      contactEmail: this.config.directorate.email ?? null,
      contactPhone: this.config.directorate.phone ?? null,
    });
  }
}
