import { describe, expect, it } from 'vitest';
import { dayRange, droppedAt, fromMinutes, gridRows, shifted, slots, toMinutes } from './timetable';

describe('timetable grid', () => {
  it('converts clock times', () => {
    expect(toMinutes('09:30')).toBe(570);
    expect(fromMinutes(570)).toBe('09:30');
    expect(fromMinutes(5)).toBe('00:05');
  });

  it('shows 08:00–18:00, stretched to whole hours around sessions', () => {
    expect(dayRange([])).toEqual({ start: 480, end: 1080 });
    expect(dayRange([{ start: '07:15', end: '19:10' }])).toEqual({ start: 420, end: 1200 });
    expect(slots({ start: 480, end: 540 })).toEqual([480, 495, 510, 525]);
  });

  it('places a session on grid rows below the header row', () => {
    expect(gridRows({ start: '08:00', end: '08:15' }, { start: 480 })).toBe('2 / 3');
    expect(gridRows({ start: '09:00', end: '10:30' }, { start: 480 })).toBe('6 / 12');
    expect(gridRows({ start: '09:05', end: '09:10' }, { start: 480 })).toBe('6 / 7');
  });

  it('moves and resizes within the day only', () => {
    expect(shifted({ start: '09:00', end: '10:30' }, 15, 'move')).toEqual({ start: '09:15', end: '10:45' });
    expect(shifted({ start: '09:00', end: '10:30' }, -15, 'resize')).toEqual({ start: '09:00', end: '10:15' });
    expect(shifted({ start: '09:00', end: '09:15' }, -15, 'resize')).toBeNull();
    expect(shifted({ start: '00:00', end: '01:00' }, -15, 'move')).toBeNull();
    expect(droppedAt({ start: '09:00', end: '10:30' }, 600)).toEqual({ start: '10:00', end: '11:30' });
    expect(droppedAt({ start: '09:00', end: '10:30' }, 23 * 60)).toBeNull();
  });
});
