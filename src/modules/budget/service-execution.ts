/**
 * Budget execution: lines (year × province × project/sub-project × source) with their transactions,
 * monthly disbursement reports from provinces, the dashboard with execution rates, slow-disbursement
 * alerts and local counterpart compliance. Across the 2025 reform, lines of old provinces roll up
 * into the new ones through the units module's lineage.
 */
import type { Db } from '../../db/client';
import {
  COUNTERPART_02_2022,
  counterpartCompliance,
  counterpartMinimum,
  executionRate,
  isSlow,
  PHASE_LABEL_VI,
  SOURCE_LABEL_VI,
} from '../../domain/budget';
import { formatDateVi, formatNumberVi, todayInVietnam } from '../../domain/text';
import { forbidden, invalid, notFound, type Problem } from '../../errors';
import type { Actor } from '../access/actor';
import { unitAccess } from '../access/unit-access';
import { audit } from '../audit/audit';
import { getUnit, resolveCode } from '../units/repo';
import { unitSuccessors } from '../units/service';
import type { ExecutionQuery, NewLine, NewTransaction, ProvinceExecution, SupportRatio } from './contracts';
import { can, permissions } from './policy';
import { REPORT_SHEET, type ReportSheetRow } from './excel';
import * as repo from './repo';
import { assertCan, by } from './service';

const REFORM_DAY = '2025-07-01';

/**
 * The current province a province version rolls up into, through the units module's lineage.
 * Lineage is reference data (reloaded only with the units dataset, at start): remembered per database.
 */
const rollups = new WeakMap<Db, Map<string, { id: string; code: string; name: string } | null>>();
async function rollupProvince(db: Db, unitId: string) {
  const cache = rollups.get(db) ?? new Map();
  rollups.set(db, cache);
  if (!cache.has(unitId)) {
    const p = (await unitSuccessors(db, unitId)).rollupProvince;
    cache.set(unitId, p ? { id: p.id, code: p.code, name: p.fullName } : null);
  }
  return cache.get(unitId)!;
}
const million = (n: number) => `${formatNumberVi(Math.round(n / 1_000_000))} triệu đồng`;

/** The province version must exist at some time in [from, to). */
async function assertProvinceExists(db: Db, unitId: string, from: string, to: string, what: string, path: string) {
  const u = await getUnit(db, unitId);
  if (!u || u.level !== 'province')
    throw invalid('Dữ liệu không hợp lệ.', [{ path, message: `Không có tỉnh "${unitId}".` }]);
  if (u.validFrom >= to || (u.validTo !== null && u.validTo <= from)) {
    throw invalid('Tỉnh không tồn tại vào thời gian này.', [
      {
        path,
        message: `${u.fullName} không tồn tại trong ${what} (hiệu lực từ ${formatDateVi(u.validFrom)}${u.validTo ? ` đến trước ${formatDateVi(u.validTo)}` : ''}).`,
      },
    ]);
  }
  return u;
}

const monthRange = (year: number, month: number) => {
  const from = `${year}-${String(month).padStart(2, '0')}-01`;
  const to = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return { from, to };
};

/** A line and its assigned estimate (program owner). */
export async function createLine(db: Db, actor: Actor | null, input: NewLine) {
  const a = assertCan(actor, 'planExecution');
  await assertProvinceExists(
    db,
    input.unitId,
    `${input.year}-01-01`,
    `${input.year + 1}-01-01`,
    `năm ${input.year}`,
    'unitId',
  );
  return db.tx(async (tx) => {
    const line = {
      year: input.year,
      unitId: input.unitId,
      project: input.project,
      subProject: input.subProject,
      source: input.source,
    };
    const id = await repo.upsertLine(tx, line);
    await repo.lockLine(tx, id);
    await repo.insertTransaction(tx, {
      lineId: id,
      phase: 'assigned',
      month: null,
      amount: input.assigned,
      legalBasis: input.legalBasis ?? null,
      reportedBy: a.username,
    });
    await audit(tx, by(a), {
      action: 'budget.line.assign',
      entity: 'budget_line',
      entityId: id,
      unitId: input.unitId,
      after: input,
    });
    return { id };
  });
}

/**
 * One transaction on a line. Disbursement is reported by the province (its officers, for the
 * provinces they cover) for a month in which the province existed, and never above what was
 * assigned (assigned + adjustments); other phases are the program owner's.
 */
export async function addTransaction(db: Db, actor: Actor | null, lineId: number, input: NewTransaction) {
  const line = await repo.getLine(db, lineId);
  if (!line) throw notFound(`Không có dòng kế hoạch vốn số ${lineId}.`);
  const isReport = input.phase === 'disbursed';
  let a: Actor;
  if (isReport) {
    a = assertCan(actor, 'read');
    const access = await unitAccess(db, a);
    if (!can(a, 'reportExecution', { unitId: line.unitId, access }))
      throw forbidden('Bạn chỉ báo cáo giải ngân của tỉnh mình.');
    if (!input.month)
      throw invalid('Dữ liệu không hợp lệ.', [{ path: 'month', message: 'Báo cáo giải ngân cần tháng.' }]);
    if (input.amount <= 0)
      throw invalid('Dữ liệu không hợp lệ.', [{ path: 'amount', message: 'Số giải ngân phải lớn hơn 0.' }]);
    const m = monthRange(line.year, input.month);
    await assertProvinceExists(db, line.unitId, m.from, m.to, `tháng ${input.month}/${line.year}`, 'month');
  } else {
    a = assertCan(actor, 'planExecution');
  }
  return db.tx(async (tx) => {
    await repo.lockLine(tx, lineId);
    const totals = await repo.phaseTotals(tx, lineId);
    const available = (totals.assigned ?? 0) + (totals.adjusted ?? 0) + (input.phase === 'adjusted' ? input.amount : 0);
    const disbursed = (totals.disbursed ?? 0) + (isReport ? input.amount : 0);
    if (disbursed > available) {
      throw invalid('Số giải ngân vượt số vốn được giao.', [
        {
          path: 'amount',
          message: `Lũy kế giải ngân ${million(disbursed)} vượt số vốn được giao ${million(available)}.`,
        },
      ]);
    }
    const t = await repo.insertTransaction(tx, {
      lineId,
      phase: input.phase,
      month: input.month ?? null,
      amount: input.amount,
      legalBasis: input.legalBasis ?? null,
      reportedBy: a.username,
    });
    await audit(tx, by(a), {
      action: `budget.line.${input.phase}`,
      entity: 'budget_line',
      entityId: lineId,
      unitId: line.unitId,
      after: { ...input, phaseVi: PHASE_LABEL_VI[input.phase] },
    });
    return { id: t.id };
  });
}

export async function setSupportRatio(db: Db, actor: Actor | null, input: SupportRatio) {
  const a = assertCan(actor, 'planExecution');
  await assertProvinceExists(
    db,
    input.unitId,
    `${input.year}-01-01`,
    `${input.year + 1}-01-01`,
    `năm ${input.year}`,
    'unitId',
  );
  await db.tx(async (tx) => {
    await repo.upsertSupportRatio(tx, input);
    await audit(tx, by(a), {
      action: 'budget.support_ratio.set',
      entity: 'budget_support_ratio',
      entityId: `${input.year}:${input.unitId}`,
      unitId: input.unitId,
      after: input,
    });
  });
  return { ok: true };
}

/** The execution dashboard of a year, within the caller's scope. */
export async function executionDashboard(db: Db, actor: Actor | null, q: ExecutionQuery) {
  const a = assertCan(actor, 'read');
  const access = await unitAccess(db, a);
  const asOf = q.asOf ?? todayInVietnam();
  const scoped = a.grants.some(
    (g) =>
      g.role === 'admin' || g.role === 'program_owner' || g.role === 'steering_member' || g.role === 'ministry_lead',
  )
    ? null
    : access.unitIds
      ? [...access.unitIds]
      : [];
  const rows = await repo.executionRows(db, q.year, scoped);
  const ratios = await repo.supportRatios(db, q.year);

  // Roll-up target of each recorded province: itself, or the current province it became.
  const target = new Map<string, { id: string; code: string; name: string }>();
  for (const r of rows) {
    if (target.has(r.unitId)) continue;
    const p = q.boundaries === 'current' ? await rollupProvince(db, r.unitId) : null;
    target.set(r.unitId, p ?? { id: r.unitId, code: r.provinceCode, name: r.provinceName });
  }

  const provinces = new Map<string, ProvinceExecution & { recordedUnits: Set<string> }>();
  for (const r of rows) {
    const t = target.get(r.unitId)!;
    const p: ProvinceExecution & { recordedUnits: Set<string> } = provinces.get(t.id) ?? {
      unitId: t.id,
      provinceCode: t.code,
      provinceName: t.name,
      assigned: 0,
      adjusted: 0,
      disbursed: 0,
      rate: null,
      slow: false,
      monthly: Array(12).fill(0),
      counterpart: {
        supportRatio: null,
        central: 0,
        minimum: null,
        minRatio: null,
        planned: 0,
        actual: 0,
        planned_status: 'unknown',
        actual_status: 'unknown',
        note: null,
      },
      lines: [],
      recordedUnits: new Set<string>(),
    };
    p.recordedUnits.add(r.unitId);
    p.assigned += r.assigned;
    p.adjusted += r.adjusted;
    p.disbursed += r.disbursed;
    r.monthly.forEach((m, i) => (p.monthly[i] += m));
    const rate = executionRate(r.assigned, r.adjusted, r.disbursed);
    p.lines.push({ ...r, rate, slow: isSlow(rate, asOf, q.year) });
    if (r.source === 'central_investment' || r.source === 'central_recurrent')
      p.counterpart.central += r.assigned + r.adjusted;
    if (r.source === 'local') {
      p.counterpart.planned += r.assigned + r.adjusted;
      p.counterpart.actual += r.disbursed;
    }
    provinces.set(t.id, p);
  }
  const items = [...provinces.values()].map(({ recordedUnits, ...p }) => {
    p.rate = executionRate(p.assigned, p.adjusted, p.disbursed);
    p.slow = isSlow(p.rate, asOf, q.year);
    const units = [...recordedUnits];
    const ratio = units.length === 1 ? ratios.get(units[0]) : undefined;
    if (ratio && p.counterpart.central > 0) {
      const u = units[0];
      const preReform = u.split(':')[2] < REFORM_DAY;
      const m = counterpartMinimum(
        COUNTERPART_02_2022,
        ratio.ratio,
        p.counterpart.central,
        preReform ? u.split(':')[1] : undefined,
      );
      p.counterpart.supportRatio = ratio.ratio;
      p.counterpart.minimum = m.minAmount;
      p.counterpart.minRatio = m.minRatio;
      p.counterpart.planned_status = counterpartCompliance(m.minAmount, p.counterpart.planned);
      p.counterpart.actual_status = counterpartCompliance(m.minAmount, p.counterpart.actual);
      p.counterpart.note = preReform
        ? m.reasonVi
        : `${m.reasonVi}; cách áp dụng ngoại lệ Quảng Ngãi, Quảng Nam cho tỉnh sau sắp xếp chưa xác minh`;
    } else if (units.length > 1) {
      p.counterpart.note =
        'Cộng dồn nhiều tỉnh cũ: vốn đối ứng tối thiểu tính theo từng tỉnh cũ (xem địa giới khi ghi nhận).';
    } else {
      p.counterpart.note =
        'Chưa có tỷ lệ hỗ trợ từ ngân sách trung ương của tỉnh trong năm: chưa tính được vốn đối ứng tối thiểu.';
    }
    return p;
  });
  const trend = Array(12).fill(0);
  for (const p of items) p.monthly.forEach((m, i) => (trend[i] += m));
  const total = items.reduce(
    (s, p) => ({ assigned: s.assigned + p.assigned + p.adjusted, disbursed: s.disbursed + p.disbursed }),
    { assigned: 0, disbursed: 0 },
  );
  return {
    year: q.year,
    asOf,
    boundaries: q.boundaries,
    items,
    trend,
    total: { ...total, rate: total.assigned > 0 ? total.disbursed / total.assigned : null },
    alerts: items.flatMap((p) =>
      p.lines
        .filter((l) => l.slow)
        .map((l) => ({
          lineId: l.lineId,
          provinceName: l.provinceName,
          project: l.project,
          subProject: l.subProject,
          source: l.source,
          rate: l.rate,
        })),
    ),
    can: permissions(a),
  };
}

/**
 * Imports a province's monthly disbursement report: every row is checked (province existing in the
 * month, the caller's scope, an assigned line, not above assigned, cumulatively within the file)
 * and every problem reported at once; nothing is written unless all rows pass.
 */
export async function importDisbursementReport(
  db: Db,
  actor: Actor | null,
  year: number,
  parsed: { rows: ReportSheetRow[]; problems: Problem[] },
  fileName: string,
) {
  const a = assertCan(actor, 'read');
  if (!can(a, 'reportExecution')) throw forbidden();
  const access = await unitAccess(db, a);
  const problems = [...parsed.problems];
  return db.tx(async (tx) => {
    const pending = new Map<number, number>(); // line → disbursed by earlier rows of this file
    const accepted: { lineId: number; unitId: string; month: number; amount: number }[] = [];
    for (const r of parsed.rows) {
      const at = (column: string, message: string) =>
        problems.push({ sheet: REPORT_SHEET, row: r.row, column, message });
      const m = monthRange(year, r.month);
      const unit = await resolveCode(tx, 'province', r.provinceCode, m.from);
      if (!unit) {
        at('A', `không có tỉnh mã "${r.provinceCode}" trong tháng ${r.month}/${year}.`);
        continue;
      }
      if (!can(a, 'reportExecution', { unitId: unit.id, access })) {
        at('A', `bạn không báo cáo được cho ${unit.fullName}.`);
        continue;
      }
      const line = await repo.findLine(tx, {
        year,
        unitId: unit.id,
        project: r.project,
        subProject: r.subProject,
        source: r.source,
      });
      if (!line) {
        at(
          'B',
          `${unit.fullName} chưa được giao vốn ${r.project}${r.subProject ? ` / ${r.subProject}` : ''} (${SOURCE_LABEL_VI[r.source]}) năm ${year}.`,
        );
        continue;
      }
      await repo.lockLine(tx, line.id);
      const totals = await repo.phaseTotals(tx, line.id);
      const available = (totals.assigned ?? 0) + (totals.adjusted ?? 0);
      const disbursed = (totals.disbursed ?? 0) + (pending.get(line.id) ?? 0) + r.amount;
      if (disbursed > available) {
        at('F', `lũy kế giải ngân ${million(disbursed)} vượt số vốn được giao ${million(available)}.`);
        continue;
      }
      pending.set(line.id, (pending.get(line.id) ?? 0) + r.amount);
      accepted.push({ lineId: line.id, unitId: unit.id, month: r.month, amount: r.amount });
    }
    if (problems.length) throw invalid('Báo cáo giải ngân có lỗi; chưa nhập dòng nào.', problems);
    for (const t of accepted) {
      await repo.insertTransaction(tx, {
        lineId: t.lineId,
        phase: 'disbursed',
        month: t.month,
        amount: t.amount,
        legalBasis: null,
        reportedBy: a.username,
      });
    }
    await audit(tx, by(a), {
      action: 'budget.report.import',
      entity: 'budget_line',
      after: { year, fileName, rows: accepted.length, total: accepted.reduce((s, t) => s + t.amount, 0) },
    });
    return { rows: accepted.length, total: accepted.reduce((s, t) => s + t.amount, 0) };
  });
}
