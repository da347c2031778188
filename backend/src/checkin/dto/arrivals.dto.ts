import { ApiProperty } from '@nestjs/swagger';
import { type AttendeeRole, attendeeRoles } from '../../attendees/attendee.constants';

export class DayArrivalsDto {
  @ApiProperty() day: string;
  @ApiProperty() admitted: number;
  @ApiProperty({ description: 'confirmed attendees with a valid badge' }) expected: number;
}

export class RoleArrivalsDto {
  @ApiProperty() day: string;
  @ApiProperty({ enum: attendeeRoles, enumName: 'AttendeeRole' }) role: AttendeeRole;
  @ApiProperty() count: number;
}

export class CountryArrivalsDto {
  @ApiProperty() day: string;
  @ApiProperty({ type: String, nullable: true }) countryCode: string | null;
  @ApiProperty() count: number;
}

export class ProvinceArrivalsDto {
  @ApiProperty() day: string;
  @ApiProperty({ type: String, nullable: true }) region: string | null;
  @ApiProperty() count: number;
}

export class CurvePointDto {
  @ApiProperty() day: string;
  @ApiProperty({ format: 'date-time', description: 'start of a 15-minute bucket of scan times' }) at: string;
  @ApiProperty() count: number;
}

export class ArrivalsSummaryDto {
  @ApiProperty({ type: [DayArrivalsDto] }) days: DayArrivalsDto[];
  @ApiProperty({ type: [RoleArrivalsDto] }) byRole: RoleArrivalsDto[];
  @ApiProperty({ type: [CountryArrivalsDto] }) byCountry: CountryArrivalsDto[];
  @ApiProperty({ type: [ProvinceArrivalsDto], description: 'admissions of people living in South Africa' })
  byProvince: ProvinceArrivalsDto[];
  @ApiProperty({ type: [CurvePointDto] }) curve: CurvePointDto[];
  @ApiProperty({ description: 'duplicate scans recorded (see the conflict report)' }) conflicts: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ConflictAttendeeDto {
  @ApiProperty() id: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() badgeNumber: number;
}

export class ConflictAdmissionDto {
  @ApiProperty({ format: 'date-time' }) scannedAt: string;
  @ApiProperty() door: string;
  @ApiProperty() staffName: string;
  @ApiProperty() offline: boolean;
}

export class ConflictDuplicateDto extends ConflictAdmissionDto {
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ description: 'admitted by door staff against the verdict (an override)' }) forced: boolean;
  @ApiProperty({ type: String, nullable: true, description: "the override's reason, as door staff gave it" })
  reason: string | null;
  @ApiProperty({ description: 'the scan time is not on its forum day (forum time zone, with tolerance)' }) offDay: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'the device (session) that sent it' }) deviceId: string | null;
}

export const conflictKinds = ['duplicate', 'override', 'off_day'] as const;

export class ConflictDto {
  @ApiProperty({ enum: conflictKinds, enumName: 'ConflictKind' }) kind: (typeof conflictKinds)[number];
  @ApiProperty() day: string;
  @ApiProperty({ type: ConflictAttendeeDto }) attendee: ConflictAttendeeDto;
  @ApiProperty({
    type: ConflictAdmissionDto,
    nullable: true,
    description: 'the first admission, the one that reached the server first (null when it is this check-in)',
  })
  admission: ConflictAdmissionDto | null;
  @ApiProperty({ type: ConflictDuplicateDto, description: 'the check-in in question (for a duplicate, the later scan)' })
  duplicate: ConflictDuplicateDto;
}
