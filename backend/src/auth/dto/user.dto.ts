import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import type { AuthUser } from '../auth-user';
import { type StaffRole, staffRoles, User } from '../entities/user.entity';
import { nullsValidated } from '../../common/validation';

export class CreateUserDto {
  @ApiProperty({ example: 'registrar@example.org' })
  @IsEmail({}, { message: 'enter a valid email address' })
  @MaxLength(254, { message: 'use at most $constraint1 characters' })
  email: string;

  @ApiProperty({ example: 'Thabo Mokoena' })
  @IsString()
  @MinLength(1, { message: 'enter a name' })
  @MaxLength(120, { message: 'use at most $constraint1 characters' })
  name: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10, { message: 'use at least 10 characters' })
  @MaxLength(200, { message: 'use at most $constraint1 characters' })
  password: string;

  @ApiProperty({ enum: staffRoles, enumName: 'StaffRole' })
  @IsIn(staffRoles, { message: `must be one of: ${staffRoles.join(', ')}` })
  role: StaffRole;

  @ApiPropertyOptional({ type: [String], description: 'ISO 3166-1 alpha-2 codes (registrars only)', example: ['ZA'] })
  @IsOptional()
  @ArrayMaxSize(250)
  @IsISO31661Alpha2({ each: true, message: 'each country must be an ISO 3166-1 alpha-2 code such as ZA' })
  countries?: string[];
}

export class UpdateUserDto extends PartialType(
  PickType(CreateUserDto, ['name', 'password', 'role', 'countries'] as const),
  nullsValidated,
) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class AuthUserDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: staffRoles, enumName: 'StaffRole' }) role: StaffRole;
  @ApiProperty({ type: [String] }) countries: string[];
}

export class UserDto extends AuthUserDto {
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastSignInAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'while sign-in is locked after failed attempts: when the lock ends (an organiser may unlock sooner)',
  })
  lockedUntil: string | null;
}

export class SetupStatusDto {
  @ApiProperty({ description: 'true while no staff account exists yet' }) needsSetup: boolean;
}

export function mapAuthUser(user: AuthUser): AuthUserDto {
  return { id: user.id, email: user.email, name: user.name, role: user.role, countries: user.countries };
}

export function mapUser(user: User & { lockedUntil?: Date | null }): UserDto {
  return {
    ...mapAuthUser(user),
    active: user.active,
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    lockedUntil: user.lockedUntil?.toISOString() ?? null,
  };
}
