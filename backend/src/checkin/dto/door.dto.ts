import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsISO8601,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { type ForumStatus, forumStatuses } from '../../forums/forum.constants';
import { type Language, languages } from '../../register/register.constants';
import { type CheckInResult, checkInResults } from '../check-in.entity';
import type { DoorTuple } from '../door-data.service';

const calendarDate = /^\d{4}-\d{2}-\d{2}$/;

/** A check-in's limits: the DTO's decorators and the live-scan gate (live-scan.ts) read the same ones. */
export const checkInRules = {
  calendarDate,
  nonce: { min: 8, max: 64 },
  door: { min: 1, max: 60 },
  maxBadgeNumber: 16_777_215,
  maxBadgeVersion: 65_535,
} as const;

export class DoorDayQueryDto {
  @ApiProperty({ example: '2027-04-08', description: 'a forum day (YYYY-MM-DD)' })
  @Matches(calendarDate, { message: 'use the form YYYY-MM-DD' })
  day: string;
}

export class DoorListQueryDto {
  @ApiPropertyOptional({ example: '2027-04-08', description: 'one forum day; without it, a tick box for each day you work' })
  @IsOptional()
  @Matches(calendarDate, { message: 'use the form YYYY-MM-DD' })
  day?: string;
}

export class DoorDeviceReportDto {
  @ApiProperty({ example: 'Main gate', description: "the door's name given on this device" })
  @IsString()
  @Length(checkInRules.door.min, checkInRules.door.max, { message: 'use $constraint1 to $constraint2 characters' })
  deviceName: string;

  @ApiProperty({ description: 'check-ins waiting on the device' })
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(1_000_000)
  waitingCount: number;

  @ApiProperty({ description: 'check-ins the server refused, set aside on the device' })
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(1_000_000)
  setAsideCount: number;
}

export class DoorForumDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() venue: string;
  @ApiProperty() timezone: string;
  @ApiProperty({ type: [String] }) days: string[];
  @ApiProperty({ enum: forumStatuses, enumName: 'ForumStatus' }) status: ForumStatus;
}

export class DoorDataForumDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'first 8 hex digits of the forum id, as in the badge code' }) tag: string;
  @ApiProperty() timezone: string;
  @ApiProperty({ type: [String] }) days: string[];
}

const nullable = <T extends object>(schema: T) => ({ ...schema, nullable: true });

/**
 * One attendee of the door data as a JSON Schema tuple (`prefixItems`): a tuple keeps 10,000 of them
 * small on the wire, and the console's client is generated with exactly this type. `items: {}` is
 * what an OpenAPI 3.0 reader that knows no `prefixItems` sees. Keep it in step with `DoorTuple`.
 */
export const doorTupleSchema = {
  type: 'array' as const,
  minItems: 12,
  maxItems: 12,
  items: {},
  prefixItems: [
    { type: 'integer', title: 'badgeNumber' },
    { type: 'integer', title: 'badgeVersion' },
    { $ref: '#/components/schemas/AttendeeRole' },
    { type: 'string', title: 'firstName' },
    { type: 'string', title: 'lastName' },
    nullable({ type: 'string', title: 'countryCode', description: 'always null: not sent to doors' }),
    nullable({ type: 'string', title: 'region', description: 'always null: not sent to doors' }),
    nullable({
      type: 'array',
      title: 'needs',
      description: 'need flags (AccessibilityNeed), never free text',
      items: { type: 'string' },
    }),
    { type: 'integer', enum: [0, 1], title: 'revoked' },
    nullable({
      type: 'string',
      title: 'phoneTail',
      description: 'last 4 digits of the phone, for search; only when the forum enables search by phone',
    }),
    nullable({
      type: 'array',
      title: 'checkedIn',
      description: "that day's admission: [scannedAt, door]",
      minItems: 2,
      maxItems: 2,
      items: { type: 'string' },
      prefixItems: [{ type: 'string', format: 'date-time' }, { type: 'string' }],
    }),
    { type: 'integer', enum: [0, 1], title: 'comesThisDay', description: '0: the invitee chose other days' },
  ],
};

export class DoorDataDto {
  @ApiProperty({ type: DoorDataForumDto }) forum: DoorDataForumDto;
  @ApiProperty() day: string;
  @ApiProperty({ description: 'raw Ed25519 public key, base64url' }) publicKey: string;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({
    description:
      'one tuple per attendee: [badgeNumber, badgeVersion, role, firstName, lastName, countryCode|null, region|null, ' +
      'needs|null, revoked 0|1, phoneTail|null, checkedIn [scannedAtIso, door]|null, comesThisDay 0|1 (0: the invitee chose other days)]',
    type: 'array',
    items: doorTupleSchema,
  })
  attendees: DoorTuple[];
}

export class CheckInItemDto {
  @ApiProperty({ description: 'made by the door device per scan (8–64 characters)' })
  @IsString()
  @Length(checkInRules.nonce.min, checkInRules.nonce.max, { message: 'use $constraint1 to $constraint2 characters' })
  nonce: string;

  @ApiProperty() @IsInt({ message: 'must be a whole number' }) @Min(1) @Max(checkInRules.maxBadgeNumber) badgeNumber: number;

  @ApiProperty({ type: Number, nullable: true, description: 'null for a manual check-in' })
  @ValidateIf((_, v) => v !== null)
  @IsInt({ message: 'must be a whole number or null' })
  @Min(0)
  @Max(checkInRules.maxBadgeVersion)
  badgeVersion: number | null;

  @ApiProperty({ example: '2027-04-08' }) @Matches(calendarDate, { message: 'use the form YYYY-MM-DD' }) day: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true }, { message: 'use an ISO 8601 date and time' })
  scannedAt: string;

  @ApiProperty({ example: 'Main gate' })
  @IsString()
  @Length(checkInRules.door.min, checkInRules.door.max, { message: 'use $constraint1 to $constraint2 characters' })
  door: string;

  @ApiProperty({ enum: ['scan', 'manual'], enumName: 'DoorCheckInMethod' })
  @IsIn(['scan', 'manual'], { message: 'must be scan or manual' })
  method: 'scan' | 'manual';

  @ApiProperty({ description: 'decided offline and sent later' })
  @IsBoolean({ message: 'must be true or false' })
  offline: boolean;

  @ApiPropertyOptional({
    description:
      'door staff admit against the verdict ("already checked in" or "other day"), saying why; never admits a revoked badge',
    minLength: 3,
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @Matches(/(\S.*){3}/s, { message: 'say why, in at least 3 characters' })
  @MaxLength(200, { message: 'use at most $constraint1 characters' })
  overrideReason?: string;
}

export class CheckInBatchDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description: "the device's clock when it sent the batch: scan times are corrected by its offset from the server's",
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a date and time' })
  sentAt?: string;

  @ApiProperty({ type: [CheckInItemDto] })
  @IsArray()
  @ArrayMinSize(1, { message: 'send at least one check-in' })
  @ArrayMaxSize(500, { message: 'send at most 500 check-ins at once' })
  // ValidateNested lets an array in the list through unchecked: each check-in must be an object.
  @IsObject({ each: true, message: 'each check-in must be an object' })
  @ValidateNested({ each: true })
  @Type(() => CheckInItemDto)
  checkIns: CheckInItemDto[];
}

export class AdmissionDto {
  @ApiProperty({ format: 'date-time' }) scannedAt: string;
  @ApiProperty() door: string;
  @ApiProperty() staffName: string;
}

export class CheckInOutcomeDto {
  @ApiProperty() nonce: string;
  @ApiProperty({ enum: checkInResults, enumName: 'CheckInResult' }) result: CheckInResult;
  @ApiProperty({ type: AdmissionDto, nullable: true, description: 'the first admission, when the result is duplicate' })
  admission: AdmissionDto | null;
}

export class CheckInResultsDto {
  @ApiProperty({ type: [CheckInOutcomeDto] }) results: CheckInOutcomeDto[];
}

export class WalkInDto {
  @ApiProperty() @IsString() @Length(8, 64, { message: 'use 8 to 64 characters' }) nonce: string;
  @ApiProperty({ example: '2027-04-08' }) @Matches(calendarDate, { message: 'use the form YYYY-MM-DD' }) day: string;
  @ApiProperty() @IsString() @Length(1, 60, { message: 'use 1 to 60 characters' }) door: string;
  @ApiProperty() @IsString() @MaxLength(80, { message: 'use at most $constraint1 characters' }) firstName: string;
  @ApiProperty() @IsString() @MaxLength(80, { message: 'use at most $constraint1 characters' }) lastName: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(254) email?: string;
  @ApiPropertyOptional({ description: 'with the country code, e.g. +27 82 123 4567' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  phone?: string;
  @ApiProperty({ example: 'ZA' })
  @IsISO31661Alpha2({ message: 'use a two-letter country code such as ZA, GB or US' })
  countryCode: string;
  @ApiPropertyOptional({ description: 'the province for ZA' }) @IsOptional() @IsString() @MaxLength(80) region?: string;
  @ApiProperty({ enum: languages, enumName: 'Language' })
  @IsIn(languages, { message: 'must be en or st' })
  preferredLanguage: Language;
  @ApiProperty({ description: 'must be true: the person agreed to join the register' })
  @Equals(true, { message: 'the person must agree to join the register' })
  consent: boolean;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  needs?: string[];
}

export class WalkInResultDto {
  @ApiProperty({ ...doorTupleSchema, description: 'the walk-in as one door data tuple' }) attendee: DoorTuple;
  @ApiProperty({ description: "the new badge's QR text" }) qrText: string;
}
