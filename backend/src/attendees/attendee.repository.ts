import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Tx } from '../database/transactions';
import { Attendee } from './attendee.entity';

@Injectable()
export class AttendeeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(tx?: Tx) {
    return (tx?.manager ?? this.dataSource.manager).getRepository(Attendee);
  }

  findByInvitation(invitationId: string, tx?: Tx): Promise<Attendee | null> {
    return this.repo(tx).findOneBy({ invitationId });
  }

  save(attendee: Partial<Attendee>, tx?: Tx): Promise<Attendee> {
    const repo = this.repo(tx);
    return repo.save(repo.create(attendee));
  }

  listForForum(forumId: string): Promise<Attendee[]> {
    return this.repo().find({ where: { forumId }, order: { lastName: 'ASC', firstName: 'ASC' } });
  }
}
