import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ArrivalCurve from './ArrivalCurve.svelte';

const at = (hhmm: string) => `2027-04-08T${hhmm}:00.000Z`;
const bars = (container: HTMLElement) => [...container.querySelectorAll('rect.bar')].map((r) => Number(r.getAttribute('x')));

describe('ArrivalCurve', () => {
  it('stands each bar at its quarter hour, leaving quarters without arrivals empty', () => {
    const points = [
      { day: '2027-04-08', at: at('06:00'), count: 2 },
      { day: '2027-04-08', at: at('06:15'), count: 1 },
      { day: '2027-04-08', at: at('07:00'), count: 3 },
    ];
    const { container } = render(ArrivalCurve, { points, timezone: 'Africa/Maseru' });
    const [first, second, third] = bars(container);
    expect(third - second).toBeCloseTo(3 * (second - first));
    // Forum time (UTC+2), from the first quarter's start to the last one's end.
    expect(container.querySelector('.scale')!.textContent).toBe('08:00most: 309:15');
  });

  it('keeps the first arrivals thin, at the left of a four-hour axis', () => {
    const { container } = render(ArrivalCurve, { points: [{ day: '2027-04-08', at: at('06:30'), count: 4 }], timezone: 'UTC' });
    const bar = container.querySelector('rect.bar')!;
    expect(Number(bar.getAttribute('width'))).toBeLessThan(640 / 16);
    expect(container.querySelector('.scale')!.textContent).toBe('06:30most: 406:45');
  });
});
