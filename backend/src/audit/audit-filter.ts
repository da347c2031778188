import { type AuditAction, auditActions, type AuditArea } from '@diaspora-forum/lists';
import { DomainError } from '../common/domain-error';
import type { AuditFilter } from './audit-log.repository';

/** The filter as the page asks for it: actions and/or an area, an actor, a target, days or times. */
export interface AuditFilterInput {
  action?: AuditAction[];
  area?: AuditArea;
  actorId?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

const dayOnly = /^\d{4}-\d{2}-\d{2}$/;

/** A day alone means the whole UTC day (`to=2027-05-01` includes that day); an area narrows the actions. */
export function toAuditFilter(input: AuditFilterInput): AuditFilter {
  const from = input.from ? new Date(dayOnly.test(input.from) ? `${input.from}T00:00:00Z` : input.from) : undefined;
  let to: Date | undefined;
  if (input.to) {
    to = new Date(dayOnly.test(input.to) ? `${input.to}T00:00:00Z` : input.to);
    if (dayOnly.test(input.to)) to.setUTCDate(to.getUTCDate() + 1);
  }
  if (from && to && from.getTime() >= to.getTime()) throw DomainError.validation({ to: ['must be after the start'] });
  let actions = input.action ?? [];
  if (input.area) {
    actions = (actions.length ? actions : auditActions).filter((a) => a.startsWith(`${input.area}.`));
    if (!actions.length) throw DomainError.validation({ action: [`none of these actions is in the area ${input.area}`] });
  }
  return { actions, actorId: input.actorId, targetType: input.targetType, targetId: input.targetId, from, to };
}
