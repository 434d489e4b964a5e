/** What the audit API answers: the types the web may rely on. */
export type { AuditRow } from './service';
