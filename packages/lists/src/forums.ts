export const forumStatuses = ['draft', 'open', 'closed', 'archived'] as const;
export type ForumStatus = (typeof forumStatuses)[number];

export const sessionKinds = ['plenary', 'panel', 'presentation', 'break'] as const;
export type SessionKind = (typeof sessionKinds)[number];

export const messageStates = ['queued', 'sending', 'sent', 'failed', 'held', 'cancelled'] as const;
export type MessageState = (typeof messageStates)[number];
