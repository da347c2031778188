import { Session } from '../auth/entities/session.entity';
import { User } from '../auth/entities/user.entity';
import { Forum } from '../forums/forum.entity';

/** Every entity, listed by hand: globs break between compiled code and the test runner. */
export const entities = [User, Session, Forum];
