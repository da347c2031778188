import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transactions';

/**
 * A module above the register that keeps data about members (the outreach log). The register's
 * merge, data export and erasure must reach that data, but the register cannot import the module
 * (it depends on the register): the module registers itself here instead, and its own service
 * does the work on its own tables.
 */
export interface MemberDataHolder {
  /** The section of a member's data export, and the name a merge's history counts moves under (`<key>Moved`). */
  readonly key: string;
  /** Moves a merged member's data to the kept member, inside the merge's transaction; how many rows moved. */
  reassign(tx: Tx, fromMemberId: string, toMemberId: string): Promise<number>;
  /** What is held about the member, for their copy of their data. */
  exportFor(memberId: string): Promise<unknown[]>;
  /** Removes what identifies or describes the member, inside the erasure's transaction; the rows may stay for counts. */
  erase(tx: Tx, memberId: string): Promise<void>;
}

/** The holders that registered (each module above the register registers in its service's constructor). */
@Injectable()
export class MemberDataHolders {
  private readonly holders: MemberDataHolder[] = [];

  add(holder: MemberDataHolder): void {
    this.holders.push(holder);
  }

  all(): readonly MemberDataHolder[] {
    return this.holders;
  }
}
