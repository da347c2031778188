import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { type StaffRole, User } from './entities/user.entity';

export type NewUser = Pick<User, 'email' | 'name' | 'passwordHash' | 'role' | 'countries'>;

@Injectable()
export class UserRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  async namesByIds(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const users = await this.users.find({ select: { id: true, name: true }, where: { id: In(ids) } });
    return new Map(users.map((u) => [u.id, u.name]));
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email });
  }

  list(): Promise<User[]> {
    return this.users.find({ order: { name: 'ASC' } });
  }

  count(): Promise<number> {
    return this.users.count();
  }

  countActive(role: StaffRole): Promise<number> {
    return this.users.countBy({ role, active: true });
  }

  create(user: NewUser): Promise<User> {
    return this.users.save(this.users.create({ ...user, active: true, lastSignInAt: null }));
  }

  save(user: User): Promise<User> {
    return this.users.save(user);
  }

  async touchSignIn(id: string, at: Date): Promise<void> {
    await this.users.update({ id }, { lastSignInAt: at });
  }
}
