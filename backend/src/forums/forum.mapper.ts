import type { ForumDto } from './dto/forum.dto';
import type { Forum } from './forum.entity';
import { daysBetween } from './forum-days';

export function mapForum(forum: Forum): ForumDto {
  return {
    id: forum.id,
    name: forum.name,
    slug: forum.slug,
    venue: forum.venue,
    timezone: forum.timezone,
    startDate: forum.startDate,
    endDate: forum.endDate,
    days: daysBetween(forum.startDate, forum.endDate),
    capacity: forum.capacity,
    rsvpDeadline: forum.rsvpDeadline?.toISOString() ?? null,
    status: forum.status,
    doorPhoneSearch: forum.doorPhoneSearch,
    retentionMonths: forum.retentionMonths,
    createdAt: forum.createdAt.toISOString(),
    updatedAt: forum.updatedAt.toISOString(),
  };
}
