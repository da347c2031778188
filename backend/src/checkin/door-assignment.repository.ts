import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Tx } from '../database/transactions';
import { DoorAssignment } from './door-assignment.entity';

export interface Assignment {
  forumId: string;
  /** null: every day of the forum. */
  days: string[] | null;
}

@Injectable()
export class DoorAssignmentRepository {
  constructor(@InjectRepository(DoorAssignment) private readonly assignments: Repository<DoorAssignment>) {}

  async forUser(userId: string): Promise<Assignment[]> {
    const rows = await this.assignments.find({ where: { userId }, order: { createdAt: 'ASC' } });
    return rows.map((r) => ({ forumId: r.forumId, days: r.days }));
  }

  async all(): Promise<(Assignment & { userId: string })[]> {
    const rows = await this.assignments.find({ order: { createdAt: 'ASC' } });
    return rows.map((r) => ({ userId: r.userId, forumId: r.forumId, days: r.days }));
  }

  /** The user's assignments become exactly these. */
  async replace(userId: string, assignments: Assignment[], tx: Tx): Promise<void> {
    const repo = tx.manager.getRepository(DoorAssignment);
    await repo.delete({ userId });
    if (assignments.length) await repo.insert(assignments.map((a) => repo.create({ userId, ...a })));
  }
}
