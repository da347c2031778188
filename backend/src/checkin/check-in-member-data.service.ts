import { Injectable } from '@nestjs/common';
import { AttendeeMemberData } from '../attendees/attendee-member-data.service';
import type { Tx } from '../database/transactions';
import {
  type MemberDataHolder,
  HoldsMemberData,
  type MemberDataRows,
  type MemberDataSubject,
} from '../register/member-data-holders';
import { CheckInMemberDataRepository } from './check-in-member-data.repository';

/** A member's check-ins (through their attendee records) in their data copy, and their erasure. */
@Injectable()
@HoldsMemberData()
export class CheckInMemberData implements MemberDataHolder {
  readonly key = 'checkIns';

  constructor(
    private readonly checkIns: CheckInMemberDataRepository,
    private readonly attendees: AttendeeMemberData,
  ) {}

  async exportFor(subject: MemberDataSubject, tx?: Tx): Promise<MemberDataRows> {
    const rows = await this.checkIns.forAttendees(await this.attendees.attendeeIds(subject.id, tx), tx);
    return rows.map((c) => ({
      day: c.day,
      at: c.scannedAt.toISOString(),
      result: c.result,
      method: c.method,
      door: c.door,
      recordedOffline: c.offline,
    }));
  }

  async erase(tx: Tx, subject: MemberDataSubject): Promise<number> {
    return this.checkIns.deIdentify(await this.attendees.attendeeIds(subject.id, tx), tx);
  }
}
