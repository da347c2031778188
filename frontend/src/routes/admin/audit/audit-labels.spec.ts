import { auditActions, auditAreas } from '@diaspora-forum/lists';
import { describe, expect, it } from 'vitest';
import { actionLabel, actionLabels, areaLabels } from './audit-labels';

describe('audit labels', () => {
  it('names every action and area the log can hold, each differently', () => {
    expect(Object.keys(actionLabels).sort()).toEqual([...auditActions].sort());
    expect(Object.keys(areaLabels).sort()).toEqual([...auditAreas].sort());
    expect(new Set(Object.values(actionLabels)).size).toBe(auditActions.length);
  });

  it('falls back to the action itself for one it does not know', () => {
    expect(actionLabel('staff.created')).toBe('Staff account created');
    expect(actionLabel('future.thing')).toBe('future.thing');
  });
});
