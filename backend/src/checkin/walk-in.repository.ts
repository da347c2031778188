import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Attendee } from '../attendees/attendee.entity';
import type { Tx } from '../database/transactions';

export type NewWalkInAttendee = Pick<
  Attendee,
  'forumId' | 'memberId' | 'firstName' | 'lastName' | 'countryCode' | 'region' | 'badgeNumber' | 'needs'
>;

/** Attendee rows a walk-in reads and writes (the attendees module has no door-side writer). */
@Injectable()
export class WalkInRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async badgeOfMember(forumId: string, memberId: string): Promise<number | null> {
    const [row] = (await this.dataSource.query('SELECT badgeNumber FROM attendees WHERE forumId = ? AND memberId = ?', [
      forumId,
      memberId,
    ])) as { badgeNumber: number }[];
    return row ? Number(row.badgeNumber) : null;
  }

  async attendeeByCheckInNonce(nonce: string): Promise<{ id: string; badgeNumber: number; badgeVersion: number } | null> {
    const [row] = (await this.dataSource.query(
      `SELECT a.id, a.badgeNumber, a.badgeVersion FROM check_ins c JOIN attendees a ON a.id = c.attendeeId
       WHERE c.nonce = ? AND c.method = 'walk_in'`,
      [nonce],
    )) as { id: string; badgeNumber: number; badgeVersion: number }[];
    return row ? { id: row.id, badgeNumber: Number(row.badgeNumber), badgeVersion: Number(row.badgeVersion) } : null;
  }

  async insertAttendee(attendee: NewWalkInAttendee, tx: Tx): Promise<Attendee> {
    const repo = tx.manager.getRepository(Attendee);
    const row = repo.create({
      ...attendee,
      role: 'attendee',
      invitationId: null,
      badgeVersion: 1,
      badgeRevoked: false,
      status: 'confirmed',
    });
    await repo.insert(row);
    return row;
  }
}
