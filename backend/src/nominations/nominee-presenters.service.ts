import { Injectable } from '@nestjs/common';
import type { Nomination } from './nomination.entity';
import { NominationRepository, type NominationRow } from './nomination.repository';

/** What the agenda needs from nominations: who was accepted, and who agreed to a public profile. */
@Injectable()
export class NomineePresentersService {
  constructor(private readonly nominations: NominationRepository) {}

  accepted(forumId: string): Promise<NominationRow[]> {
    return this.nominations.list({ forumId, statuses: ['accepted'] });
  }

  /**
   * Whether each member agreed to a public profile, for members who were nominated for this forum
   * (absent: never nominated). Only an accepted nominee who said yes themself counts as consent.
   */
  async nomineeConsents(forumId: string, memberIds: string[]): Promise<Map<string, { consented: boolean; bio: string | null }>> {
    const nominations = await this.nominations.byMember(forumId, memberIds);
    return new Map(
      [...nominations].map(([memberId, n]: [string, Nomination]) => [
        memberId,
        { consented: n.status === 'accepted' && !!n.nomineePublishConsentAt, bio: n.nomineeBio },
      ]),
    );
  }
}
