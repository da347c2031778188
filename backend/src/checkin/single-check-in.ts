import { isBoolean, isIn, isInt, isISO8601, isUUID, length, matches, max, min } from 'class-validator';
import { API_PREFIX } from '../common/api-prefix';
import type { CheckInRequest } from './check-in.service';
import { checkInRules as rules } from './dto/door.dto';

export interface SingleCheckIn {
  checkIn: CheckInRequest;
  sentAt?: string;
}

const batchKeys = ['checkIns', 'sentAt'];
const itemKeys = ['nonce', 'badgeNumber', 'badgeVersion', 'day', 'scannedAt', 'door', 'method', 'offline'];
const checkInsPath = new RegExp(`^/${API_PREFIX}/door/forums/([^/?]+)/check-ins(?:\\?|$)`);

/** The forum of a check-ins URL, when it is a UUID. */
export function checkInsForum(url: string): string | null {
  const id = checkInsPath.exec(url)?.[1];
  return id && isUUID(id) ? id : null;
}

/**
 * The door's usual request: one check-in that keeps every rule of CheckInBatchDto, or null. CheckInLane
 * answers what passes. The fields are checked with class-validator's own functions and the DTO's
 * limits, so nothing accepted here fails the DTO (single-check-in.spec.ts holds the two side by side);
 * anything else (a batch, a broken rule, an extra field) is null and goes to DoorController, whose
 * validation names each field.
 */
export function singleCheckIn(body: unknown): SingleCheckIn | null {
  if (!hasOnly(body, batchKeys, ['checkIns'])) return null;
  const { checkIns, sentAt } = body;
  if (sentAt !== undefined && !isTimestamp(sentAt)) return null;
  if (!Array.isArray(checkIns) || checkIns.length !== 1) return null;
  const [item] = checkIns as unknown[];
  if (!hasOnly(item, itemKeys, itemKeys)) return null;
  const { nonce, badgeNumber, badgeVersion, day, scannedAt, door, method, offline } = item;
  const valid =
    typeof nonce === 'string' &&
    length(nonce, rules.nonce.min, rules.nonce.max) &&
    isInt(badgeNumber) &&
    min(badgeNumber, 1) &&
    max(badgeNumber, rules.maxBadgeNumber) &&
    (badgeVersion === null || (isInt(badgeVersion) && min(badgeVersion, 0) && max(badgeVersion, rules.maxBadgeVersion))) &&
    typeof day === 'string' &&
    matches(day, rules.calendarDate) &&
    isTimestamp(scannedAt) &&
    typeof door === 'string' &&
    length(door, rules.door.min, rules.door.max) &&
    isIn(method, ['scan', 'manual']) &&
    isBoolean(offline);
  return valid ? { checkIn: item as unknown as CheckInRequest, sentAt: sentAt as string | undefined } : null;
}

function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && isISO8601(value, { strict: true });
}

/** A plain object with no keys but `allowed`, and every one of `required`. */
function hasOnly(value: unknown, allowed: string[], required: string[]): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.keys(value).every((k) => allowed.includes(k)) && required.every((k) => Object.hasOwn(value, k));
}
