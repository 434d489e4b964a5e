/**
 * Who may do what in the results area: one pure function, used by the services and returned to the
 * web as `can: {…}` so screens copy no role list. `covers` says whether the actor's unit grants cover
 * the unit concerned (computed by the service from the units' lineage).
 */
import type { Actor, Role } from '../access/actor';
import type { ReportLevel } from '../../domain/results/reporting';

export type ResultsAction =
  | 'values.read_province' // indicator values by province (the public sees nation and regions only)
  | 'overview.read' // national overview of targets and reports
  | 'target.enter' // a province's target with its source
  | 'exit.record' // a recognition of poor areas' exits
  | 'period.open' // open a reporting period of a form
  | 'form.edit' // change a form's validation rules
  | 'report.read'
  | 'report.edit'
  | 'report.submit'
  | 'report.approve'
  | 'report.return';

export interface ResultsResource {
  covers?: boolean;
  /** For approve/return: the level whose action is awaited. */
  level?: ReportLevel | null;
}

/** The CLI's local operator acts with full rights (audited by name). */
export type Caller = Actor | { system: string };
const isSystem = (c: Caller): c is { system: string } => 'system' in c;

const has = (a: Actor, ...roles: Role[]) => a.grants.some((g) => roles.includes(g.role));
const central = (a: Actor) => has(a, 'admin', 'program_owner');

export function can(caller: Caller | null, action: ResultsAction, r: ResultsResource = {}): boolean {
  if (!caller) return false;
  if (isSystem(caller)) return true;
  const covers = !!r.covers;
  switch (action) {
    case 'values.read_province':
      return true; // any signed-in user: aggregated figures, no personal data
    case 'overview.read':
      return has(caller, 'admin', 'program_owner', 'steering_member', 'ministry_lead');
    case 'target.enter':
      return central(caller) || (has(caller, 'province_officer') && covers);
    case 'exit.record':
    case 'period.open':
    case 'form.edit':
      return central(caller);
    case 'report.read':
      return (
        central(caller) ||
        has(caller, 'steering_member') ||
        (has(caller, 'province_officer', 'commune_officer') && covers)
      );
    case 'report.edit':
    case 'report.submit':
      return has(caller, 'province_officer', 'commune_officer') && covers;
    case 'report.approve':
    case 'report.return':
      switch (r.level) {
        case 'commune':
          return false; // the commune's own step is the submission
        case 'district': // district units have no accounts; the province acts for them until 30/06/2025
        case 'province':
          return has(caller, 'province_officer') && covers;
        case 'central':
          return central(caller);
        default:
          return false;
      }
  }
}
