import { ApiProperty } from '@nestjs/swagger';
import { type StaffRole, staffRoles } from '../../auth/staff-roles';
import { sessionKinds } from '../agenda.constants';

export class RoomDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() position: number;
}

export class SessionDto {
  @ApiProperty() id: string;
  @ApiProperty() roomId: string;
  @ApiProperty({ enum: sessionKinds, enumName: 'SessionKind' }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) abstract: string | null;
  @ApiProperty({ description: 'forum day, YYYY-MM-DD (forum timezone)' }) day: string;
  @ApiProperty({ description: 'HH:mm, forum timezone' }) start: string;
  @ApiProperty({ description: 'HH:mm, forum timezone' }) end: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() published: boolean;
  @ApiProperty({ type: [String] }) presenterIds: string[];
}

export class PresenterDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) memberId: string | null;
  @ApiProperty({ type: String, nullable: true }) userId: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) affiliation: string | null;
  @ApiProperty({ type: String, nullable: true }) bio: string | null;
  @ApiProperty({ description: 'consent recorded by an organiser' }) publishConsent: boolean;
}

export class AgendaForumDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty() venue: string;
  @ApiProperty() timezone: string;
  @ApiProperty({ type: [String] }) days: string[];
}

export class AgendaEditorDto {
  @ApiProperty({ type: AgendaForumDto }) forum: AgendaForumDto;
  @ApiProperty({ type: [RoomDto] }) rooms: RoomDto[];
  @ApiProperty({ type: [SessionDto] }) sessions: SessionDto[];
  @ApiProperty({ type: [PresenterDto] }) presenters: PresenterDto[];
}

export class NomineeCandidateDto {
  @ApiProperty() memberId: string;
  @ApiProperty() name: string;
  @ApiProperty() topic: string;
  @ApiProperty() confirmed: boolean;
  @ApiProperty() publishConsent: boolean;
}

export class StaffCandidateDto {
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: staffRoles, enumName: 'StaffRole' }) role: StaffRole;
}

export class PresenterCandidatesDto {
  @ApiProperty({ type: [NomineeCandidateDto] }) nominees: NomineeCandidateDto[];
  @ApiProperty({ type: [StaffCandidateDto] }) staff: StaffCandidateDto[];
}

export class PublishResultDto {
  @ApiProperty({ description: 'sessions whose state changed' }) changed: number;
}

export class PublicPresenterDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) affiliation: string | null;
  @ApiProperty({ type: String, nullable: true }) bio: string | null;
}

export class PublicSessionDto {
  @ApiProperty() id: string;
  @ApiProperty() roomId: string;
  @ApiProperty() room: string;
  @ApiProperty({ enum: sessionKinds, enumName: 'SessionKind' }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) abstract: string | null;
  @ApiProperty() day: string;
  @ApiProperty() start: string;
  @ApiProperty() end: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ type: [PublicPresenterDto] }) presenters: PublicPresenterDto[];
}

export class PublicForumDto {
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty() venue: string;
  @ApiProperty() timezone: string;
  @ApiProperty({ type: [String] }) days: string[];
}

export class PublicAgendaDto {
  @ApiProperty({ type: PublicForumDto }) forum: PublicForumDto;
  @ApiProperty({ type: [RoomDto] }) rooms: RoomDto[];
  @ApiProperty({ type: [PublicSessionDto] }) sessions: PublicSessionDto[];
}

export class PublicPresenterProfileDto {
  @ApiProperty({ type: PublicForumDto }) forum: PublicForumDto;
  @ApiProperty({ type: PublicPresenterDto }) presenter: PublicPresenterDto;
  @ApiProperty({ type: [PublicSessionDto] }) sessions: PublicSessionDto[];
}
