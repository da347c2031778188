import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transactions';
import { ForumsService } from '../forums/forums.service';
import { OutboxService } from '../mail/outbox.service';
import {
  type MemberDataHolder,
  HoldsMemberData,
  type MemberDataRows,
  type MemberDataSubject,
} from '../register/member-data-holders';
import { NominationMemberDataRepository } from './nomination-member-data.repository';
import type { Nomination } from './nomination.entity';

/**
 * A member's nominations in their data copy and their erasure: as nominee (what was said about
 * them) and as nominator (the name and contacts they gave). The emails about a nomination sent to
 * the other person name them too: those copies are scrubbed through the outbox.
 */
@Injectable()
@HoldsMemberData()
export class NominationMemberData implements MemberDataHolder {
  readonly key = 'nominations';

  constructor(
    private readonly nominations: NominationMemberDataRepository,
    private readonly forums: ForumsService,
    private readonly outbox: OutboxService,
  ) {}

  async exportFor(subject: MemberDataSubject, tx?: Tx): Promise<MemberDataRows> {
    const { asNominee, asNominator } = await this.find(subject, tx);
    const forums = new Map((await this.forums.list()).map((f) => [f.id, f.name]));
    const ids = asNominee.map((n) => n.id);
    const [reviews, history] = await Promise.all([this.nominations.reviews(ids, tx), this.nominations.history(ids, tx)]);
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    const common = (n: Nomination) => ({
      forum: forums.get(n.forumId) ?? n.forumId,
      submittedAt: n.createdAt.toISOString(),
      category: n.category,
      topic: n.topic,
      summary: n.summary,
      status: n.status,
    });
    return [
      ...asNominee.map((n) => ({
        as: 'nominee',
        ...common(n),
        nominatedBy: n.nominatorKind,
        biography: n.nomineeBio,
        contactConsentAt: iso(n.nomineeContactConsentAt),
        publishConsentAt: iso(n.nomineePublishConsentAt),
        confirmedAt: iso(n.confirmedAt),
        reviewComments: reviews.filter((r) => r.nominationId === n.id && r.comment).map((r) => r.comment),
        history: history
          .filter((h) => h.nominationId === n.id)
          .map((h) => ({ at: h.at.toISOString(), status: h.toStatus, note: h.note })),
      })),
      ...asNominator.map((n) => ({
        as: 'nominator',
        ...common(n),
        yourName: n.nominatorName,
        yourEmail: n.nominatorEmail,
        yourPhone: n.nominatorPhone,
      })),
    ];
  }

  async erase(tx: Tx, subject: MemberDataSubject): Promise<number> {
    const { asNominee, asNominator } = await this.find(subject, tx);
    await this.nominations.eraseNominee(
      asNominee.map((n) => n.id),
      tx,
    );
    await this.nominations.eraseNominator(
      asNominator.map((n) => n.id),
      tx,
    );
    // The acknowledgement to a nominator names the nominee; the note to a nominee names the nominator.
    const keys = [...asNominee, ...asNominator].flatMap((n) => [`nomination-received:${n.id}`, `nomination-nominated:${n.id}`]);
    await this.outbox.eraseMessages(keys, tx);
    return asNominee.length + asNominator.length;
  }

  private async find(subject: MemberDataSubject, tx?: Tx) {
    const phones = [subject.phone, subject.whatsapp].filter((p): p is string => !!p);
    const [asNominee, byContacts] = await Promise.all([
      this.nominations.asNominee(subject.id, tx),
      this.nominations.asNominator(subject.email, phones, tx),
    ]);
    return { asNominee, asNominator: byContacts.filter((n) => n.memberId !== subject.id) };
  }
}
