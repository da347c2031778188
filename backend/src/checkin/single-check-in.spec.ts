import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CheckInBatchDto } from './dto/door.dto';
import { checkInsForum, singleCheckIn } from './single-check-in';

const item = {
  nonce: 'n-12345678',
  badgeNumber: 1234,
  badgeVersion: 2,
  day: '2027-04-08',
  scannedAt: '2027-04-08T07:30:00.000Z',
  door: 'Main gate',
  method: 'scan',
  offline: false,
};

/** One field of a check-in set to each value (undefined: the field left out). */
const variants: Record<string, unknown[]> = {
  nonce: ['1234567', '12345678', 'x'.repeat(64), 'x'.repeat(65), 12345678, '😀😀😀😀😀😀😀😀', undefined],
  badgeNumber: [0, 1, 16_777_215, 16_777_216, 1.5, '12', -3, null, undefined],
  badgeVersion: [null, 0, 65_535, 65_536, -1, 2.5, '2', undefined],
  day: ['2027-04-08', '2027-4-8', '08/04/2027', '2027-04-08T00:00', 20270408, undefined],
  scannedAt: ['2027-04-08T07:30:00Z', '2027-04-08T07:30:00+02:00', '2027-02-30T07:30:00Z', 'yesterday', 0, undefined],
  door: ['A', 'x'.repeat(60), 'x'.repeat(61), '', 7, undefined],
  method: ['scan', 'manual', 'teleport', undefined],
  offline: [true, false, 'false', 0, undefined],
  extra: ['surprise'],
};

function bodies(): { label: string; body: unknown }[] {
  const out: { label: string; body: unknown }[] = [{ label: 'plain', body: { checkIns: [item] } }];
  for (const [field, values] of Object.entries(variants)) {
    for (const value of values) {
      const changed: Record<string, unknown> = { ...item, [field]: value };
      if (value === undefined) delete changed[field];
      out.push({ label: `${field}=${JSON.stringify(value)}`, body: { checkIns: [changed] } });
    }
  }
  for (const sentAt of ['2027-04-08T07:31:00.000Z', 'now', 5])
    out.push({ label: `sentAt=${sentAt}`, body: { sentAt, checkIns: [item] } });
  out.push(
    { label: 'two check-ins', body: { checkIns: [item, { ...item, nonce: 'n-87654321' }] } },
    { label: 'none', body: { checkIns: [] } },
    { label: 'not a list', body: { checkIns: item } },
    { label: 'extra top-level field', body: { checkIns: [item], door: 'x' } },
    { label: 'no body', body: undefined },
    { label: 'a list', body: [item] },
  );
  return out;
}

/** What the controller's ValidationPipe (whitelist, forbidNonWhitelisted) says of a body. */
function dtoAccepts(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const dto = plainToInstance(CheckInBatchDto, body);
  return validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }).length === 0;
}

describe('singleCheckIn', () => {
  it.each(bodies())('agrees with CheckInBatchDto on one check-in: $label', ({ body }) => {
    const single = singleCheckIn(body);
    const isOne =
      Array.isArray((body as { checkIns?: unknown })?.checkIns) && (body as { checkIns: unknown[] }).checkIns.length === 1;
    expect(single !== null).toBe(isOne && dtoAccepts(body));
  });

  it('hands over the check-in and the device clock as sent', () => {
    expect(singleCheckIn({ sentAt: '2027-04-08T07:31:00.000Z', checkIns: [item] })).toEqual({
      checkIn: item,
      sentAt: '2027-04-08T07:31:00.000Z',
    });
  });

  it('takes the forum from a check-ins URL only when it is a UUID', () => {
    const id = '0b9e3f5c-1d2a-4c3b-9a8e-7f6d5c4b3a21';
    expect(checkInsForum(`/api/v1/door/forums/${id}/check-ins`)).toBe(id);
    expect(checkInsForum(`/api/v1/door/forums/${id}/check-ins?x=1`)).toBe(id);
    expect(checkInsForum('/api/v1/door/forums/not-a-uuid/check-ins')).toBeNull();
    expect(checkInsForum(`/api/v1/door/forums/${id}/walk-ins`)).toBeNull();
  });
});
