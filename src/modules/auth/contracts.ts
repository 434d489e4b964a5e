/** What the web may read of the auth area: the permissions sent with GET /api/auth/me. */
export type { Permissions } from './permissions';
