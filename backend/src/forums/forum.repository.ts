import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Not, Repository } from 'typeorm';
import { Forum, type ForumStatus } from './forum.entity';

export type NewForum = Omit<Forum, 'id' | 'createdAt' | 'updatedAt'>;

@Injectable()
export class ForumRepository {
  constructor(@InjectRepository(Forum) private readonly forums: Repository<Forum>) {}

  list(): Promise<Forum[]> {
    return this.forums.find({ order: { startDate: 'DESC', name: 'ASC' } });
  }

  findById(id: string): Promise<Forum | null> {
    return this.forums.findOneBy({ id });
  }

  async slugTaken(slug: string, exceptId?: string): Promise<boolean> {
    return (await this.forums.countBy(exceptId ? { slug, id: Not(exceptId) } : { slug })) > 0;
  }

  findOtherWithStatus(status: ForumStatus, exceptId?: string): Promise<Forum | null> {
    return this.forums.findOneBy(exceptId ? { status, id: Not(exceptId) } : { status });
  }

  create(forum: NewForum): Promise<Forum> {
    return this.forums.save(this.forums.create(forum));
  }

  save(forum: Forum): Promise<Forum> {
    return this.forums.save(forum);
  }

  async remove(forum: Forum): Promise<void> {
    await this.forums.remove(forum);
  }
}
