import type { DuplicateMember } from './duplicates.repository';

export interface DuplicateGroup {
  /** The emails and phone numbers the members share. */
  sharedEmails: string[];
  sharedPhones: string[];
  members: DuplicateMember[];
}

/**
 * Joins members that share an email or a phone number into groups, transitively: if A and B share
 * an email and B and C a phone, A, B and C are one person to look at. Newest groups first.
 */
export function groupDuplicates(members: DuplicateMember[], emails: string[], phones: string[]): DuplicateGroup[] {
  const parent = new Map(members.map((m) => [m.id, m.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  const holders = new Map<string, string[]>();
  const hold = (key: string, id: string) => holders.set(key, [...(holders.get(key) ?? []), id]);
  const sharedEmail = new Set(emails);
  const sharedPhone = new Set(phones);
  for (const m of members) {
    if (m.email && sharedEmail.has(m.email)) hold(`e:${m.email}`, m.id);
    for (const p of new Set([m.phone, m.whatsapp])) if (p && sharedPhone.has(p)) hold(`p:${p}`, m.id);
  }
  for (const ids of holders.values()) for (const id of ids.slice(1)) parent.set(find(id), find(ids[0]));

  const groups = new Map<string, DuplicateGroup>();
  for (const m of members) {
    const root = find(m.id);
    const group = groups.get(root) ?? { sharedEmails: [], sharedPhones: [], members: [] };
    group.members.push(m);
    groups.set(root, group);
  }
  for (const [key, ids] of holders) {
    if (ids.length < 2) continue;
    const group = groups.get(find(ids[0]))!;
    if (key.startsWith('e:')) group.sharedEmails.push(key.slice(2));
    else group.sharedPhones.push(key.slice(2));
  }
  const newest = (g: DuplicateGroup) => Math.max(...g.members.map((m) => m.createdAt.getTime()));
  return [...groups.values()]
    .filter((g) => g.members.length > 1)
    .map((g) => ({
      sharedEmails: g.sharedEmails.sort(),
      sharedPhones: g.sharedPhones.sort(),
      members: g.members.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id)),
    }))
    .sort((a, b) => newest(b) - newest(a) || a.members[0].id.localeCompare(b.members[0].id));
}
