import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { sessionKinds } from '../agenda.constants';
import { nullsValidated } from '../../common/validation';

const text = (max: number) => MaxLength(max, { message: 'use at most $constraint1 characters' });
const clock = /^([01]\d|2[0-3]):[0-5]\d$/;

export class RoomInputDto {
  @ApiProperty({ example: 'Main Hall' }) @IsString() @MinLength(1, { message: 'enter a room name' }) @text(80) name: string;
}

export class RoomPatchDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1, { message: 'enter a room name' }) @text(80) name?: string;
  @ApiPropertyOptional({ description: 'left-to-right order' })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(1000)
  position?: number;
}

export class SessionInputDto {
  @ApiProperty() @IsUUID('all', { message: 'choose a room' }) roomId: string;
  @ApiProperty({ enum: sessionKinds, enumName: 'SessionKind' })
  @IsIn(sessionKinds, { message: `must be one of: ${sessionKinds.join(', ')}` })
  kind: (typeof sessionKinds)[number];
  @ApiProperty({ example: 'Opening plenary' }) @IsString() @MinLength(2, { message: 'enter a title' }) @text(200) title: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @text(2000) abstract?: string | null;
  @ApiProperty({ example: '2027-04-08', description: 'forum day, YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'use the form YYYY-MM-DD' })
  day: string;
  @ApiProperty({ example: '09:00', description: 'start, HH:mm in the forum’s timezone' })
  @Matches(clock, { message: 'use a time such as 09:30' })
  start: string;
  @ApiProperty({ example: '10:30', description: 'end, HH:mm in the forum’s timezone' })
  @Matches(clock, { message: 'use a time such as 10:30' })
  end: string;
  @ApiPropertyOptional({ type: [String], description: 'presenter ids, in speaking order' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20, { message: 'at most $constraint1 presenters' })
  @IsUUID('all', { each: true, message: 'choose presenters of this forum' })
  presenterIds?: string[];
}

export class SessionPatchDto extends PartialType(SessionInputDto, nullsValidated) {
  @ApiPropertyOptional({ description: 'publish (true) or take back to draft (false)' })
  @IsOptional()
  @IsBoolean()
  published?: boolean;
}

export class PresenterInputDto {
  @ApiPropertyOptional({ description: 'a register member (accepted nominee or any member)' })
  @IsOptional()
  @IsUUID('all', { message: 'choose a member' })
  memberId?: string;
  @ApiPropertyOptional({ description: 'a staff user' })
  @IsOptional()
  @IsUUID('all', { message: 'choose a staff user' })
  userId?: string;
  @ApiPropertyOptional({ description: 'a guest by name, or a display name' }) @IsOptional() @IsString() @text(160) name?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @text(160) affiliation?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @text(1000) bio?: string | null;
  @ApiPropertyOptional({ description: 'the presenter agreed to a public profile (recorded by you)' })
  @IsOptional()
  @IsBoolean()
  publishConsent?: boolean;
}

export class PresenterPatchDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @text(160) name?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @text(160) affiliation?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @text(1000) bio?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() publishConsent?: boolean;
}

export class PublishDto {
  @ApiProperty({ description: 'true: publish every draft session; false: take the whole agenda back to draft' })
  @IsBoolean()
  published: boolean;
}
