import type { CheckInOutcome } from './check-in.service';
import type { CheckInResultsDto } from './dto/door.dto';

/** The answer to a door's check-ins, as DoorController sends it. */
export function toCheckInResults(outcomes: CheckInOutcome[]): CheckInResultsDto {
  return {
    results: outcomes.map((o) => ({
      nonce: o.nonce,
      result: o.result,
      admission: o.admission && { ...o.admission, scannedAt: o.admission.scannedAt.toISOString() },
    })),
  };
}
