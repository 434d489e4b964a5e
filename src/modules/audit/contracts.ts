/** What the audit API answers: the schemas and the types the web may rely on. */
import { z } from 'zod';

/** Rows of one page of the trail on screen: the default, and the most a caller may ask for. */
export const PAGE_DEFAULT = 200;
export const PAGE_MAX = 1000;

export const AuditRow = z.object({
  id: z.number().int(),
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  unitId: z.string().nullable(),
  agencyId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  /** Name of the account that acted, when it still exists. */
  actorDisplayName: z.string().nullable(),
  /** For an account (entity 'user'): its name and user name, instead of a number. */
  entityName: z.string().nullable(),
});
export type AuditRow = z.infer<typeof AuditRow>;

/** One page, newest first; `nextCursor` (null on the last page) is passed back as `cursor` for the next. */
export const AuditPage = z.object({ items: z.array(AuditRow), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;
