import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transactions';
import { ForumsService } from '../forums/forums.service';
import {
  type MemberDataHolder,
  HoldsMemberData,
  type MemberDataRows,
  type MemberDataSubject,
} from '../register/member-data-holders';
import { PresenterMemberDataRepository } from './presenter-member-data.repository';

/** A member's presenter profiles (name, affiliation, biography) in their data copy, and their erasure. */
@Injectable()
@HoldsMemberData()
export class PresenterMemberData implements MemberDataHolder {
  readonly key = 'presenterProfiles';

  constructor(
    private readonly presenters: PresenterMemberDataRepository,
    private readonly forums: ForumsService,
  ) {}

  async exportFor(subject: MemberDataSubject, tx?: Tx): Promise<MemberDataRows> {
    const profiles = await this.presenters.profiles(subject.id, tx);
    const [titles, forums] = await Promise.all([
      this.presenters.sessionTitles(
        profiles.map((p) => p.id),
        tx,
      ),
      this.forums.list(),
    ]);
    const names = new Map(forums.map((f) => [f.id, f.name]));
    return profiles.map((p) => ({
      forum: names.get(p.forumId) ?? p.forumId,
      name: p.name,
      affiliation: p.affiliation,
      biography: p.bio,
      publishConsentAt: p.publishConsentAt?.toISOString() ?? null,
      sessions: titles.get(p.id) ?? [],
    }));
  }

  erase(tx: Tx, subject: MemberDataSubject): Promise<number> {
    return this.presenters.deIdentify(subject.id, tx);
  }
}
