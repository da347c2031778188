import { Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { keyedProviders } from '../common/keyed-providers';
import type { Tx } from '../database/transactions';

/**
 * Who an export or an erasure is about: the member's id and, read before anything is erased, the
 * contacts other records may hold them by (a nomination keeps its nominator's email and phone as given).
 */
export interface MemberDataSubject {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  whatsapp: string | null;
  /** The import batch the member came from, if any. */
  sourceBatchId: string | null;
}

/** One section of a member's data copy: its rows, as the member may read them (no other person's data). */
export type MemberDataRows = Record<string, unknown>[];

/**
 * A module that keeps data about members (the outreach log, invitations, attendees, check-ins,
 * nominations, presenters, the import files). The register's merge, data export and erasure must
 * reach that data, but the register cannot import the modules above it: each marks its service
 * `@HoldsMemberData()` instead, and that service does the work on its own tables.
 */
export interface MemberDataHolder {
  /** The section of a member's data export (and its erasure preview), and the name a merge's history counts moves under (`<key>Moved`). */
  readonly key: string;
  /** Moves a merged member's data to the kept member, inside the merge's transaction; how many rows moved. Absent: a merge leaves the rows where they are. */
  reassign?(tx: Tx, fromMemberId: string, toMemberId: string): Promise<number>;
  /** What is held about the member, for their copy of their data (and, counted, for the erasure preview). */
  exportFor(subject: MemberDataSubject, tx?: Tx): Promise<MemberDataRows>;
  /**
   * Removes what identifies or describes the member, inside the erasure's transaction; the rows may
   * stay for counts (country, province, sectors, days, results). Returns how many rows it touched.
   */
  erase(tx: Tx, subject: MemberDataSubject): Promise<number>;
}

/** Marks a provider that implements MemberDataHolder, for MemberDataHolders to find. */
export const HoldsMemberData = DiscoveryService.createDecorator<void>();

/** The MemberDataHolder providers of every module, found once the application has started. */
@Injectable()
export class MemberDataHolders {
  private holders?: MemberDataHolder[];

  constructor(private readonly discovery: DiscoveryService) {}

  all(): readonly MemberDataHolder[] {
    return (this.holders ??= keyedProviders<MemberDataHolder>(this.discovery, HoldsMemberData));
  }
}
