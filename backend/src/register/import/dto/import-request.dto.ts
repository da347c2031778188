import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsISO31661Alpha2, IsOptional, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';

const column = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, description }),
    IsOptional(),
    IsString({ message: 'choose a column' }),
    MaxLength(255, { message: 'use at most $constraint1 characters' }),
  );

/** Which column of the spreadsheet each field is read from; a field left out is not imported. */
export class ImportMappingDto {
  @column('first names') firstName?: string | null;
  @column('surnames') lastName?: string | null;
  @column('email addresses') email?: string | null;
  @column("phone numbers (any format; read with the row's country)") phone?: string | null;
  @column('WhatsApp numbers') whatsapp?: string | null;
  @column('country of residence: a name ("South Africa") or a code ("ZA")') countryCode?: string | null;
  @column('province (South Africa) or region') region?: string | null;
  @column('city or town') city?: string | null;
  @column('occupation') occupation?: string | null;
  @column('sectors, separated by ; , or |') sectors?: string | null;
  @column('preferred channel: email, whatsapp, phone or sms') preferredChannel?: string | null;
  @column('preferred language: en or st') preferredLanguage?: string | null;
  @column('consent to forum invitations: yes or no') consentInvitations?: string | null;
  @column('consent to news and updates: yes or no') consentUpdates?: string | null;
}

export class PreviewImportDto {
  @ApiProperty({ type: ImportMappingDto })
  @ValidateNested()
  @Type(() => ImportMappingDto)
  mapping: ImportMappingDto;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'ZA', description: 'country for rows that have none' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsISO31661Alpha2({ message: 'use a two-letter country code such as ZA, GB or US' })
  defaultCountry?: string | null;
}

export class CommitImportDto {
  @ApiPropertyOptional({
    default: false,
    description: 'the people in this file agreed to receive forum invitations (for rows without a consent column)',
  })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  consentInvitations?: boolean;

  @ApiPropertyOptional({
    default: false,
    description: 'the people in this file agreed to receive news and updates (for rows without a consent column)',
  })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  consentUpdates?: boolean;
}
