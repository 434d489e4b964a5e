/** Helpers shared by the plan's use cases. */
import type { Db } from '../../../db/client';
import { inForce } from '../../../domain/validity';
import { storedDueDate, tryParseDeadline, type Deadline } from '../../../domain/plan/deadline';
import { rollUp } from '../../../domain/plan/rollup';
import type { TaskStatus } from '../../../domain/plan/status';
import { formatDateVi } from '../../../domain/text';
import { forbidden, invalid, notFound } from '../../../errors';
import { isCentral, type Actor } from '../../access/actor';
import { officialCalendar } from '../../calendar/official';
import { getUnit } from '../../units/repo';
import * as repo from '../repo';
import * as assignments from '../repo-assignments';
import { findPlanIssuer } from '../repo-tasks';
import { refusal } from '../policy';
import { actingAgencies } from './read';

export const by = (actor: Actor) => ({ userId: actor.userId, username: actor.username });

/** The actor's agencies, asked only when its role does not already decide (the central roles act everywhere). */
const agenciesOf = async (db: Db, actor: Actor) => (isCentral(actor) ? [] : await actingAgencies(db, actor));

export async function assertActsFor(db: Db, actor: Actor, agencyId: string) {
  const why = refusal(actor, 'assignment.update', { agencyId, actingAgencies: await agenciesOf(db, actor) });
  if (why) throw forbidden(why);
}

export async function refreshRollup(tx: Db, taskId: number, asOf: string) {
  const items = await assignments.activeAssignmentsForRollup(tx, taskId);
  const r = rollUp(
    items.map((i) => ({
      status: i.status as TaskStatus,
      due: i.due_on,
      completedOn: i.completed_on,
      percent: i.percent,
    })),
    asOf,
  );
  await repo.setTaskRollup(tx, taskId, { status: r.status, percent: r.percent, completedOn: r.completedOn });
  return r;
}

export function parseDeadlineOr422(text: string | undefined, path: string): Deadline | null {
  if (!text) return null;
  const r = tryParseDeadline(text);
  if (!r.ok) throw invalid('Dữ liệu không hợp lệ', [{ path, message: r.message }]);
  return r.deadline;
}

/** The due date stored with a task, on the calendar officials worked (the yearly notices). */
export const dueOf = (d: Deadline | null, anchor?: string | null) => storedDueDate(d, anchor, officialCalendar);

export async function assertAgencyInForce(tx: Db, agencyId: string, onDate: string, path: string) {
  const a = await repo.agencyAt(tx, agencyId, onDate);
  if (!a) throw invalid('Dữ liệu không hợp lệ', [{ path, message: `Không có cơ quan mã "${agencyId}".` }]);
  if (!a.inForce) {
    throw invalid('Dữ liệu không hợp lệ', [
      {
        path,
        message: `${a.name} không tồn tại vào ngày ${formatDateVi(onDate)} (hiệu lực từ ${formatDateVi(a.valid_from)}${a.valid_to ? ` đến trước ${formatDateVi(a.valid_to)}` : ''}).`,
      },
    ]);
  }
}

export async function assertUnitInForce(tx: Db, unitId: string, onDate: string, path: string) {
  const u = await getUnit(tx, unitId);
  if (!u) throw invalid('Dữ liệu không hợp lệ', [{ path, message: `Không có đơn vị hành chính "${unitId}".` }]);
  if (!inForce(u, onDate)) {
    throw invalid('Dữ liệu không hợp lệ', [
      { path, message: `${u.fullName} không tồn tại vào ngày ${formatDateVi(onDate)}.` },
    ]);
  }
}

/**
 * Who manages a plan's tasks: the program owner for every plan; a ministry or a province for the plans
 * its own agency (ministry, People's Committee) issued, without fan-out to every province or ministry.
 */
export async function assertOwnsPlan(tx: Db, actor: Actor, planId: number, fanOut: string = 'none') {
  const plan = await findPlanIssuer(tx, planId);
  if (!plan) throw notFound(`Không tìm thấy kế hoạch số ${planId}.`);
  const why = refusal(actor, 'plan.manage', {
    issuerAgencyId: plan.issuer_agency_id,
    fanOut,
    actingAgencies: await agenciesOf(tx, actor),
  });
  if (why) throw forbidden(why);
}
