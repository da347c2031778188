import type { ImportBatchDto, ImportProblemDto, ImportSampleDto } from './dto/import-batch.dto';
import type { ImportBatch } from './import-batch.entity';
import type { CheckedRow } from './row-checker';

export function mapImportBatch(batch: ImportBatch): ImportBatchDto {
  return {
    id: batch.id,
    fileName: batch.fileName,
    format: batch.format,
    status: batch.status,
    mapping: batch.mapping,
    defaultCountry: batch.defaultCountry,
    rowCount: batch.rowCount,
    validCount: batch.validCount,
    errorCount: batch.errorCount,
    duplicateCount: batch.duplicateCount,
    importedCount: batch.importedCount,
    failureReason: batch.failureReason,
    createdById: batch.createdById,
    createdAt: batch.createdAt.toISOString(),
    committedAt: batch.committedAt?.toISOString() ?? null,
    rolledBackAt: batch.rolledBackAt?.toISOString() ?? null,
  };
}

export function mapProblem(row: CheckedRow): ImportProblemDto {
  const name = row.name ?? `${row.member!.firstName} ${row.member!.lastName}`;
  return {
    row: row.rowNumber,
    name: name.length > 80 ? `${name.slice(0, 79)}…` : name,
    errors: Object.fromEntries(Object.entries(row.errors ?? {}).map(([field, messages]) => [field, messages.map(clip)])),
    duplicateOf: row.duplicateOf,
  };
}

/** A message may quote a cell; a cell may be anything, so the response stays small. */
const clip = (message: string) => (message.length > 200 ? `${message.slice(0, 199)}…` : message);

export function mapSample(row: CheckedRow): ImportSampleDto {
  const m = row.member!;
  return {
    row: row.rowNumber,
    firstName: m.firstName,
    lastName: m.lastName,
    email: m.email,
    phone: m.phone,
    whatsapp: m.whatsapp,
    countryCode: m.countryCode,
    region: m.region,
    city: m.city,
    occupation: m.occupation,
    sectors: m.sectors,
    preferredChannel: m.preferredChannel,
    preferredLanguage: m.preferredLanguage,
    consentInvitations: row.consent.invitations,
    consentUpdates: row.consent.updates,
  };
}
