/**
 * Report data of a period out (Excel, JSON exchange format) and in: an import is all-or-nothing, with
 * every problem of the file in one pass, and applies the rules of entry in the UI: the caller's scope,
 * the entry window, the lock of a submitted or approved report, the field checks and the form's
 * validation rules. A row equal to what is stored changes nothing (so an exported file imports back).
 */
import type { Db } from '../../db/client';
import { forbidden, invalid, notFound } from '../../errors';
import { todayInVietnam } from '../../domain/text';
import {
  EXCHANGE_FORMAT,
  EXCHANGE_VERSION,
  sameValues,
  type ExchangeDocument,
  type ExchangeProblem,
  readExchange,
  type ExchangeRow,
} from '../../domain/results/exchange';
import { checkValues } from '../../domain/results/forms';
import { entryOpen, statusOf, STATE_VI, type ReportLevel } from '../../domain/results/reporting';
import { checkRules } from '../../domain/results/validation';
import { unitAccess } from '../access/unit-access';
import { audit } from '../audit/audit';
import { periodWorkbook, readPeriodWorkbook } from './excel';
import { can } from './policy';
import * as repo from './repo';
import { formOrThrow, periodLabel, periodReports } from './service-reports';
import { auditActorOf, isSystem, nameOf, type Caller } from './shared';

/** The period's expected units within the caller's scope, with their reports' figures (none: empty). */
export async function periodData(db: Db, caller: Caller, periodId: number) {
  const { period, rows } = await periodReports(db, caller, periodId);
  const form = await formOrThrow(db, period.formCode);
  const reports = new Map(
    (
      await repo.reportsOfPeriod(
        db,
        periodId,
        rows.map((r) => r.unitId),
      )
    ).map((r) => [r.unitId, r]),
  );
  return {
    form,
    period,
    units: rows.map((r) => ({
      unitCode: r.unitCode,
      unitName: r.unitName,
      hasReport: r.reportId !== null,
      state: r.reportId === null ? 'Chưa có báo cáo' : STATE_VI[r.state],
      submittedOn: r.submittedOn,
      values: reports.get(r.unitId)?.values ?? {},
    })),
  };
}

/** A period's report data within the caller's scope as rows (one per unit, one column per field: plain numbers). */
export async function periodDataRows(db: Db, caller: Caller, periodId: number) {
  const { form, period, units } = await periodData(db, caller, periodId);
  return {
    fileName: `${form.code}-${period.periodKey}.csv`,
    rows: units
      .filter((u) => u.hasReport)
      .map((u) => ({
        'Mã đơn vị': u.unitCode,
        'Đơn vị': u.unitName,
        Kỳ: period.periodKey,
        'Trạng thái': u.state,
        'Ngày gửi': u.submittedOn,
        ...Object.fromEntries(form.fields.map((f) => [f.labelVi, u.values[f.code] ?? null])),
      })),
  };
}

/** The JSON exchange document of a period (one group per unit that has a report). */
export async function periodExchange(
  db: Db,
  caller: Caller,
  periodId: number,
  today = todayInVietnam(),
): Promise<ExchangeDocument> {
  const { form, period, units } = await periodData(db, caller, periodId);
  return {
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_VERSION,
    dataSet: form.code,
    dataSetNumber: form.number,
    period: period.periodKey,
    periodStart: period.startsOn,
    periodEnd: period.endsOn,
    exportedOn: today,
    groups: units
      .filter((u) => u.hasReport)
      .map((u) => ({
        orgUnit: u.unitCode,
        orgUnitName: u.unitName,
        status: u.state,
        submittedOn: u.submittedOn,
        dataValues: form.fields.map((f) => ({ dataElement: f.code, value: u.values[f.code] ?? null })),
      })),
  };
}

const byPlace = (a: ExchangeProblem, b: ExchangeProblem) =>
  (a.sheet ?? '').localeCompare(b.sheet ?? '') ||
  (a.row ?? 0) - (b.row ?? 0) ||
  (a.column ?? '').length - (b.column ?? '').length ||
  (a.column ?? '').localeCompare(b.column ?? '');

/**
 * Stores the rows read from a file, or nothing: a clear Vietnamese message per problem (sheet/row/column
 * or JSON path). Returns how many reports changed and how many rows were already as stored.
 */
export async function importPeriodData(
  db: Db,
  caller: Caller,
  periodId: number,
  file: { name: string; rows: ExchangeRow[]; problems: ExchangeProblem[] },
  today = todayInVietnam(),
): Promise<{ periodId: number; changed: number; unchanged: number }> {
  const period = await repo.findPeriod(db, periodId);
  if (!period) throw notFound(`Không có kỳ báo cáo số ${periodId}.`);
  if (!isSystem(caller) && !can(caller, 'report.edit', { covers: true }))
    throw forbidden('Chỉ cán bộ tỉnh, xã được phân quyền trên đơn vị nhập được số liệu báo cáo.');
  const form = await formOrThrow(db, period.formCode);
  const labelVi = periodLabel(form.periodType, period.periodKey);
  const chain = period.chain as ReportLevel[];
  const problems: ExchangeProblem[] = [];
  const open = entryOpen(period.opensOn, period.closesOn, today);
  if (!open.ok) problems.push({ message: open.message });
  if (file.rows.length === 0 && file.problems.length === 0)
    problems.push({ message: 'Tệp không có dòng số liệu nào.' });

  const units = new Map<string, { id: string; code: string; fullName: string; provinceId: string }>();
  const codes = [...new Set(file.rows.map((r) => r.unitCode))];
  for (const u of await repo.unitsByCodeDuring(db, form.unitLevel, codes, period.startsOn, period.endsOn))
    if (!units.has(u.code)) units.set(u.code, u);
  const access = isSystem(caller) ? null : await unitAccess(db, caller);
  const stored = new Map(
    (
      await repo.reportsOfPeriod(
        db,
        periodId,
        [...units.values()].map((u) => u.id),
      )
    ).map((r) => [r.unitId, r]),
  );
  const level = form.unitLevel === 'commune' ? 'cấp xã' : 'cấp tỉnh';
  const seen = new Set<string>();
  const changes: {
    unit: { id: string; provinceId: string };
    before: repo.ReportRow | undefined;
    values: Record<string, number | null>;
  }[] = [];
  for (const row of file.rows) {
    const u = units.get(row.unitCode);
    if (!u) {
      problems.push({
        ...row.at,
        message: `mã "${row.unitCode}" không phải đơn vị ${level} tồn tại trong kỳ ${labelVi}.`,
      });
      continue;
    }
    if (seen.has(u.code)) {
      problems.push({ ...row.at, message: `${u.fullName} có hơn một dòng số liệu trong tệp.` });
      continue;
    }
    seen.add(u.code);
    if (access && !access.covers(u.id)) {
      problems.push({ ...row.at, message: `${u.fullName} nằm ngoài phạm vi được phân quyền của bạn.` });
      continue;
    }
    const before = stored.get(u.id);
    if (sameValues(form, row.values, before?.values ?? {})) continue;
    const st = statusOf(chain, before?.approvals ?? []);
    if (st.locked) {
      problems.push({
        ...row.at,
        message: `báo cáo của ${u.fullName} đã gửi${st.state === 'approved' ? ' và được phê duyệt' : ''}: số liệu bị khóa, không sửa được (cần cấp trên trả lại).`,
      });
      continue;
    }
    const fieldProblems = checkValues(form, row.values);
    for (const p of fieldProblems) problems.push({ ...(row.cells[p.field] ?? row.at), message: p.message });
    if (fieldProblems.length === 0 && !row.unreadable)
      for (const f of checkRules(form.rules, row.values))
        problems.push({ ...row.at, message: `${u.fullName}: ${f.message}` });
    changes.push({ unit: u, before, values: row.values });
  }
  const all = [...file.problems, ...problems].sort(byPlace);
  if (all.length) throw invalid(`Tệp "${file.name}" có ${all.length} lỗi: chưa lưu số liệu nào.`, all);

  await db.tx(async (tx) => {
    for (const c of changes) {
      const id = await repo.saveReport(tx, {
        provinceId: c.unit.provinceId,
        periodId,
        unitId: c.unit.id,
        values: c.values,
        approvals: [],
        submittedOn: null,
        returnedReason: c.before?.returnedReason ?? null,
        by: nameOf(caller),
      });
      await audit(tx, auditActorOf(caller), {
        action: 'results.report.import',
        entity: 'results_report',
        entityId: id,
        unitId: c.unit.id,
        before: c.before?.values ?? null,
        after: { values: c.values, file: file.name },
      });
    }
  });
  return { periodId, changed: changes.length, unchanged: file.rows.length - changes.length };
}

/** The period's report data as an Excel workbook (the import template too). */
export async function periodXlsx(db: Db, caller: Caller, periodId: number) {
  const { form, period, units } = await periodData(db, caller, periodId);
  return {
    fileName: `${form.code}-${period.periodKey}.xlsx`,
    bytes: await periodWorkbook(form, period, units),
  };
}

/** Imports an uploaded file: Excel (.xlsx, as exported) or the JSON exchange format, told apart by content. */
export async function importPeriodFile(
  db: Db,
  caller: Caller,
  periodId: number,
  name: string,
  bytes: Buffer,
  today = todayInVietnam(),
) {
  const period = await repo.findPeriod(db, periodId);
  if (!period) throw notFound(`Không có kỳ báo cáo số ${periodId}.`);
  const form = await formOrThrow(db, period.formCode);
  const isZip = bytes.subarray(0, 2).toString('latin1') === 'PK';
  let read: { rows: ExchangeRow[]; problems: ExchangeProblem[] };
  if (isZip) read = await readPeriodWorkbook(bytes, form, period.periodKey);
  else {
    let doc: unknown;
    try {
      doc = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    } catch {
      throw invalid(`Tệp "${name}" không đọc được`, [
        { message: 'Tệp không phải tệp Excel (.xlsx) hay tệp JSON trao đổi số liệu.' },
      ]);
    }
    read = readExchange(doc, form, period.periodKey);
  }
  return importPeriodData(db, caller, periodId, { name, ...read }, today);
}
