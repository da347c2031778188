import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, IsNull, MoreThan } from 'typeorm';
import type { Tx } from '../../database/transactions';
import { MemberToken, type MemberTokenPurpose } from '../member-token.entity';

@Injectable()
export class MemberTokenRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(tx?: Tx) {
    return (tx?.manager ?? this.dataSource.manager).getRepository(MemberToken);
  }

  async create(token: Pick<MemberToken, 'memberId' | 'purpose' | 'tokenHash' | 'expiresAt'>, tx?: Tx): Promise<MemberToken> {
    const repo = this.repo(tx);
    const entity = repo.create({ ...token, usedAt: null });
    await repo.insert(entity);
    return entity;
  }

  /** The token if it exists, has this purpose, is not expired and (for one-time tokens) not used. */
  findUsable(tokenHash: string, purpose: MemberTokenPurpose, now: Date): Promise<MemberToken | null> {
    return this.repo().findOneBy({
      tokenHash,
      purpose,
      expiresAt: MoreThan(now),
      ...(purpose === 'confirm' ? { usedAt: IsNull() } : {}),
    });
  }

  /** The token whatever its state, to tell an expired link (410) from an unknown one (404). */
  findByHash(tokenHash: string, purpose: MemberTokenPurpose): Promise<MemberToken | null> {
    return this.repo().findOneBy({ tokenHash, purpose });
  }

  async markUsed(id: string, at: Date, tx?: Tx): Promise<boolean> {
    const result = await this.repo(tx).update({ id, usedAt: IsNull() }, { usedAt: at });
    return (result.affected ?? 0) > 0;
  }

  async deleteForMember(memberId: string, tx?: Tx): Promise<void> {
    await this.repo(tx).delete({ memberId });
  }
}
