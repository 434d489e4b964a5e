/**
 * Use cases of the budget area: rulebook versions, criteria data, allocation runs and scenarios.
 * Scope is checked here through the policy; every change writes its audit row in its transaction.
 * Execution (lines, reports, dashboard) is in service-execution.ts.
 */
import type { Db } from '../../db/client';
import {
  allocate,
  compareAllocations,
  explainLine,
  parsePool,
  reservationWithinCap,
  UNITS,
  validateRulebook,
  type MoneyUnit,
  type ProvinceInputs,
  type Rulebook,
} from '../../domain/budget';
import { formatDateVi } from '../../domain/text';
import { forbidden, invalid, notFound, type Problem } from '../../errors';
import type { Actor } from '../access/actor';
import { audit } from '../audit/audit';
import { resolveCode } from '../units/repo';
import type { ComparisonLine, NewRun } from './contracts';
import { can, permissions, type BudgetAction } from './policy';
import * as repo from './repo';

export const by = (actor: Actor) => ({ userId: actor.userId, username: actor.username });

export function assertCan(actor: Actor | null, action: BudgetAction): Actor {
  if (!actor || !can(actor, action)) throw forbidden();
  return actor;
}

// ── rulebooks ────────────────────────────────────────────────────────────────
export async function listRulebooks(db: Db, actor: Actor | null) {
  assertCan(actor, 'read');
  return { items: await repo.listRulebooks(db), can: permissions(actor) };
}

/** A new version of a rulebook (same name: next version number); earlier versions stay as they were. */
export async function createRulebook(db: Db, actor: Actor | null, raw: unknown) {
  const a = assertCan(actor, 'manageRulebooks');
  const v = validateRulebook(raw);
  if (!v.ok) throw invalid('Bộ quy tắc không hợp lệ.', v.problems);
  return db.tx(async (tx) => {
    const row = await repo.insertRulebook(tx, v.value, a.username);
    await audit(tx, by(a), {
      action: 'budget.rulebook.create',
      entity: 'budget_rulebook',
      entityId: row.id,
      after: { name: row.name, version: row.version },
    });
    return row;
  });
}

// ── criteria data ────────────────────────────────────────────────────────────
export interface CriteriaRow {
  /** spreadsheet row, for messages */
  row: number;
  provinceCode: string;
  values: Record<string, number>;
}

/**
 * Stores a criteria set read from a file; province codes are read on `asOf`. Every unknown province
 * is reported with its row before anything is written.
 */
export async function saveCriteriaSet(
  db: Db,
  actor: Actor | null,
  meta: { name: string; asOf: string; source: string; sheet?: string },
  parsed: { rows: CriteriaRow[]; problems?: Problem[] },
) {
  const a = assertCan(actor, 'runAllocations');
  const rows = parsed.rows;
  return db.tx(async (tx) => {
    const problems: Problem[] = [...(parsed.problems ?? [])];
    const values: { unitId: string; criterion: string; value: number }[] = [];
    const seen = new Set<string>();
    for (const r of rows) {
      const unit = await resolveCode(tx, 'province', r.provinceCode, meta.asOf);
      if (!unit) {
        problems.push({
          sheet: meta.sheet,
          row: r.row,
          column: 'A',
          message: `không có tỉnh mã "${r.provinceCode}" vào ngày ${formatDateVi(meta.asOf)}.`,
        });
        continue;
      }
      if (seen.has(unit.id))
        problems.push({
          sheet: meta.sheet,
          row: r.row,
          column: 'A',
          message: `tỉnh mã "${r.provinceCode}" có hai dòng.`,
        });
      seen.add(unit.id);
      for (const [criterion, value] of Object.entries(r.values)) values.push({ unitId: unit.id, criterion, value });
    }
    if (problems.length) throw invalid('Tệp dữ liệu tiêu chí có lỗi; chưa nhập gì.', problems);
    const id = await repo.insertCriteriaSet(
      tx,
      { name: meta.name, asOf: meta.asOf, source: meta.source, createdBy: a.username },
      values,
    );
    await audit(tx, by(a), {
      action: 'budget.criteria.import',
      entity: 'budget_criteria_set',
      entityId: id,
      after: { ...meta, provinces: seen.size },
    });
    return { id, provinces: seen.size };
  });
}

export async function listCriteriaSets(db: Db, actor: Actor | null) {
  assertCan(actor, 'read');
  return { items: await repo.listCriteriaSets(db), can: permissions(actor) };
}

// ── runs ─────────────────────────────────────────────────────────────────────
function withCoefficients(r: Rulebook, coefficients: Record<string, number> | undefined): Rulebook {
  if (!coefficients) return r;
  const problems: Problem[] = [];
  for (const code of Object.keys(coefficients)) {
    const c = r.criteria.find((x) => x.code === code);
    if (!c) problems.push({ path: `coefficients.${code}`, message: `bộ quy tắc không có tiêu chí "${code}".` });
    else if (c.bands)
      problems.push({
        path: `coefficients.${code}`,
        message: `tiêu chí "${code}" tính theo khoảng: sửa bảng điểm trong một phiên bản bộ quy tắc mới.`,
      });
  }
  if (problems.length) throw invalid('Kịch bản không hợp lệ.', problems);
  return {
    ...r,
    criteria: r.criteria.map((c) =>
      c.code in coefficients
        ? { ...c, perUnit: coefficients[c.code], status: 'unverified' as const, citation: 'hệ số của kịch bản' }
        : c,
    ),
  };
}

/**
 * Runs an allocation and stores it, immutable: the rulebook as used, the inputs per province with
 * their source, the result and its explanation line by line. A scenario is the same with a base run
 * and changed coefficients. Nothing is stored when anything is wrong.
 */
export async function createRun(db: Db, actor: Actor | null, input: NewRun) {
  const a = assertCan(actor, 'runAllocations');
  const book = await repo.getRulebook(db, input.rulebookId);
  if (!book) throw notFound(`Không có bộ quy tắc số ${input.rulebookId}.`);
  const set = await repo.getCriteriaSet(db, input.criteriaSetId);
  if (!set) throw notFound(`Không có bộ dữ liệu tiêu chí số ${input.criteriaSetId}.`);
  if (input.baseRunId !== undefined && !(await repo.getRun(db, input.baseRunId)))
    throw notFound(`Không có lần phân bổ số ${input.baseRunId}.`);
  const rulebook = withCoefficients(book.body, input.coefficients);
  const unit = input.unit as MoneyUnit;
  const pool = parsePool(input.pool, unit);
  if (!pool.ok) throw invalid('Tổng vốn không hợp lệ.', pool.problems);
  const reserved = BigInt(input.reserved);
  if (reserved % UNITS[unit] !== 0n || reserved > pool.value)
    throw invalid('Phần dành riêng không hợp lệ.', [
      { path: 'reserved', message: 'phần dành riêng phải là số nguyên đơn vị và không lớn hơn tổng vốn.' },
    ]);
  const cap = rulebook.reserved?.reduce((s, r) => s + r.maxShare, 0);
  if (reserved > 0n && (cap === undefined || !reservationWithinCap(pool.value, reserved, cap))) {
    throw invalid('Phần dành riêng vượt mức.', [
      {
        path: 'reserved',
        message:
          cap === undefined
            ? 'bộ quy tắc không có phần dành riêng.'
            : `phần dành riêng vượt ${Math.round(cap * 100)}% tổng vốn (${rulebook.reserved!.map((r) => r.citation ?? r.labelVi).join('; ')}).`,
      },
    ]);
  }
  const values = await repo.criteriaValues(db, set.id);
  const byUnit = new Map<string, ProvinceInputs & { unitId: string; name: string }>();
  for (const v of values) {
    const p = byUnit.get(v.unitId) ?? { province: v.code, unitId: v.unitId, name: v.name, values: {} };
    p.values[v.criterion] = v.value;
    byUnit.set(v.unitId, p);
  }
  const inputs = [...byUnit.values()];
  const result = allocate(rulebook, inputs, pool.value - reserved, unit);
  if (!result.ok) throw invalid('Không phân bổ được.', result.problems);
  return db.tx(async (tx) => {
    const id = await repo.insertRun(
      tx,
      {
        name: input.name,
        kind: input.baseRunId ? 'scenario' : 'run',
        baseRunId: input.baseRunId ?? null,
        rulebookId: book.id,
        rulebook,
        criteriaSetId: set.id,
        year: input.year ?? null,
        pool: pool.value,
        reserved: Number(reserved),
        unit,
        pointsTotal: result.value.pointsTotal,
        createdBy: a.username,
      },
      result.value.lines.map((l, i) => ({
        unitId: inputs[i].unitId,
        inputs: Object.fromEntries(rulebook.criteria.map((c) => [c.code, inputs[i].values[c.code]])),
        source: `${set.name} (${set.source}, số liệu ngày ${formatDateVi(set.asOf)})`,
        points: l.points,
        amount: l.amount,
        explanation: explainLine(l, unit, inputs[i].name),
      })),
    );
    await audit(tx, by(a), {
      action: input.baseRunId ? 'budget.scenario.create' : 'budget.run.create',
      entity: 'budget_run',
      entityId: id,
      after: {
        name: input.name,
        rulebookId: book.id,
        criteriaSetId: set.id,
        pool: input.pool,
        reserved: input.reserved,
        coefficients: input.coefficients ?? null,
      },
    });
    return { id };
  });
}

export async function listRuns(db: Db, actor: Actor | null) {
  assertCan(actor, 'read');
  const rows = await repo.listRuns(db);
  return { items: rows.map(({ rulebook: _r, ...s }) => s), can: permissions(actor) };
}

/** A run with its lines, named with the provinces of the criteria data's time. */
export async function runDetail(db: Db, actor: Actor | null, id: number) {
  assertCan(actor, 'read');
  const run = await repo.getRun(db, id);
  if (!run) throw notFound(`Không có lần phân bổ số ${id}.`);
  const lines = await repo.runLines(db, id);
  return { run, lines, can: permissions(actor) };
}

/** Differences per province between a base run and another run (a scenario). */
export async function compareRuns(
  db: Db,
  actor: Actor | null,
  baseId: number,
  otherId: number,
): Promise<{ items: ComparisonLine[] }> {
  const base = await runDetail(db, actor, baseId);
  const other = await runDetail(db, actor, otherId);
  const names = new Map([...base.lines, ...other.lines].map((l) => [l.unitId, l.provinceName]));
  return {
    items: compareAllocations(base.lines, other.lines).map((d) => ({
      ...d,
      provinceName: names.get(d.unitId) ?? d.unitId,
    })),
  };
}

export async function listFigures(db: Db, actor: Actor | null) {
  assertCan(actor, 'read');
  return { items: await repo.listFigures(db) };
}
