/**
 * Periodic reports: forms, periods with their deadline in working days, entry per unit with the
 * form's validation rules on save and on submission, approval level by level up the chain of the
 * period (approval locks the data below), return with a reason, completeness and timeliness.
 */
import type { Db } from '../../db/client';
import { badRequest, conflict, forbidden, invalid, notFound } from '../../errors';
import { todayInVietnam } from '../../domain/text';
import { checkElements } from '../../domain/results/formula';
import { checkValues, type FormDef } from '../../domain/results/forms';
import {
  approveAt,
  chainForPeriod,
  completenessOf,
  deadlineOf,
  entryOpen,
  LEVEL_LABEL_VI,
  periodKeyFormatVi,
  periodOf,
  returnAt,
  statusOf,
  timelinessOf,
  PERIOD_TYPE_VI,
  type ReportLevel,
} from '../../domain/results/reporting';
import { checkRules, type ValidationRule } from '../../domain/results/validation';
import { unitAccess } from '../access/unit-access';
import { audit } from '../audit/audit';
import type { FormView, NewPeriod, PeriodItem, PeriodReports, ReportingSummaryRow, ReportView } from './contracts';
import { can } from './policy';
import { officialCalendar } from '../calendar/official';
import * as repo from './repo';
import { assertCan, auditActorOf, covers, isSystem, nameOf, type Caller } from './shared';

export async function listForms(db: Db): Promise<FormView[]> {
  return repo.listForms(db);
}

export async function formOrThrow(db: Db, code: string): Promise<FormDef> {
  const f = await repo.findForm(db, code);
  if (!f) throw notFound(`Không có biểu báo cáo mã "${code}".`);
  return f;
}

/** Replaces a form's validation rules; a rule naming a field the form does not have is refused. */
export async function setFormRules(db: Db, caller: Caller, code: string, rules: ValidationRule[]): Promise<FormView> {
  assertCan(caller, 'form.edit');
  const form = await formOrThrow(db, code);
  const fields = new Set(form.fields.map((f) => f.code));
  for (const r of rules) {
    checkElements(r.left, fields, `Vế trái của quy tắc ${r.code}`);
    checkElements(r.right, fields, `Vế phải của quy tắc ${r.code}`);
  }
  await db.tx(async (tx) => {
    await repo.updateFormRules(tx, code, rules);
    await audit(tx, auditActorOf(caller), {
      action: 'results.form.rules',
      entity: 'results_form',
      entityId: code,
      before: form.rules,
      after: rules,
    });
  });
  return formOrThrow(db, code);
}

export const periodLabel = (type: FormDef['periodType'], key: string) => periodOf(type, key)?.labelVi ?? key;
export const periodLabelEn = (type: FormDef['periodType'], key: string) => periodOf(type, key)?.labelEn ?? key;

export async function listPeriods(db: Db, formCode?: string): Promise<PeriodItem[]> {
  const forms = new Map((await repo.listForms(db)).map((f) => [f.code, f]));
  return (await repo.listPeriods(db, formCode)).map((p) => {
    const f = forms.get(p.formCode)!;
    return {
      ...p,
      labelVi: periodLabel(f.periodType, p.periodKey),
      labelEn: periodLabelEn(f.periodType, p.periodKey),
      formNumber: f.number,
      formName: f.nameVi,
      unitLevel: f.unitLevel,
    };
  });
}

export async function openPeriod(db: Db, caller: Caller, input: NewPeriod) {
  assertCan(caller, 'period.open', {}, 'Chỉ cơ quan chủ quản chương trình mở kỳ báo cáo.');
  const form = await formOrThrow(db, input.form);
  const period = periodOf(form.periodType, input.periodKey);
  if (!period) {
    throw invalid('Kỳ báo cáo không hợp lệ', [
      {
        path: 'periodKey',
        message: `Biểu ${form.number} báo cáo theo kỳ ${PERIOD_TYPE_VI[form.periodType].toLowerCase()}: mã kỳ phải có dạng ${periodKeyFormatVi(form.periodType)}.`,
      },
    ]);
  }
  const deadline = deadlineOf(period, form.deadlineWorkingDays, officialCalendar);
  const opensOn = input.opensOn ?? period.startsOn;
  const closesOn = input.closesOn ?? deadline;
  if (closesOn < opensOn)
    throw invalid('Kỳ báo cáo không hợp lệ', [{ path: 'closesOn', message: 'Ngày đóng kỳ phải không trước ngày mở.' }]);
  const fullChain = chainForPeriod(period);
  const chain = fullChain.slice(Math.max(0, fullChain.indexOf(form.unitLevel)));
  if (chain.length === 0) throw badRequest(`Chưa có tuyến phê duyệt cho kỳ ${period.labelVi}.`);
  if ((await repo.listPeriods(db, form.code)).some((p) => p.periodKey === period.key))
    throw conflict(`Kỳ ${period.labelVi} của ${form.number} đã được mở.`);
  return db.tx(async (tx) => {
    const row = await repo.insertPeriod(tx, {
      formCode: form.code,
      periodKey: period.key,
      startsOn: period.startsOn,
      endsOn: period.endsOn,
      opensOn,
      closesOn,
      deadline,
      chain,
      openedBy: nameOf(caller),
    });
    await audit(tx, auditActorOf(caller), {
      action: 'results.period.open',
      entity: 'results_period',
      entityId: row.id,
      after: row,
    });
    return { ...row, labelVi: period.labelVi, labelEn: period.labelEn };
  });
}

interface Context {
  form: FormDef;
  period: repo.PeriodRow;
  labelVi: string;
  labelEn: string;
  unit: { id: string; code: string; fullName: string; level: string; provinceId: string };
  report: repo.ReportRow | undefined;
  chain: ReportLevel[];
}

/** The form, period and unit of a report; a unit that did not exist during the period is refused. */
async function contextOf(db: Db, periodId: number, unitId: string): Promise<Context> {
  const period = await repo.findPeriod(db, periodId);
  if (!period) throw notFound(`Không có kỳ báo cáo số ${periodId}.`);
  const form = await formOrThrow(db, period.formCode);
  const unit = await repo.unitValidDuring(db, unitId, period.startsOn, period.endsOn);
  const labelVi = periodLabel(form.periodType, period.periodKey);
  if (!unit || unit.level !== form.unitLevel) {
    throw invalid('Đơn vị không hợp lệ', [
      {
        path: 'unitId',
        message: `Đơn vị "${unitId}" không phải đơn vị ${form.unitLevel === 'commune' ? 'cấp xã' : 'cấp tỉnh'} tồn tại trong kỳ ${labelVi}: không lập được báo cáo ${form.number} cho đơn vị này.`,
      },
    ]);
  }
  return {
    form,
    period,
    labelVi,
    labelEn: periodLabelEn(form.periodType, period.periodKey),
    unit,
    report: await repo.findReport(db, periodId, unitId),
    chain: period.chain as ReportLevel[],
  };
}

function viewOf(ctx: Context, caller: Caller, coversUnit: boolean, today: string): ReportView {
  const approvals = ctx.report?.approvals ?? [];
  const st = statusOf(ctx.chain, approvals);
  const values = ctx.report?.values ?? {};
  const open = entryOpen(ctx.period.opensOn, ctx.period.closesOn, today).ok;
  return {
    form: {
      code: ctx.form.code,
      number: ctx.form.number,
      annex: ctx.form.annex,
      nameVi: ctx.form.nameVi,
      legalBasis: ctx.form.legalBasis,
      status: ctx.form.status,
      note: ctx.form.note,
      fields: ctx.form.fields,
      rules: ctx.form.rules,
    },
    period: {
      id: ctx.period.id,
      key: ctx.period.periodKey,
      labelVi: ctx.labelVi,
      labelEn: ctx.labelEn,
      startsOn: ctx.period.startsOn,
      endsOn: ctx.period.endsOn,
      opensOn: ctx.period.opensOn,
      closesOn: ctx.period.closesOn,
      deadline: ctx.period.deadline,
      chain: ctx.chain.map((l) => ({ level: l, labelVi: LEVEL_LABEL_VI[l] })),
    },
    unit: {
      id: ctx.unit.id,
      code: ctx.unit.code,
      name: ctx.unit.fullName,
      provinceName: ctx.report?.provinceName ?? '',
    },
    report: {
      id: ctx.report?.id ?? null,
      values,
      approvals: approvals.map((a) => ({ ...a, labelVi: LEVEL_LABEL_VI[a.level] })),
      submittedOn: ctx.report?.submittedOn ?? null,
      returnedReason: ctx.report?.returnedReason ?? null,
      version: ctx.report?.version ?? 0,
    },
    state: st.state,
    nextLevel: st.nextLevel,
    nextLevelVi: st.nextLevel ? LEVEL_LABEL_VI[st.nextLevel] : null,
    failures: checkRules(ctx.form.rules, values).map(({ rule, message }) => ({ rule, message })),
    timeliness: timelinessOf(ctx.report?.submittedOn ?? null, ctx.period.deadline, today),
    can: {
      edit: open && !st.locked && can(caller, 'report.edit', { covers: coversUnit }),
      submit: open && st.state === 'draft' && !!ctx.report && can(caller, 'report.submit', { covers: coversUnit }),
      approve:
        st.state !== 'draft' &&
        st.nextLevel !== null &&
        can(caller, 'report.approve', { covers: coversUnit, level: st.nextLevel }),
      return:
        st.state !== 'draft' &&
        st.nextLevel !== null &&
        can(caller, 'report.return', { covers: coversUnit, level: st.nextLevel }),
      print: st.state !== 'draft',
    },
  };
}

export async function reportView(
  db: Db,
  caller: Caller,
  periodId: number,
  unitId: string,
  today = todayInVietnam(),
): Promise<ReportView> {
  const ctx = await contextOf(db, periodId, unitId);
  const c = await covers(db, caller, ctx.unit.id);
  assertCan(caller, 'report.read', { covers: c }, 'Đơn vị này nằm ngoài phạm vi được phân quyền của bạn.');
  const view = viewOf(ctx, caller, c, today);
  if (!view.unit.provinceName)
    view.unit.provinceName =
      (await repo.unitValidDuring(db, ctx.unit.provinceId, ctx.period.startsOn, ctx.period.endsOn))?.fullName ?? '';
  return view;
}

export async function reportViewById(db: Db, caller: Caller, reportId: number, today = todayInVietnam()) {
  const r = await repo.findReportById(db, reportId);
  if (!r) throw notFound(`Không có báo cáo số ${reportId}.`);
  return reportView(db, caller, r.periodId, r.unitId, today);
}

function problemsOrThrow(form: FormDef, values: Record<string, number | null>, when: string) {
  const fieldProblems = checkValues(form, values);
  if (fieldProblems.length)
    throw invalid(
      'Số liệu không hợp lệ',
      fieldProblems.map((p) => ({ path: p.field, message: p.message })),
    );
  const failures = checkRules(form.rules, values);
  if (failures.length)
    throw invalid(
      `Số liệu không qua kiểm tra ${when}`,
      failures.map((f) => ({ path: f.rule, message: f.message })),
    );
}

/** Saves entered values (all-or-nothing): refused when entry is closed, the report is locked, or a rule fails. */
export async function saveValues(
  db: Db,
  caller: Caller,
  periodId: number,
  unitId: string,
  values: Record<string, number | null>,
  today = todayInVietnam(),
) {
  const ctx = await contextOf(db, periodId, unitId);
  const c = await covers(db, caller, ctx.unit.id);
  assertCan(caller, 'report.edit', { covers: c }, 'Chỉ cán bộ được phân quyền trên đơn vị này nhập được báo cáo.');
  const open = entryOpen(ctx.period.opensOn, ctx.period.closesOn, today);
  if (!open.ok) throw conflict(open.message);
  const st = statusOf(ctx.chain, ctx.report?.approvals ?? []);
  if (st.locked)
    throw conflict(
      `Báo cáo đã gửi${st.state === 'approved' ? ' và được phê duyệt' : ''}: số liệu bị khóa, không sửa được (cần cấp trên trả lại).`,
    );
  const merged = { ...(ctx.report?.values ?? {}), ...values };
  problemsOrThrow(ctx.form, merged, 'khi lưu');
  return db.tx(async (tx) => {
    const id = await repo.saveReport(tx, {
      provinceId: ctx.unit.provinceId,
      periodId,
      unitId,
      values: merged,
      approvals: [],
      submittedOn: null,
      returnedReason: ctx.report?.returnedReason ?? null,
      by: nameOf(caller),
    });
    await audit(tx, auditActorOf(caller), {
      action: 'results.report.save',
      entity: 'results_report',
      entityId: id,
      unitId,
      before: ctx.report?.values ?? null,
      after: merged,
    });
    return reportView(tx, caller, periodId, unitId, today);
  });
}

export async function submitReport(db: Db, caller: Caller, periodId: number, unitId: string, today = todayInVietnam()) {
  const ctx = await contextOf(db, periodId, unitId);
  const c = await covers(db, caller, ctx.unit.id);
  assertCan(caller, 'report.submit', { covers: c }, 'Chỉ cán bộ được phân quyền trên đơn vị này gửi được báo cáo.');
  const open = entryOpen(ctx.period.opensOn, ctx.period.closesOn, today);
  if (!open.ok) throw conflict(open.message);
  if (!ctx.report) throw conflict('Chưa có số liệu để gửi: hãy nhập và lưu báo cáo trước.');
  problemsOrThrow(ctx.form, ctx.report.values, 'khi gửi');
  const r = approveAt(ctx.chain, ctx.report.approvals, ctx.chain[0], today, nameOf(caller));
  if (!r.ok) throw conflict(r.message);
  return db.tx(async (tx) => {
    await repo.saveReport(tx, {
      provinceId: ctx.unit.provinceId,
      periodId,
      unitId,
      values: ctx.report!.values,
      approvals: r.approvals,
      submittedOn: today,
      returnedReason: null,
      by: nameOf(caller),
    });
    await repo.adjustTally(tx, periodId, {
      submitted: 1,
      onTime: today <= ctx.period.deadline ? 1 : 0,
      approved: r.approvals.length === ctx.chain.length ? 1 : 0,
    });
    await audit(tx, auditActorOf(caller), {
      action: 'results.report.submit',
      entity: 'results_report',
      entityId: ctx.report!.id,
      unitId,
      after: { submittedOn: today },
    });
    return reportView(tx, caller, periodId, unitId, today);
  });
}

export async function approveReport(db: Db, caller: Caller, reportId: number, today = todayInVietnam()) {
  const found = await repo.findReportById(db, reportId);
  if (!found) throw notFound(`Không có báo cáo số ${reportId}.`);
  const ctx = await contextOf(db, found.periodId, found.unitId);
  const st = statusOf(ctx.chain, found.approvals);
  if (st.state === 'draft') throw conflict('Báo cáo chưa được gửi: chưa phê duyệt được.');
  if (st.nextLevel === null) throw conflict('Báo cáo đã được phê duyệt ở tất cả các cấp.');
  const c = await covers(db, caller, ctx.unit.id);
  if (!can(caller, 'report.approve', { covers: c, level: st.nextLevel }))
    throw forbidden(
      `Báo cáo đang chờ ${LEVEL_LABEL_VI[st.nextLevel].toLowerCase()} phê duyệt; bạn không có quyền ở cấp này cho đơn vị này.`,
    );
  const r = approveAt(ctx.chain, found.approvals, st.nextLevel, today, nameOf(caller));
  if (!r.ok) throw conflict(r.message);
  return db.tx(async (tx) => {
    await repo.saveReport(tx, {
      provinceId: found.provinceId,
      periodId: found.periodId,
      unitId: found.unitId,
      values: found.values,
      approvals: r.approvals,
      submittedOn: found.submittedOn,
      returnedReason: null,
      by: nameOf(caller),
    });
    await repo.adjustTally(tx, found.periodId, {
      submitted: 0,
      onTime: 0,
      approved: r.approvals.length === ctx.chain.length ? 1 : 0,
    });
    await audit(tx, auditActorOf(caller), {
      action: 'results.report.approve',
      entity: 'results_report',
      entityId: reportId,
      unitId: found.unitId,
      before: found.approvals,
      after: r.approvals,
    });
    return reportView(tx, caller, found.periodId, found.unitId, today);
  });
}

export async function returnReport(db: Db, caller: Caller, reportId: number, reason: string, today = todayInVietnam()) {
  const found = await repo.findReportById(db, reportId);
  if (!found) throw notFound(`Không có báo cáo số ${reportId}.`);
  const ctx = await contextOf(db, found.periodId, found.unitId);
  const st = statusOf(ctx.chain, found.approvals);
  const c = await covers(db, caller, ctx.unit.id);
  if (st.nextLevel && !can(caller, 'report.return', { covers: c, level: st.nextLevel }))
    throw forbidden('Bạn không có quyền trả lại báo cáo ở bước này.');
  const r = returnAt(ctx.chain, found.approvals, st.nextLevel ?? ctx.chain[0], reason);
  if (!r.ok) throw conflict(r.message);
  return db.tx(async (tx) => {
    await repo.saveReport(tx, {
      provinceId: found.provinceId,
      periodId: found.periodId,
      unitId: found.unitId,
      values: found.values,
      approvals: r.approvals,
      submittedOn: r.approvals.length === 0 ? null : found.submittedOn,
      returnedReason: reason,
      by: nameOf(caller),
    });
    if (r.approvals.length === 0) {
      await repo.adjustTally(tx, found.periodId, {
        submitted: -1,
        onTime: found.submittedOn && found.submittedOn <= ctx.period.deadline ? -1 : 0,
        approved: 0,
      });
    }
    await audit(tx, auditActorOf(caller), {
      action: 'results.report.return',
      entity: 'results_report',
      entityId: reportId,
      unitId: found.unitId,
      before: found.approvals,
      after: { approvals: r.approvals, reason },
    });
    return reportView(tx, caller, found.periodId, found.unitId, today);
  });
}

/** Reports of a period within the caller's scope: each expected unit's state and timeliness, and totals. */
export async function periodReports(
  db: Db,
  caller: Caller,
  periodId: number,
  today = todayInVietnam(),
): Promise<PeriodReports> {
  const period = await repo.findPeriod(db, periodId);
  if (!period) throw notFound(`Không có kỳ báo cáo số ${periodId}.`);
  const form = await formOrThrow(db, period.formCode);
  let within: string[] | null = null;
  if (!isSystem(caller) && !can(caller, 'overview.read')) {
    const access = await unitAccess(db, caller);
    within = access.unitIds ? [...access.unitIds] : null;
  }
  const units = await repo.unitsOn(db, form.unitLevel, period.endsOn, within);
  const reports = new Map((await repo.reportsOfPeriod(db, periodId, within)).map((r) => [r.unitId, r]));
  const chain = period.chain as ReportLevel[];
  const rows = units.map((u) => {
    const r = reports.get(u.id);
    const st = statusOf(chain, r?.approvals ?? []);
    return {
      unitId: u.id,
      unitCode: u.code,
      unitName: u.fullName,
      reportId: r?.id ?? null,
      state: st.state,
      nextLevel: st.nextLevel,
      nextLevelVi: st.nextLevel ? LEVEL_LABEL_VI[st.nextLevel] : null,
      submittedOn: r?.submittedOn ?? null,
      timeliness: timelinessOf(r?.submittedOn ?? null, period.deadline, today),
      returnedReason: r?.returnedReason ?? null,
    };
  });
  const completeness = completenessOf(
    units.length,
    rows.map((r) => ({ submittedOn: r.submittedOn, fullyApproved: r.state === 'approved' && r.nextLevelVi === null })),
    period.deadline,
  );
  return {
    period: {
      ...period,
      labelVi: periodLabel(form.periodType, period.periodKey),
      labelEn: periodLabelEn(form.periodType, period.periodKey),
      formNumber: form.number,
      formName: form.nameVi,
    },
    completeness,
    rows,
  };
}

/**
 * Completeness and timeliness of every period (national, for the owner's overview): kept tallies and one count of
 * expected units.
 */
export async function reportingSummary(db: Db, today = todayInVietnam()): Promise<ReportingSummaryRow[]> {
  const counts = new Map((await repo.periodCounts(db)).map((c) => [c.periodId, c]));
  const expected = new Map((await repo.expectedCounts(db)).map((c) => [c.periodId, c.expected]));
  return (await listPeriods(db)).map((p) => {
    const c = counts.get(p.id) ?? { submitted: 0, onTime: 0, approved: 0 };
    const e = expected.get(p.id) ?? 0;
    const pct = (n: number) => (e > 0 ? Math.round((10000 * n) / e) / 100 : null);
    return {
      periodId: p.id,
      formNumber: p.formNumber,
      formName: p.formName,
      labelVi: p.labelVi,
      labelEn: p.labelEn,
      deadline: p.deadline,
      overdue: today > p.deadline,
      missing: e - c.submitted,
      expected: e,
      submitted: c.submitted,
      onTime: c.onTime,
      approved: c.approved,
      reportingRate: pct(c.submitted),
      reportingRateOnTime: pct(c.onTime),
    };
  });
}
