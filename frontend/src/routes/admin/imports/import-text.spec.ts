import { describe, expect, it } from 'vitest';
import { batchSummary, describeProblem, editableMapping, type ImportBatch } from './import-text';

const batch = (over: Partial<ImportBatch>): ImportBatch => ({
  id: 'b',
  fileName: 'members.csv',
  format: 'csv',
  status: 'previewed',
  mapping: null,
  defaultCountry: null,
  rowCount: 1200,
  validCount: 1100,
  errorCount: 1,
  duplicateCount: 99,
  importedCount: 0,
  failureReason: null,
  createdById: 'u',
  createdAt: '2026-11-22T10:00:00.000Z',
  committedAt: null,
  rolledBackAt: null,
  ...over,
});

describe('import texts', () => {
  it('says why a row is skipped: field problems, a repeat in the file, or a member already registered', () => {
    expect(
      describeProblem({
        row: 4,
        name: 'Lineo',
        errors: { lastName: ['enter a surname'], consentUpdates: ['write yes or no'] },
        duplicateOf: null,
      }),
    ).toEqual(['Surname: enter a surname', 'Consent to news and updates: write yes or no']);
    expect(
      describeProblem({
        row: 6,
        name: 'Mpho Sello',
        errors: {},
        duplicateOf: { field: 'phone', contact: '+27825550112', row: 3, inRegister: false, memberId: null },
      }),
    ).toEqual(['Same phone number +27825550112 as row 3']);
    expect(
      describeProblem({
        row: 7,
        name: 'Thabo Mokoena',
        errors: {},
        duplicateOf: { field: 'email', contact: 'thabo@example.org', row: null, inRegister: true, memberId: null },
      }),
    ).toEqual(['Already in the register (same email thabo@example.org)']);
  });

  it('sums a batch up by its status', () => {
    expect(batchSummary(batch({}))).toBe('1,200 rows checked: 1,100 to import, 99 duplicates, 1 row with problems.');
    expect(batchSummary(batch({ status: 'committed', importedCount: 1 }))).toBe(
      '1 member imported; skipped 99 duplicates, 1 row with problems.',
    );
    expect(batchSummary(batch({ status: 'failed', failureReason: 'Row 9 opens a quote' }))).toBe('Row 9 opens a quote');
  });

  it('gives the form every field, empty when not mapped', () => {
    const mapping = editableMapping({ firstName: 'Name', phone: null });
    expect(mapping.firstName).toBe('Name');
    expect(mapping.phone).toBe('');
    expect(Object.keys(mapping)).toHaveLength(14);
  });
});
