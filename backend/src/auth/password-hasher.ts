import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** argon2id behind a small adapter; a fixed dummy hash keeps sign-in timing equal for unknown emails. */
@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  verify(hash: string, password: string): Promise<boolean> {
    return argon2.verify(hash, password).catch(() => false);
  }

  async verifyAgainstNothing(password: string): Promise<false> {
    this.dummyHash ??= this.hash('not-a-real-password-at-all');
    await this.verify(await this.dummyHash, password);
    return false;
  }
}
