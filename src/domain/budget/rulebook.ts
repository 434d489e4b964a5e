/**
 * An allocation rulebook: the data of one version of a points method.
 *
 * Method (QĐ 48/2016/QĐ-TTg for 2016-2020, and the shape QĐ 02/2022/QĐ-TTg is expected to follow):
 * each province's points are summed over all criteria; money per point = pool / Σ points of all
 * provinces; a province's allocation = money per point × its points.
 * A criterion scores either `perUnit` points per unit of its value (e.g. 15 points per poor district),
 * or by `bands`: the band with min ≤ value < max gives its points, `max: null` is open.
 * Coefficients the legal notes do not give are data the user enters, and carry status "unverified";
 * a shipped rulebook leaves them null ("chưa có") rather than guessing.
 */
import type { Problem } from '../../errors';
import { SOURCE_STATUSES, type SourceStatus } from '../legal';
import { CRITERIA_BY_CODE } from './criteria';

export type { SourceStatus } from '../legal';

export interface Band {
  min: number;
  max: number | null;
  points: number;
}

export interface Criterion {
  code: string;
  /** null: the coefficient is not known yet ("chưa có"); the rulebook cannot run until it is entered. */
  perUnit?: number | null;
  bands?: Band[];
  /** Where the coefficient comes from, and whether it was checked against the text. */
  citation?: string;
  status?: SourceStatus;
}

/**
 * A share of the pool set aside before the provinces' division (e.g. Project 1: ≤ 15 % to the poor-district scheme).
 */
export interface Reservation {
  code: string;
  labelVi: string;
  /** At most this fraction of the pool. */
  maxShare: number;
  citation?: string;
  status?: SourceStatus;
}

export interface Rulebook {
  name: string;
  legalBasis: string;
  /** Project or sub-project the rulebook divides, e.g. "DA1", "DA2", "DA3.TDA1". */
  project?: string;
  /** What is known and unknown about this version. */
  note?: string;
  criteria: Criterion[];
  reserved?: Reservation[];
}

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function validateBands(bands: unknown, where: string, problems: Problem[]): Band[] | null {
  if (!Array.isArray(bands) || bands.length === 0) {
    problems.push({ path: where, message: 'bảng khoảng (bands) phải là một danh sách không rỗng.' });
    return null;
  }
  const out: Band[] = [];
  bands.forEach((b, i) => {
    const at = `${where}[${i}]`;
    if (
      !isObject(b) ||
      !isFiniteNumber(b.min) ||
      !(b.max === null || isFiniteNumber(b.max)) ||
      !isFiniteNumber(b.points)
    ) {
      problems.push({ path: at, message: 'mỗi khoảng cần "min" (số), "max" (số hoặc null) và "points" (số).' });
      return;
    }
    if (b.max !== null && (b.max as number) <= (b.min as number)) {
      problems.push({ path: at, message: `khoảng không hợp lệ: max (${b.max}) phải lớn hơn min (${b.min}).` });
      return;
    }
    if ((b.points as number) < 0) problems.push({ path: at, message: 'số điểm của khoảng không được âm.' });
    out.push({ min: b.min as number, max: b.max as number | null, points: b.points as number });
  });
  const sorted = [...out].sort((a, b) => a.min - b.min);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    if (prev.max === null || prev.max > sorted[i].min) {
      problems.push({
        path: where,
        message: `các khoảng chồng lên nhau: [${prev.min}, ${prev.max ?? '∞'}) và [${sorted[i].min}, ${sorted[i].max ?? '∞'}).`,
      });
    }
  }
  return sorted;
}

function validateStatus(v: unknown, where: string, problems: Problem[]): SourceStatus | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string' && (SOURCE_STATUSES as readonly string[]).includes(v)) return v as SourceStatus;
  problems.push({ path: where, message: `trạng thái nguồn phải là một trong: ${SOURCE_STATUSES.join(', ')}.` });
  return undefined;
}

/** Checks a rulebook read from JSON; reports every problem at once. */
export function validateRulebook(raw: unknown): Validated<Rulebook> {
  const problems: Problem[] = [];
  if (!isObject(raw)) return { ok: false, problems: [{ message: 'Bộ quy tắc phải là một đối tượng JSON.' }] };
  if (typeof raw.name !== 'string' || !raw.name.trim())
    problems.push({ path: 'name', message: 'thiếu tên bộ quy tắc (name).' });
  if (typeof raw.legalBasis !== 'string' || !raw.legalBasis.trim())
    problems.push({ path: 'legalBasis', message: 'thiếu căn cứ pháp lý (legalBasis).' });
  if (raw.project !== undefined && typeof raw.project !== 'string')
    problems.push({ path: 'project', message: 'project phải là chuỗi.' });
  const criteria: Criterion[] = [];
  if (!Array.isArray(raw.criteria) || raw.criteria.length === 0) {
    problems.push({ path: 'criteria', message: 'bộ quy tắc cần ít nhất một tiêu chí (criteria).' });
  } else {
    const seen = new Set<string>();
    raw.criteria.forEach((c, i) => {
      const at = `criteria[${i}]`;
      if (!isObject(c) || typeof c.code !== 'string') {
        problems.push({ path: at, message: 'mỗi tiêu chí cần mã (code).' });
        return;
      }
      if (!CRITERIA_BY_CODE.has(c.code)) {
        problems.push({ path: `${at}.code`, message: `tiêu chí "${c.code}" không có trong danh mục tiêu chí.` });
        return;
      }
      if (seen.has(c.code))
        problems.push({ path: `${at}.code`, message: `tiêu chí "${c.code}" được khai báo hai lần.` });
      seen.add(c.code);
      const hasPerUnit = c.perUnit !== undefined;
      const hasBands = c.bands !== undefined;
      if (hasPerUnit === hasBands) {
        problems.push({
          path: at,
          message: `tiêu chí "${c.code}" cần đúng một cách tính điểm: "perUnit" hoặc "bands".`,
        });
        return;
      }
      const status = validateStatus(c.status, `${at}.status`, problems);
      const meta = {
        ...(typeof c.citation === 'string' ? { citation: c.citation } : {}),
        ...(status ? { status } : {}),
      };
      if (hasPerUnit && c.perUnit === null) criteria.push({ code: c.code, perUnit: null, ...meta });
      else if (hasPerUnit) {
        if (!isFiniteNumber(c.perUnit) || c.perUnit < 0)
          problems.push({ path: `${at}.perUnit`, message: `hệ số perUnit của "${c.code}" phải là số không âm.` });
        else criteria.push({ code: c.code, perUnit: c.perUnit, ...meta });
      } else {
        const bands = validateBands(c.bands, `${at}.bands`, problems);
        if (bands) criteria.push({ code: c.code, bands, ...meta });
      }
    });
  }
  const reserved: Reservation[] = [];
  if (raw.reserved !== undefined) {
    if (!Array.isArray(raw.reserved)) problems.push({ path: 'reserved', message: 'reserved phải là một danh sách.' });
    else
      raw.reserved.forEach((r, i) => {
        const at = `reserved[${i}]`;
        if (
          !isObject(r) ||
          typeof r.code !== 'string' ||
          typeof r.labelVi !== 'string' ||
          !isFiniteNumber(r.maxShare) ||
          r.maxShare < 0 ||
          r.maxShare > 1
        ) {
          problems.push({ path: at, message: 'mỗi phần dành riêng cần code, labelVi và maxShare (tỷ lệ từ 0 đến 1).' });
          return;
        }
        const status = validateStatus(r.status, `${at}.status`, problems);
        reserved.push({
          code: r.code,
          labelVi: r.labelVi,
          maxShare: r.maxShare,
          ...(typeof r.citation === 'string' ? { citation: r.citation } : {}),
          ...(status ? { status } : {}),
        });
      });
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      name: (raw.name as string).trim(),
      legalBasis: (raw.legalBasis as string).trim(),
      ...(typeof raw.project === 'string' ? { project: raw.project } : {}),
      ...(typeof raw.note === 'string' ? { note: raw.note } : {}),
      criteria,
      ...(reserved.length ? { reserved } : {}),
    },
  };
}
