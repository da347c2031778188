import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_TARGET } from '../dashboard.service';

export class DashboardQueryDto {
  @ApiPropertyOptional({ minimum: 4, maximum: 156, default: 26, description: 'weeks of growth to show' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(4, { message: 'must be at least 4' })
  @Max(156, { message: 'must be at most 156' })
  weeks?: number;
}

export class DashboardTotalsDto {
  @ApiProperty({ description: 'live members (not merged, not erased)' }) members: number;
  @ApiProperty({ type: Number, nullable: true }) target: number | null;
  @ApiProperty({ description: 'live members still to confirm their email' }) pendingConfirmation: number;
  @ApiProperty({ description: 'records merged into another (not counted as members)' }) merged: number;
  @ApiProperty({ description: 'members who erased their data (counted here only)' }) erased: number;
}

export class CountryCountDto {
  @ApiProperty() countryCode: string;
  @ApiProperty() members: number;
  @ApiProperty({ type: Number, nullable: true }) target: number | null;
}

export class ProvinceCountDto {
  @ApiProperty() province: string;
  @ApiProperty() members: number;
  @ApiProperty({ type: Number, nullable: true }) target: number | null;
}

export class ConsentCoverageDto {
  @ApiProperty({ description: 'live members who consented to forum invitations' }) invitations: number;
  @ApiProperty({ description: 'live members who consented to updates' }) updates: number;
  @ApiProperty() withEmail: number;
  @ApiProperty({ description: 'with a phone or WhatsApp number' }) withPhone: number;
}

export class WeekCountDto {
  @ApiProperty({ description: 'Monday starting the week (UTC), YYYY-MM-DD' }) weekStart: string;
  @ApiProperty() added: number;
  @ApiProperty() cumulative: number;
}

export class GrowthDto {
  @ApiProperty({ type: [WeekCountDto] }) weeks: WeekCountDto[];
  @ApiProperty({ type: Number, nullable: true }) target: number | null;
}

export class RegisterDashboardDto {
  @ApiProperty({ type: [String], nullable: true, description: 'countries covered; null for the whole register' })
  countries: string[] | null;
  @ApiProperty({ type: DashboardTotalsDto }) totals: DashboardTotalsDto;
  @ApiProperty({ type: [CountryCountDto] }) byCountry: CountryCountDto[];
  @ApiProperty({ type: [ProvinceCountDto], description: 'the nine SA provinces; empty when ZA is out of scope' })
  byProvince: ProvinceCountDto[];
  @ApiProperty({ description: 'South African members with no known province' }) provinceUnknown: number;
  @ApiProperty({ type: ConsentCoverageDto }) consent: ConsentCoverageDto;
  @ApiProperty({ type: GrowthDto }) growth: GrowthDto;
}

export class SetTargetDto {
  @ApiProperty({ minimum: 1, maximum: MAX_TARGET, example: 5000 })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(MAX_TARGET, { message: `must be at most ${MAX_TARGET}` })
  target: number;
}

export class RegisterTargetDto {
  @ApiProperty({ example: 'province:Gauteng', description: '"total", "country:<ISO code>" or "province:<SA province>"' })
  key: string;
  @ApiProperty() target: number;
}
