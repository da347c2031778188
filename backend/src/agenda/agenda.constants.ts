export { type SessionKind, sessionKinds } from '@diaspora-forum/lists';
