/**
 * Who may do what in the field review: one pure function, used by the service. `covers` says whether
 * the caller's unit grants cover the survey's commune (computed by the service from the units' lineage).
 * Reviewers are commune officers of the commune (or province officers helping it); personal data and
 * evidence stay within that scope.
 */
import type { Actor, Role } from '../access/actor';

export type FieldAction =
  | 'survey.submit' // download the household list, upload photos, sync surveys
  | 'survey.read' // list surveys, evidence, photos, progress (personal data)
  | 'survey.resolve'; // accept or reject a conflict

export type Caller = Actor | { system: string };
const isSystem = (c: Caller): c is { system: string } => 'system' in c;
const has = (a: Actor, ...roles: Role[]) => a.grants.some((g) => roles.includes(g.role));

export function can(caller: Caller | null, action: FieldAction, r: { covers?: boolean } = {}): boolean {
  if (!caller) return false;
  if (isSystem(caller)) return true;
  const central = has(caller, 'admin', 'program_owner');
  const covers = !!r.covers;
  switch (action) {
    case 'survey.submit':
    case 'survey.read':
      return central || (has(caller, 'commune_officer', 'province_officer') && covers);
    case 'survey.resolve':
      return central || (has(caller, 'commune_officer') && covers);
  }
}
