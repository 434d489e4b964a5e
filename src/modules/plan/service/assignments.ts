/** Assignments: progress and status moves, hand-over, reorganisation, evidence files. */
import { createHash } from 'node:crypto';
import { inForce } from '../../../domain/validity';
import type { Db } from '../../../db/client';
import { functionOfProject, receiverByFunction } from '../../../domain/plan/reorganisation';
import { rollUp } from '../../../domain/plan/rollup';
import { checkTransition, type TaskStatus } from '../../../domain/plan/status';
import { formatDateVi, todayInVietnam } from '../../../domain/text';
import { AppError, badRequest, conflict, invalid, notFound } from '../../../errors';
import type { Actor } from '../../access/actor';
import { audit, type AuditActor } from '../../audit/audit';
import * as repo from '../repo';
import * as assignments from '../repo-assignments';
import * as instruments from '../repo-instruments';
import * as tasks from '../repo-tasks';
import type { AssignmentUpdated, ReorganisationDone } from '../contracts';
import type { AssignmentUpdate, Handover, Reorganise } from '../schemas';
import { by, assertActsFor, refreshRollup, assertAgencyInForce } from './shared';
import { assignmentDto } from './read';
import { notifyStatusChange } from './notify';

/**
 * An agency updates its assignment: progress (percent + narrative), a status move allowed to its role,
 * completion with its instrument. Optimistic concurrency: a stale `version` is refused with 409 and
 * both versions, nothing is overwritten.
 */
export async function updateAssignment(
  db: Db,
  actor: Actor,
  taskId: number,
  assignmentId: number,
  input: AssignmentUpdate,
): Promise<AssignmentUpdated> {
  const today = todayInVietnam();
  return db.tx(async (tx) => {
    const current = await assignments.getAssignment(tx, taskId, assignmentId, true);
    if (!current) throw notFound(`Không tìm thấy phân công số ${assignmentId} của nhiệm vụ ${taskId}.`);
    await assertActsFor(tx, actor, current.agency_id);
    if (current.valid_to)
      throw badRequest('Phân công này đã được bàn giao cho cơ quan khác; hãy cập nhật phân công mới.');
    if (input.version !== current.version) {
      throw conflict(
        `Phân công đã được người khác cập nhật (phiên bản ${current.version}, bạn đang sửa phiên bản ${input.version}). Không có gì bị ghi đè: hãy xem lại hai phiên bản rồi lưu lại.`,
        { yours: input, current: assignmentDto(current) },
      );
    }
    let status = current.status as TaskStatus;
    let completedOn = current.completed_on;
    let percent = input.percent ?? current.percent;
    let changed: { from: TaskStatus; to: TaskStatus; note: string | null } | null = null;
    if (input.status && input.status !== current.status) {
      const check = checkTransition(
        status,
        input.status,
        actor.grants.map((g) => g.role),
      );
      if (!check.ok) throw new AppError(check.code === 'forbidden' ? 403 : 409, check.code, check.message);
      if (check.transition.requires === 'note' && !input.note) {
        throw invalid('Dữ liệu không hợp lệ', [
          { path: 'body.note', message: `Cần ghi lý do khi "${check.transition.action}".` },
        ]);
      }
      changed = { from: status, to: input.status, note: input.note ?? null };
      status = input.status;
      if (status === 'completed') {
        completedOn = input.completedOn ?? today;
        percent = 100;
      } else completedOn = null;
    } else if (input.completedOn && status === 'completed') completedOn = input.completedOn;
    else if (status === 'no_report' && (input.percent !== undefined || input.narrative)) {
      // the first progress report says where the work stands: started or not
      const to: TaskStatus = percent > 0 ? 'in_progress' : 'not_started';
      changed = { from: status, to, note: input.note ?? null };
      status = to;
    }
    if (completedOn && completedOn > today)
      throw invalid('Dữ liệu không hợp lệ', [
        { path: 'body.completedOn', message: 'Ngày hoàn thành không được sau hôm nay.' },
      ]);
    const dateProblems = reportDateProblems(current, input, today);
    if (dateProblems.length) throw invalid('Dữ liệu không hợp lệ', dateProblems);
    let instrumentId: number | null = null;
    if (input.instrumentNumber) {
      instrumentId = await instruments.instrumentIdByNumber(tx, input.instrumentNumber);
      if (instrumentId === null)
        throw invalid('Dữ liệu không hợp lệ', [
          { path: 'body.instrumentNumber', message: `Văn bản "${input.instrumentNumber}" chưa có trong sổ văn bản.` },
        ]);
      await tasks.linkTaskInstrument(tx, taskId, instrumentId);
    }
    const note = input.note ?? current.note;
    const version = await assignments.updateAssignmentRow(tx, taskId, assignmentId, current.version, {
      status,
      percent,
      completedOn,
      note,
      instrumentId,
    });
    if (version === null) throw conflict('Phân công vừa được người khác cập nhật; hãy tải lại.', { yours: input });
    if (changed)
      await repo.insertStatusChange(
        tx,
        taskId,
        assignmentId,
        changed.from,
        changed.to,
        changed.note,
        actor.userId,
        actor.displayName,
      );
    if (input.percent !== undefined || input.narrative) {
      await repo.insertProgress(
        tx,
        taskId,
        assignmentId,
        input.reportedOn ?? today,
        percent,
        input.narrative ?? '',
        actor.userId,
        actor.displayName,
      );
    }
    const after = (await assignments.getAssignment(tx, taskId, assignmentId))!;
    await audit(tx, by(actor), {
      action: 'plan.assignment.update',
      entity: 'task_assignment',
      entityId: `${taskId}/${assignmentId}`,
      agencyId: current.agency_id,
      unitId: current.unit_id,
      before: assignmentDto(current),
      after: assignmentDto(after),
    });
    const rollup = await refreshRollup(tx, taskId, today);
    if (changed) await notifyStatusChange(tx, taskId, current.agency_id, changed.to, actor);
    return { assignment: assignmentDto(after), rollup };
  });
}

/**
 * Dates an agency gives for work already done: none after today, none before its assignment existed
 * (the day it was assigned or handed over), and no completion before the task starts. Only dates sent
 * are checked: a hand-over carries the earlier agency's completion date on purpose.
 */
function reportDateProblems(
  current: assignments.AssignmentRow,
  input: AssignmentUpdate,
  today: string,
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const since = `ngày nhận phân công (${formatDateVi(current.valid_from)})`;
  const { reportedOn, completedOn } = input;
  if (reportedOn && reportedOn > today)
    problems.push({ path: 'body.reportedOn', message: 'Ngày báo cáo tiến độ không được sau hôm nay.' });
  if (reportedOn && reportedOn < current.valid_from)
    problems.push({ path: 'body.reportedOn', message: `Ngày báo cáo tiến độ không được trước ${since}.` });
  if (completedOn && completedOn < current.valid_from)
    problems.push({ path: 'body.completedOn', message: `Ngày hoàn thành không được trước ${since}.` });
  if (completedOn && current.task_start_on && completedOn < current.task_start_on)
    problems.push({
      path: 'body.completedOn',
      message: `Ngày hoàn thành không được trước ngày bắt đầu nhiệm vụ (${formatDateVi(current.task_start_on)}).`,
    });
  return problems;
}

/** Hand an assignment over to another agency (reorganisation) without losing its history. */
export async function handOver(db: Db, actor: Actor, taskId: number, assignmentId: number, input: Handover) {
  return db.tx(async (tx) => {
    const current = await assignments.getAssignment(tx, taskId, assignmentId, true);
    if (!current) throw notFound(`Không tìm thấy phân công số ${assignmentId} của nhiệm vụ ${taskId}.`);
    if (current.valid_to) throw badRequest('Phân công này đã được bàn giao trước đó.');
    if (input.toAgencyId === current.agency_id) throw badRequest('Cơ quan nhận bàn giao trùng với cơ quan hiện tại.');
    if (input.onDate <= current.valid_from)
      throw invalid('Dữ liệu không hợp lệ', [
        {
          path: 'body.onDate',
          message: `Ngày bàn giao phải sau ngày giao nhiệm vụ (${formatDateVi(current.valid_from)}).`,
        },
      ]);
    await assertAgencyInForce(tx, input.toAgencyId, input.onDate, 'body.toAgencyId');
    if (await assignments.activeAssignmentOf(tx, taskId, input.toAgencyId)) {
      throw conflict('Cơ quan nhận đã có phân công đang hiệu lực cho nhiệm vụ này.');
    }
    await assignments.closeAssignment(tx, taskId, assignmentId, input.onDate);
    const receiver = await repo.agencyAt(tx, input.toAgencyId, input.onDate);
    // the receiver carries on where the assignment stood
    const created = {
      id: await assignments.insertHandedOverAssignment(tx, {
        taskId,
        agencyId: input.toAgencyId,
        unitId: receiver?.unit_id ?? null,
        status: current.status,
        percent: current.percent,
        dueOn: current.own_due_on,
        completedOn: current.completed_on,
        instrumentId: current.instrument_id,
        note: input.note ?? current.note,
        validFrom: input.onDate,
        handedOverFrom: assignmentId,
      }),
    };
    await audit(tx, by(actor), {
      action: 'plan.assignment.handover',
      entity: 'task_assignment',
      entityId: `${taskId}/${assignmentId}`,
      agencyId: current.agency_id,
      before: assignmentDto(current),
      after: { toAgencyId: input.toAgencyId, onDate: input.onDate, newAssignmentId: created.id },
    });
    await refreshRollup(tx, taskId, todayInVietnam());
    return { id: created.id };
  });
}

/**
 * Reorganisation (e.g. 1/7/2025: 63 provincial People's Committees → 34; 2025: the ministries' work moved
 * by function): every active assignment of an agency that ended on or before `onDate` is handed over.
 * An agency whose functions went to different ministries (MOLISA: poverty reduction → MAE, vocational
 * education → MOET, employment → MOHA) hands each assignment to the receiver of its task's function (its
 * project or sub-project); an agency without such transfers follows its structural successor. Several
 * predecessors merged into one successor give one assignment whose status, percent and completion are
 * their roll-up; the old assignments are kept, closed on the agency's end date. What cannot be decided is
 * reported (`undecided`, `withoutSuccessor`), not guessed.
 */
export async function reorganise(db: Db, who: AuditActor, input: Reorganise): Promise<ReorganisationDone> {
  return db.tx(async (tx) => {
    const rows: (assignments.EndedAssignmentRow & { successor_ok: boolean })[] = (
      await assignments.assignmentsOfEndedAgencies(tx, input.onDate)
    ).map((r) => ({ ...r, successor_ok: false }));
    const transfers = await repo.functionTransfers(tx);
    const agencies = new Map((await repo.successionAgencies(tx)).map((a) => [a.id, a]));
    const inForceOn = (a: { valid_from: string; valid_to: string | null } | undefined) =>
      !!a && inForce({ validFrom: a.valid_from, validTo: a.valid_to }, input.onDate);
    const undecided: { taskId: number; position: string; agencyId: string; reason: string }[] = [];
    for (const r of rows) {
      const receiver = receiverByFunction(r.agency_id, functionOfProject(r.project_code), transfers, input.onDate);
      if (receiver.kind === 'undecided') {
        undecided.push({ taskId: r.task_id, position: r.position, agencyId: r.agency_id, reason: receiver.reason });
        continue;
      }
      // Follow successor chains (e.g. Thừa Thiên Huế → Thành phố Huế (1/1/2025) → the province of 1/7/2025)
      // to the agency in force on the date.
      let cur =
        receiver.kind === 'agency'
          ? agencies.get(receiver.agencyId)
          : r.successor_id
            ? agencies.get(r.successor_id)
            : undefined;
      for (let hops = 0; cur && cur.valid_to && cur.valid_to <= input.onDate && hops < 10; hops++)
        cur = cur.successor_id ? agencies.get(cur.successor_id) : undefined;
      r.successor_ok = inForceOn(cur);
      r.successor_id = cur?.id ?? null;
      r.unit_id = cur?.unit_id ?? null;
    }
    const groups = new Map<string, typeof rows>();
    const orphans = new Set<string>();
    const skipped = new Set(undecided.map((u) => `${u.taskId}|${u.agencyId}`));
    for (const r of rows) {
      if (skipped.has(`${r.task_id}|${r.agency_id}`)) continue;
      if (!r.successor_id || !r.successor_ok) {
        orphans.add(r.agency_id);
        continue;
      }
      const key = `${r.task_id}|${r.successor_id}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const tasks = new Set<number>();
    let created = 0;
    let handedOver = 0;
    for (const group of groups.values()) {
      const { task_id: taskId, successor_id: to, ended } = group[0];
      const r = rollUp(
        group.map((g) => ({ status: g.status, due: g.due_on, completedOn: g.completed_on, percent: g.percent })),
        input.onDate,
      );
      const existing = await assignments.activeAssignmentOf(tx, taskId, to!);
      for (const g of group) await assignments.closeAssignment(tx, taskId, g.id, g.ended);
      handedOver += group.length;
      let newId = existing?.id;
      if (!newId) {
        newId = await assignments.insertHandedOverAssignment(tx, {
          taskId,
          agencyId: to!,
          unitId: group[0].unit_id,
          status: r.status,
          percent: r.percent,
          dueOn: group[0].due_on,
          completedOn: r.completedOn,
          instrumentId: group.length === 1 ? group[0].instrument_id : null,
          note: `Tiếp nhận từ ${group.map((g) => g.agency_id).join(', ')} khi sắp xếp tổ chức (${formatDateVi(ended)}).`,
          validFrom: ended,
          handedOverFrom: group[0].id,
        });
        created++;
      }
      await audit(tx, who, {
        action: 'plan.assignment.reorganise',
        entity: 'task_assignment',
        entityId: `${taskId}/${newId}`,
        agencyId: to,
        before: group.map((g) => ({ id: g.id, agencyId: g.agency_id, status: g.status, percent: g.percent })),
        after: { id: newId, agencyId: to, status: r.status, percent: r.percent },
      });
      tasks.add(taskId);
    }
    for (const taskId of tasks) await refreshRollup(tx, taskId, input.onDate);
    return { handedOver, created, tasks: tasks.size, withoutSuccessor: [...orphans].sort(), undecided };
  });
}

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_TYPES: Record<string, string[]> = {
  pdf: ['application/pdf'],
  doc: ['application/msword'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  xls: ['application/vnd.ms-excel'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  odt: ['application/vnd.oasis.opendocument.text'],
  ods: ['application/vnd.oasis.opendocument.spreadsheet'],
  jpg: ['image/jpeg'],
  jpeg: ['image/jpeg'],
  png: ['image/png'],
};

export async function addEvidence(
  db: Db,
  actor: Actor,
  taskId: number,
  assignmentId: number,
  file: { name: string; type: string; bytes: Uint8Array },
) {
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  const allowed = EVIDENCE_TYPES[ext];
  if (!allowed || (file.type && file.type !== 'application/octet-stream' && !allowed.includes(file.type))) {
    throw invalid('Dữ liệu không hợp lệ', [
      {
        path: 'file',
        message: `Loại tệp "${file.name}" không được phép; chỉ nhận ${Object.keys(EVIDENCE_TYPES).join(', ')}.`,
      },
    ]);
  }
  if (file.bytes.length > EVIDENCE_MAX_BYTES) {
    throw invalid('Dữ liệu không hợp lệ', [
      {
        path: 'file',
        message: `Tệp "${file.name}" quá lớn (${(file.bytes.length / 1048576).toFixed(1)} MB); tối đa 10 MB.`,
      },
    ]);
  }
  if (file.bytes.length === 0) throw invalid('Dữ liệu không hợp lệ', [{ path: 'file', message: 'Tệp rỗng.' }]);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  return db.tx(async (tx) => {
    const a = await assignments.getAssignment(tx, taskId, assignmentId);
    if (!a) throw notFound(`Không tìm thấy phân công số ${assignmentId} của nhiệm vụ ${taskId}.`);
    await assertActsFor(tx, actor, a.agency_id);
    const row = {
      id: await assignments.insertEvidence(tx, {
        taskId,
        fileName: file.name,
        contentType: allowed[0],
        bytes: file.bytes,
        sha256,
        userId: actor.userId,
      }),
    };
    await audit(tx, by(actor), {
      action: 'plan.evidence.create',
      entity: 'evidence_file',
      entityId: `${taskId}/${row.id}`,
      agencyId: a.agency_id,
      after: { fileName: file.name, size: file.bytes.length, sha256 },
    });
    return { id: row.id, sha256, sizeBytes: file.bytes.length };
  });
}

export async function getEvidence(db: Db, taskId: number, id: number) {
  const row = await assignments.findEvidence(db, taskId, id);
  if (!row) throw notFound('Không tìm thấy tệp minh chứng.');
  return row;
}
