import { AgendaPresenter } from './agenda/agenda-presenter.entity';
import { AgendaRoom } from './agenda/agenda-room.entity';
import { AgendaSession } from './agenda/agenda-session.entity';
import { SessionPresenter } from './agenda/session-presenter.entity';
import { Attendee } from './attendees/attendee.entity';
import { BadgeKey } from './badges/badge-key.entity';
import { CheckIn } from './checkin/check-in.entity';
import { DoorAssignment } from './checkin/door-assignment.entity';
import { Session } from './auth/entities/session.entity';
import { SignInThrottleRow } from './auth/entities/sign-in-throttle.entity';
import { User } from './auth/entities/user.entity';
import { Forum } from './forums/forum.entity';
import { AuditEntry } from './logging/audit/audit-entry.entity';
import { Campaign } from './invitations/campaign.entity';
import { InvitationToken } from './invitations/invitation-token.entity';
import { Invitation } from './invitations/invitation.entity';
import { Message } from './mail/message.entity';
import { NominationReview } from './nominations/nomination-review.entity';
import { NominationStatusChange } from './nominations/nomination-status-change.entity';
import { Nomination } from './nominations/nomination.entity';
import { OutreachLog } from './outreach/outreach-log.entity';
import { ImportBatch } from './register/import/import-batch.entity';
import { ImportFileChunk } from './register/import/import-file-chunk.entity';
import { MemberEvent } from './register/member-event.entity';
import { MemberSector } from './register/member-sector.entity';
import { MemberToken } from './register/member-token.entity';
import { RegisterTarget } from './register/register-target.entity';
import { Segment } from './register/segments/segment.entity';
import { Member } from './register/member.entity';

import { ScheduledJob } from './retention/scheduled-job.entity';
/**
 * Every entity, for the tools that open a data source without Nest: the migration CLI
 * (cli/migration-data-source.ts) and the schema drift test (schema.spec.ts). The app itself does not
 * use this list: each module registers its own entities (TypeOrmModule.forFeature) and
 * autoLoadEntities collects them; schema.spec.ts checks that both give the same set. Listed by hand
 * because globs break between compiled code and the test runner.
 */
export const entities = [
  User,
  Session,
  SignInThrottleRow,
  Forum,
  Member,
  MemberSector,
  MemberEvent,
  MemberToken,
  ImportBatch,
  ImportFileChunk,
  Segment,
  RegisterTarget,
  OutreachLog,
  Message,
  Nomination,
  NominationReview,
  NominationStatusChange,
  AgendaRoom,
  AgendaSession,
  AgendaPresenter,
  SessionPresenter,
  Campaign,
  Invitation,
  InvitationToken,
  Attendee,
  BadgeKey,
  CheckIn,
  DoorAssignment,
  AuditEntry,
  ScheduledJob,
];
