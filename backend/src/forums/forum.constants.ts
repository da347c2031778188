/** A forum's life: drafted, open for answers, closed, then archived. */
export const forumStatuses = ['draft', 'open', 'closed', 'archived'] as const;
export type ForumStatus = (typeof forumStatuses)[number];
