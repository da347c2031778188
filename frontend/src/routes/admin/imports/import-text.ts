import type { Schemas } from '$lib/api/client';

export type ImportBatch = Schemas['ImportBatchDto'];
export type ImportDetail = Schemas['ImportDetailDto'];
export type ImportPreview = Schemas['ImportPreviewDto'];
export type ImportProblem = Schemas['ImportProblemDto'];
export type ImportMapping = Schemas['ImportMappingDto'];
export type MappingTarget = keyof ImportMapping;

/** The fields a column can fill, in the order the mapping form shows them. */
export const targets: { key: MappingTarget; label: string; hint?: string }[] = [
  { key: 'firstName', label: 'First name' },
  { key: 'lastName', label: 'Surname' },
  { key: 'email', label: 'Email' },
  { key: 'phone', label: 'Phone', hint: 'Any format; numbers without +code are read with the row’s country.' },
  { key: 'whatsapp', label: 'WhatsApp' },
  { key: 'countryCode', label: 'Country', hint: 'A name such as South Africa, or a code such as ZA.' },
  { key: 'region', label: 'Province or region', hint: 'Required for South Africa: one of the nine provinces.' },
  { key: 'city', label: 'City or town' },
  { key: 'occupation', label: 'Occupation' },
  { key: 'sectors', label: 'Sectors' },
  { key: 'preferredChannel', label: 'Preferred channel' },
  { key: 'preferredLanguage', label: 'Preferred language' },
  { key: 'consentInvitations', label: 'Consent to forum invitations', hint: 'A yes/no column.' },
  { key: 'consentUpdates', label: 'Consent to news and updates', hint: 'A yes/no column.' },
];

const labelOf = Object.fromEntries(targets.map((t) => [t.key, t.label])) as Record<string, string>;

/** Why a row will be skipped, in one line per reason. */
export function describeProblem(problem: ImportProblem): string[] {
  const duplicate = problem.duplicateOf;
  if (duplicate) {
    const what = duplicate.field === 'email' ? `email ${duplicate.contact}` : `phone number ${duplicate.contact}`;
    return [duplicate.inRegister ? `Already in the register (same ${what})` : `Same ${what} as row ${duplicate.row}`];
  }
  return Object.entries(problem.errors).map(([field, messages]) => `${labelOf[field] ?? field}: ${messages.join('; ')}`);
}

export const statusLabels: Record<ImportBatch['status'], string> = {
  uploaded: 'not checked',
  previewed: 'checked, not imported',
  committed: 'imported',
  rolled_back: 'rolled back',
  failed: 'failed',
};

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** What a batch did or would do, in a sentence. */
export function batchSummary(batch: ImportBatch): string {
  const skipped = `${count(batch.duplicateCount, 'duplicate')}, ${count(batch.errorCount, 'row', 'rows')} with problems`;
  switch (batch.status) {
    case 'uploaded':
      return 'Columns not chosen yet.';
    case 'previewed':
      return `${count(batch.rowCount, 'row')} checked: ${batch.validCount.toLocaleString('en')} to import, ${skipped}.`;
    case 'committed':
      return `${count(batch.importedCount, 'member')} imported; skipped ${skipped}.`;
    case 'rolled_back':
      return `${count(batch.importedCount, 'member')} imported, then removed.`;
    case 'failed':
      return batch.failureReason ?? 'The import failed; nothing was imported.';
  }
}

/** The mapping as the form edits it: every target present, "" for "not imported". */
export function editableMapping(mapping: ImportMapping | null): Record<MappingTarget, string> {
  return Object.fromEntries(targets.map((t) => [t.key, mapping?.[t.key] ?? ''])) as Record<MappingTarget, string>;
}
