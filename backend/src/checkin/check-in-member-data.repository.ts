import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import type { Tx } from '../database/transactions';
import { CheckIn } from './check-in.entity';

/** A member's check-ins for their data copy and erasure (the door's hot paths live in CheckInRepository). */
@Injectable()
export class CheckInMemberDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(tx?: Tx) {
    return (tx?.manager ?? this.dataSource.manager).getRepository(CheckIn);
  }

  forAttendees(attendeeIds: string[], tx?: Tx): Promise<CheckIn[]> {
    if (!attendeeIds.length) return Promise.resolve([]);
    return this.repo(tx).find({ where: { attendeeId: In(attendeeIds) }, order: { scannedAt: 'ASC', id: 'ASC' } });
  }

  /** Keeps day, result and times (the arrival counts) but not which door saw the person. */
  async deIdentify(attendeeIds: string[], tx: Tx): Promise<number> {
    if (!attendeeIds.length) return 0;
    const result = await this.repo(tx).update({ attendeeId: In(attendeeIds) }, { door: '' });
    return result.affected ?? 0;
  }
}
