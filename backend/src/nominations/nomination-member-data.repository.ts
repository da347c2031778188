import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In, IsNull, Not } from 'typeorm';
import type { Tx } from '../database/transactions';
import { NominationReview } from './nomination-review.entity';
import { NominationStatusChange } from './nomination-status-change.entity';
import { Nomination } from './nomination.entity';

/** Nominations of a member (as nominee) and by them (as nominator), for their data copy and erasure. */
@Injectable()
export class NominationMemberDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: Tx) {
    return tx?.manager ?? this.dataSource.manager;
  }

  asNominee(memberId: string, tx?: Tx): Promise<Nomination[]> {
    return this.manager(tx)
      .getRepository(Nomination)
      .find({ where: { memberId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /**
   * Nominations someone made by this email or phone (a nominator's contact is kept as typed, not as
   * a member id). Phones are compared on their last nine digits, as "082 123 4567" and "+27821234567" are one number.
   */
  async asNominator(email: string | null, phones: string[], tx?: Tx): Promise<Nomination[]> {
    const repo = this.manager(tx).getRepository(Nomination);
    const where = [
      ...(email ? [{ nominatorEmail: email.toLowerCase() }] : []),
      ...(phones.length ? [{ nominatorPhone: Not(IsNull()) }] : []),
    ];
    if (!where.length) return [];
    const tails = new Set(phones.map(phoneTail).filter((t) => t.length >= 7));
    const rows = await repo.find({ where, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.filter(
      (n) => (email && n.nominatorEmail === email.toLowerCase()) || (n.nominatorPhone && tails.has(phoneTail(n.nominatorPhone))),
    );
  }

  reviews(nominationIds: string[], tx?: Tx): Promise<NominationReview[]> {
    if (!nominationIds.length) return Promise.resolve([]);
    return this.manager(tx)
      .getRepository(NominationReview)
      .find({ where: { nominationId: In(nominationIds) }, order: { createdAt: 'ASC' } });
  }

  history(nominationIds: string[], tx?: Tx): Promise<NominationStatusChange[]> {
    if (!nominationIds.length) return Promise.resolve([]);
    return this.manager(tx)
      .getRepository(NominationStatusChange)
      .find({ where: { nominationId: In(nominationIds) }, order: { at: 'ASC', id: 'ASC' } });
  }

  /**
   * What describes the nominee goes: topic, summary, biography, the personal link, the reviewers'
   * comments and the notes of its history; category, status, dates and scores stay for the counts.
   */
  async eraseNominee(ids: string[], tx: Tx): Promise<void> {
    if (!ids.length) return;
    await tx.manager.getRepository(Nomination).update(
      { id: In(ids) },
      {
        topic: '',
        summary: '',
        nomineeBio: null,
        nomineePublishConsentAt: null,
        responseTokenHash: null,
        responseTokenExpiresAt: null,
      },
    );
    await tx.manager.getRepository(Nomination).update({ id: In(ids), nominatorKind: 'self' }, this.noNominator);
    await tx.manager.getRepository(NominationReview).update({ nominationId: In(ids) }, { comment: null });
    await tx.manager.getRepository(NominationStatusChange).update({ nominationId: In(ids) }, { note: null });
  }

  /** The nominator's name and contacts go; the nomination itself is about (and belongs to) its nominee. */
  async eraseNominator(ids: string[], tx: Tx): Promise<void> {
    if (!ids.length) return;
    await tx.manager.getRepository(Nomination).update({ id: In(ids) }, this.noNominator);
    // The submission's history line names whoever sent the public form.
    await tx.manager
      .getRepository(NominationStatusChange)
      .update({ nominationId: In(ids), actor: 'public' }, { actorName: 'Someone else (public form)' });
  }

  private readonly noNominator = { nominatorName: null, nominatorEmail: null, nominatorPhone: null };
}

function phoneTail(phone: string): string {
  return phone.replace(/\D/g, '').slice(-9);
}
