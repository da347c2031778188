import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';

export class EraseRequestDto {
  @ApiPropertyOptional({
    description:
      'The version of the export or erasure preview the decision was made on; when the record changed since, nothing is erased (409)',
    example: '3f2a9c0d1e4b5a67',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9a-f]{16}$/, { message: 'basedOn must be the version shown by the export or the preview' })
  basedOn?: string;
}

export class ErasureSectionDto {
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiProperty() count: number;
}

export class ErasurePreviewDto {
  @ApiProperty({ description: 'The record as it is now; send it back as basedOn when erasing' }) version: string;
  @ApiProperty({ type: [ErasureSectionDto] }) sections: ErasureSectionDto[];
}

export class MemberDataCopyDto {
  @ApiProperty() exportedAt: string;
  @ApiProperty({ description: 'Send it back as basedOn to erase exactly what this copy shows' }) version: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) profile: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true }) consent: Record<string, unknown>;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } }) history: Record<string, unknown>[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'object', additionalProperties: true } },
    description: 'outreach, invitations, attendance, checkIns, nominations, presenterProfiles, imports, emails',
  })
  sections: Record<string, Record<string, unknown>[]>;
}
