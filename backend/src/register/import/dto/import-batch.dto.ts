import { ApiProperty } from '@nestjs/swagger';
import { type Channel, channels, type Language, languages, type Sector, sectors } from '../../register.constants';
import { type ImportFormat, type ImportStatus, importFormats, importStatuses } from '../import-batch.entity';
import { ImportMappingDto } from './import-request.dto';

const fieldMessages = { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } } as const;

export class ImportBatchDto {
  @ApiProperty() id: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: importFormats, enumName: 'ImportFormat' }) format: ImportFormat;
  @ApiProperty({ enum: importStatuses, enumName: 'ImportStatus' }) status: ImportStatus;
  @ApiProperty({ type: ImportMappingDto, nullable: true }) mapping: ImportMappingDto | null;
  @ApiProperty({ type: String, nullable: true }) defaultCountry: string | null;
  @ApiProperty({ description: 'rows under the header, blank rows left out' }) rowCount: number;
  @ApiProperty({ description: 'rows that will be (or were) imported' }) validCount: number;
  @ApiProperty({ description: 'rows with a problem, skipped' }) errorCount: number;
  @ApiProperty({ description: 'rows already in the register or earlier in the file, skipped' }) duplicateCount: number;
  @ApiProperty() importedCount: number;
  @ApiProperty({ type: String, nullable: true }) failureReason: string | null;
  @ApiProperty() createdById: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) committedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) rolledBackAt: string | null;
}

export class ImportDetailDto {
  @ApiProperty({ type: ImportBatchDto }) batch: ImportBatchDto;
  @ApiProperty({ type: [String], description: 'column names from the first row (empty once the file is gone)' })
  columns: string[];
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'string' } },
    description: 'the first rows as written',
  })
  sampleRows: string[][];
}

export class DuplicateOfDto {
  @ApiProperty({ enum: ['email', 'phone'], enumName: 'ContactField' }) field: 'email' | 'phone';
  @ApiProperty() contact: string;
  @ApiProperty({ type: Number, nullable: true, description: 'the earlier row of this file with the same contact' })
  row: number | null;
  @ApiProperty({ description: 'a member already in the register has it' }) inRegister: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'that member, when you may see them' }) memberId: string | null;
}

export class ImportProblemDto {
  @ApiProperty({ description: 'the row number as the spreadsheet shows it' }) row: number;
  @ApiProperty({ description: 'the name as written, to find the row' }) name: string;
  @ApiProperty({ ...fieldMessages, description: 'messages per field; empty for a duplicate' })
  errors: Record<string, string[]>;
  @ApiProperty({ type: DuplicateOfDto, nullable: true }) duplicateOf: DuplicateOfDto | null;
}

export class ImportSampleDto {
  @ApiProperty() row: number;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) whatsapp: string | null;
  @ApiProperty() countryCode: string;
  @ApiProperty({ type: String, nullable: true }) region: string | null;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
  @ApiProperty({ type: String, nullable: true }) occupation: string | null;
  @ApiProperty({ enum: sectors, enumName: 'Sector', isArray: true }) sectors: Sector[];
  @ApiProperty({ enum: channels, enumName: 'Channel' }) preferredChannel: Channel;
  @ApiProperty({ enum: languages, enumName: 'Language' }) preferredLanguage: Language;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null: decided for the whole file at commit' })
  consentInvitations: boolean | null;
  @ApiProperty({ type: Boolean, nullable: true }) consentUpdates: boolean | null;
}

export class ImportPreviewDto {
  @ApiProperty({ type: ImportBatchDto, description: 'with the counts of this dry run' }) batch: ImportBatchDto;
  @ApiProperty({ type: [ImportProblemDto], description: 'the first problem rows, in file order' })
  problems: ImportProblemDto[];
  @ApiProperty({ type: [ImportSampleDto], description: 'the first rows that would be imported, normalised' })
  samples: ImportSampleDto[];
}
