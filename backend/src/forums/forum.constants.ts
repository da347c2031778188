/** A forum's life: drafted, open for answers, closed, then archived (the list is shared with the frontend). */
export { type ForumStatus, forumStatuses } from '@diaspora-forum/lists';
