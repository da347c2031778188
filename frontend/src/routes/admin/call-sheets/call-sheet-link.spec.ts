import { describe, expect, it } from 'vitest';
import { callSheetUrl } from './call-sheet-link';

describe(callSheetUrl.name, () => {
  it('names a saved segment, or a country and region', () => {
    expect(callSheetUrl('pdf', { segmentId: 'abc' })).toBe('/api/v1/outreach/call-sheet/pdf?segmentId=abc');
    expect(callSheetUrl('csv', { country: ' za', region: 'KwaZulu-Natal' })).toBe(
      '/api/v1/outreach/call-sheet/csv?countries=ZA&regions=KwaZulu-Natal',
    );
    expect(callSheetUrl('csv', { country: 'GB', region: ' ' })).toBe('/api/v1/outreach/call-sheet/csv?countries=GB');
  });
});
