import { Session } from '../auth/entities/session.entity';
import { User } from '../auth/entities/user.entity';
import { Forum } from '../forums/forum.entity';
import { MemberSector } from '../register/member-sector.entity';
import { Member } from '../register/member.entity';

/** Every entity, listed by hand: globs break between compiled code and the test runner. */
export const entities = [User, Session, Forum, Member, MemberSector];
