import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BadgeKey } from './badge-key.entity';

/** The forums' stored key pairs (the private key only ever in its wrapped form). */
@Injectable()
export class BadgeKeyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(forumId: string): Promise<BadgeKey | null> {
    return this.dataSource.getRepository(BadgeKey).findOneBy({ forumId });
  }

  /** Stores the forum's key unless one is there already (another process made it at the same moment): the first stays. */
  async insertIfAbsent(key: Pick<BadgeKey, 'forumId' | 'publicKey' | 'encryptedPrivateKey'>): Promise<BadgeKey> {
    const repo = this.dataSource.getRepository(BadgeKey);
    await repo.createQueryBuilder().insert().values(repo.create(key)).orIgnore().execute();
    return repo.findOneByOrFail({ forumId: key.forumId });
  }
}
