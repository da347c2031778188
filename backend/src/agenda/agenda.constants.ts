export const sessionKinds = ['plenary', 'panel', 'presentation', 'break'] as const;
export type SessionKind = (typeof sessionKinds)[number];
