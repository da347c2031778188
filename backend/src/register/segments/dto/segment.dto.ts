import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { SegmentFilterDto } from './segment-filter.dto';

export class CreateSegmentDto {
  @ApiProperty({ example: 'Gauteng health professionals', maxLength: 120 })
  @IsString({ message: 'enter a name' })
  @MinLength(1, { message: 'enter a name' })
  @MaxLength(120, { message: 'use at most $constraint1 characters' })
  name: string;

  @ApiProperty({ type: SegmentFilterDto })
  @IsObject({ message: 'must be a filter object' })
  @ValidateNested()
  @Type(() => SegmentFilterDto)
  filter: SegmentFilterDto;
}

export class UpdateSegmentDto {
  @ApiPropertyOptional({ maxLength: 120 })
  @IsOptional()
  @IsString({ message: 'enter a name' })
  @MinLength(1, { message: 'enter a name' })
  @MaxLength(120, { message: 'use at most $constraint1 characters' })
  name?: string;

  @ApiPropertyOptional({ type: SegmentFilterDto })
  @IsOptional()
  @IsObject({ message: 'must be a filter object' })
  @ValidateNested()
  @Type(() => SegmentFilterDto)
  filter?: SegmentFilterDto;
}

export class SegmentDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: SegmentFilterDto }) filter: SegmentFilterDto;
  @ApiProperty({ description: 'members it holds now, for the user asking' }) count: number;
  @ApiProperty({ description: 'whether the user asking may rename, change or delete it' }) canEdit: boolean;
  @ApiProperty() createdById: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
