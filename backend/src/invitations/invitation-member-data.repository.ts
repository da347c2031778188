import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In, IsNull, Like } from 'typeorm';
import type { Tx } from '../database/transactions';
import { Campaign } from './campaign.entity';
import { InvitationToken } from './invitation-token.entity';
import { Invitation } from './invitation.entity';

/** A member's invitations, links and one-person campaigns, for their data copy and erasure. */
@Injectable()
export class InvitationMemberDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: Tx) {
    return tx?.manager ?? this.dataSource.manager;
  }

  forMember(memberId: string, tx?: Tx): Promise<Invitation[]> {
    return this.manager(tx)
      .getRepository(Invitation)
      .find({ where: { memberId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /**
   * The answers a person typed or ticked go (needs, notes, where they come from, why they declined),
   * and every link dies; the response, days and place stay for the forum's counts.
   */
  async deIdentify(memberId: string, at: Date, tx: Tx): Promise<number> {
    const invitations = tx.manager.getRepository(Invitation);
    const ids = (await this.forMember(memberId, tx)).map((i) => i.id);
    if (!ids.length) return 0;
    await invitations.update(
      { memberId },
      {
        dietary: null,
        dietaryNote: null,
        accessibility: null,
        accessibilityNote: null,
        arrivalCity: null,
        declineReason: null,
      },
    );
    await invitations.update({ memberId, revokedAt: IsNull() }, { revokedAt: at });
    await tx.manager.getRepository(InvitationToken).delete({ invitationId: In(ids) });
    return ids.length;
  }

  /** Campaigns made for this member alone (the console names them after the person). */
  async singleMemberCampaigns(memberId: string, tx?: Tx): Promise<Campaign[]> {
    const candidates = await this.manager(tx)
      .getRepository(Campaign)
      .find({ where: { audience: Like(`%${memberId}%`) } });
    return candidates.filter((c) => c.audience.memberIds?.length === 1 && c.audience.memberIds[0] === memberId);
  }

  async renameCampaigns(ids: string[], name: string, tx: Tx): Promise<void> {
    if (ids.length) await tx.manager.getRepository(Campaign).update({ id: In(ids) }, { name });
  }
}
