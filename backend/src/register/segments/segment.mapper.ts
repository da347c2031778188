import type { AuthUser } from '../../auth/auth-user';
import type { SegmentDto } from './dto/segment.dto';
import { canEditSegment, type CountedSegment } from './segments.service';

export function mapSegment(user: AuthUser, { segment, filter, count }: CountedSegment): SegmentDto {
  return {
    id: segment.id,
    name: segment.name,
    filter,
    count,
    canEdit: canEditSegment(user, segment),
    createdById: segment.createdById,
    createdAt: segment.createdAt.toISOString(),
    updatedAt: segment.updatedAt.toISOString(),
  };
}
