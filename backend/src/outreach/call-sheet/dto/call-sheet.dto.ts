import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { SegmentFilterDto } from '../../../register/segments/dto/segment-filter.dto';

/** A call sheet from the query string: a saved segment's id, or filter fields (?countries=ZA&regions=Gauteng). */
export class CallSheetQueryDto extends SegmentFilterDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'a saved segment (then leave the filter fields out)' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a segment id' })
  segmentId?: string;
}

/** A call sheet from a JSON body: a saved segment's id, or a filter. */
export class CallSheetBodyDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a segment id' })
  segmentId?: string;

  @ApiPropertyOptional({ type: SegmentFilterDto })
  @IsOptional()
  @IsObject({ message: 'must be a filter object' })
  @ValidateNested()
  @Type(() => SegmentFilterDto)
  filter?: SegmentFilterDto;
}
