import type { AuthUser } from '../../auth/auth-user';
import type { FieldErrors } from '../../common/domain-error';
import { normaliseMember, type NormalisedMember } from '../member-input';
import { canSeeCountry } from '../register-scope';
import type { MappedRow } from './column-mapping';
import type { ContactMatch } from './imported-members.repository';
import type { SheetRow } from './spreadsheet/sheet-row';

export interface DuplicateOf {
  field: 'email' | 'phone';
  /** The normalised email or phone number they share. */
  contact: string;
  /** An earlier row of the same file... */
  row: number | null;
  /** ...or a member already in the register (null when the user may not see that member). */
  memberId: string | null;
  inRegister: boolean;
}

/**
 * A row after checking: the member to import, or why not. Kept small on purpose: a chunk of these
 * waits for the database, and the raw cells are dropped as soon as the row is read.
 */
export interface CheckedRow {
  rowNumber: number;
  /** The name as written, for rows with errors (others have their member). */
  name: string | null;
  member: NormalisedMember | null;
  consent: MappedRow['consent'];
  errors: FieldErrors | null;
  duplicateOf: DuplicateOf | null;
}

export type FindByContacts = (emails: string[], phones: string[]) => Promise<ContactMatch[]>;

interface Contact {
  field: 'email' | 'phone';
  contact: string;
}

const contactsOf = (m: Pick<NormalisedMember, 'email' | 'phone' | 'whatsapp'>): Contact[] => {
  const contacts: Contact[] = [];
  if (m.email) contacts.push({ field: 'email', contact: m.email });
  if (m.phone) contacts.push({ field: 'phone', contact: m.phone });
  if (m.whatsapp && m.whatsapp !== m.phone) contacts.push({ field: 'phone', contact: m.whatsapp });
  return contacts;
};

/**
 * The contacts of the rows accepted so far, with the row that had each first. Phones are kept as
 * numbers (E.164 has at most 15 digits, exact in a double): about half the memory of strings.
 */
class SeenContacts {
  private readonly emails = new Map<string, number>();
  private readonly phones = new Map<number, number>();

  rowOf({ field, contact }: Contact): number | undefined {
    return field === 'email' ? this.emails.get(contact) : this.phones.get(Number(contact.slice(1)));
  }

  add({ field, contact }: Contact, row: number): void {
    if (field === 'email') this.emails.set(contact, row);
    else this.phones.set(Number(contact.slice(1)), row);
  }
}

/**
 * Checks a file's rows with the register's own rules (normaliseMember), the user's country scope,
 * and duplicates: within the file (the first row with a contact wins) and against the live
 * register, one query per chunk. Remembers the contacts of the rows it accepted: memory grows with
 * the distinct contacts, never with the rows themselves.
 *
 * Two steps, so a caller can overlap them: `check` is CPU only, row by row, in file order (it may
 * run while the database works on the previous chunk); `matchRegister` asks the database.
 */
export class RowChecker {
  private readonly seen = new SeenContacts();

  constructor(
    private readonly user: AuthUser,
    private readonly mapRow: (cells: string[]) => MappedRow,
  ) {}

  check({ rowNumber, cells }: SheetRow): CheckedRow {
    const mapped = this.mapRow(cells);
    const result = normaliseMember(mapped.input);
    const errors: FieldErrors = { ...result.errors, ...mapped.errors };
    if (result.member && !canSeeCountry(this.user, result.member.countryCode)) errors.countryCode = ['outside your countries'];
    if (Object.keys(errors).length) {
      const name = [mapped.values.firstName, mapped.values.lastName].filter(Boolean).join(' ');
      return { rowNumber, name, member: null, consent: mapped.consent, errors, duplicateOf: null };
    }

    const member = result.member!;
    const row: CheckedRow = { rowNumber, name: null, member, consent: mapped.consent, errors: null, duplicateOf: null };
    const contacts = contactsOf(member);
    for (const c of contacts) {
      const earlier = this.seen.rowOf(c);
      if (earlier !== undefined) {
        row.duplicateOf = { ...c, row: earlier, memberId: null, inRegister: false };
        return row;
      }
    }
    for (const c of contacts) this.seen.add(c, rowNumber);
    return row;
  }

  /** Marks the rows whose contacts a live member of the register already has. */
  async matchRegister(checked: CheckedRow[], findByContacts: FindByContacts): Promise<CheckedRow[]> {
    const candidates = checked.filter((r): r is CheckedRow & { member: NormalisedMember } => !!r.member && !r.duplicateOf);
    if (!candidates.length) return checked;
    const emails = new Set<string>();
    const phones = new Set<string>();
    for (const { member } of candidates) {
      for (const c of contactsOf(member)) (c.field === 'email' ? emails : phones).add(c.contact);
    }
    const existing = new Map<string, ContactMatch>();
    for (const m of await findByContacts([...emails], [...phones])) for (const c of contactsOf(m)) existing.set(c.contact, m);
    for (const row of candidates) {
      for (const c of contactsOf(row.member)) {
        const match = existing.get(c.contact);
        if (!match) continue;
        const visible = canSeeCountry(this.user, match.countryCode);
        row.duplicateOf = { ...c, row: null, memberId: visible ? match.id : null, inRegister: true };
        break;
      }
    }
    return checked;
  }
}
