import type { Db } from '../../db/client';
import { foldVietnamese, formatDateVi, todayInVietnam } from '../../domain/text';
import {
  DATA_LOWER_BOUND,
  REFORM_DATE,
  levelOfCode,
  matchUnitName,
  parseUnitName,
  successorsOf,
  validOn,
  type Relation,
  type Successor,
  type UnitLevel,
} from '../../domain/units';
import { AppError, badRequest, notFound } from '../../errors';
import * as repo from './repo';
import type { UnitRow } from './repo';

/** Use cases of the administrative units (read-only reference data: no permission checks, no audit). */

export function checkDateInRange(at: string): void {
  if (at < DATA_LOWER_BOUND) {
    throw new AppError(
      400,
      'date_out_of_range',
      `Ngày ${formatDateVi(at)} nằm ngoài phạm vi dữ liệu đơn vị hành chính (từ ${formatDateVi(DATA_LOWER_BOUND)}).`,
    );
  }
}

function checkLevelOnDate(level: UnitLevel | undefined, at: string): void {
  if (level === 'district' && at >= REFORM_DATE) {
    throw new AppError(
      400,
      'district_abolished',
      `Cấp huyện đã chấm dứt hoạt động từ ${formatDateVi(REFORM_DATE)} (chính quyền địa phương hai cấp); không có đơn vị cấp huyện vào ngày ${formatDateVi(at)}.`,
    );
  }
}

const UNIT_ID = /^[PDC]:\d{2,5}:\d{4}-\d{2}-\d{2}$/;

/** A unit reference: a version id ('C:19063:2025-01-01') or a code, read on the date `at`. */
export async function resolveUnitRef(db: Db, ref: string, at: string, level?: UnitLevel): Promise<UnitRow> {
  if (UNIT_ID.test(ref)) {
    const unit = await repo.getUnit(db, ref);
    if (!unit) throw notFound(`Không tìm thấy đơn vị hành chính "${ref}".`);
    return unit;
  }
  const lvl = levelOfCode(ref);
  if (!lvl)
    throw badRequest(
      `"${ref}" không phải mã đơn vị hành chính (tỉnh 2 chữ số, huyện 3, xã 5) hay mã phiên bản dạng C:19063:2025-01-01.`,
    );
  if (level && lvl !== level) throw badRequest(`Mã "${ref}" là mã ${LEVEL_VI[lvl]}, không phải ${LEVEL_VI[level]}.`);
  checkDateInRange(at);
  checkLevelOnDate(lvl, at);
  const unit = await repo.resolveCode(db, lvl, ref, at);
  if (unit) return unit;
  const versions = await repo.versionsOfCode(db, lvl, ref);
  if (versions.length === 0) throw notFound(`Không có đơn vị ${LEVEL_VI[lvl]} nào mang mã "${ref}".`);
  throw new AppError(
    404,
    'not_found',
    `Mã ${LEVEL_VI[lvl]} "${ref}" không có hiệu lực vào ngày ${formatDateVi(at)}; mã này dùng cho: ` +
      versions.map((v) => `${v.fullName} (${period(v)})`).join('; ') +
      '.',
    { versions: versions.map((v) => ({ id: v.id, fullName: v.fullName, validFrom: v.validFrom, validTo: v.validTo })) },
  );
}

const LEVEL_VI: Record<UnitLevel, string> = { province: 'cấp tỉnh', district: 'cấp huyện', commune: 'cấp xã' };
const LEVEL_RANK: Record<UnitLevel, number> = { province: 0, district: 1, commune: 2 };

export function period(u: { validFrom: string; validTo: string | null }): string {
  return u.validTo
    ? `${formatDateVi(u.validFrom)} – trước ${formatDateVi(u.validTo)}`
    : `từ ${formatDateVi(u.validFrom)}`;
}

export interface UnitQuery {
  level?: UnitLevel;
  at?: string;
  /** Parent version id or code (read on `at`). */
  parent?: string;
  q?: string;
  limit?: number;
}

export async function findUnits(db: Db, query: UnitQuery): Promise<UnitRow[]> {
  const at = query.at ?? todayInVietnam();
  checkDateInRange(at);
  checkLevelOnDate(query.level, at);
  let parentId: string | undefined;
  let provinceId: string | undefined;
  if (query.parent) {
    const parent = await resolveUnitRef(db, query.parent, at);
    if (!validOn(at, parent.validFrom, parent.validTo))
      throw badRequest(`${parent.fullName} không có hiệu lực vào ngày ${formatDateVi(at)} (${period(parent)}).`);
    if (query.level && LEVEL_RANK[query.level] <= LEVEL_RANK[parent.level]) {
      throw badRequest(
        `${parent.fullName} là đơn vị ${LEVEL_VI[parent.level]}; không có đơn vị ${LEVEL_VI[query.level]} trực thuộc.`,
      );
    }
    // The communes of a province before 2025 sit under districts: a province parent means "in this province".
    if (parent.level === 'province' && query.level) provinceId = parent.id;
    else parentId = parent.id;
  }
  const q = query.q ? foldVietnamese(query.q) : undefined;
  return repo.listUnits(db, { at, level: query.level, parentId, provinceId, q: q || undefined, limit: query.limit });
}

/** A unit version with its aliases, the regions of its province and what it was made of (one step). */
export async function unitDetail(db: Db, ref: string, at?: string) {
  const unit = await resolveUnitRef(db, ref, at ?? todayInVietnam());
  const [aliases, regions, predecessors] = await Promise.all([
    repo.nameAliases(db, unit.id),
    repo.regionsOf(db, unit.provinceId),
    repo.lineageInto(db, unit.id),
  ]);
  return { ...unit, aliases, regions, predecessors };
}

/** The last day a version is valid (validTo is exclusive). */
function lastDay(u: UnitRow): string {
  if (!u.validTo) return todayInVietnam() < u.validFrom ? u.validFrom : todayInVietnam();
  const d = new Date(`${u.validTo}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Children of a unit on a date (default: today, or the unit's last day when it no longer exists). */
export async function unitChildren(
  db: Db,
  ref: string,
  at?: string,
): Promise<{ unit: UnitRow; at: string; items: UnitRow[] }> {
  const unit = await resolveUnitRef(db, ref, at ?? todayInVietnam());
  const on = at ?? (validOn(todayInVietnam(), unit.validFrom, unit.validTo) ? todayInVietnam() : lastDay(unit));
  checkDateInRange(on);
  if (!validOn(on, unit.validFrom, unit.validTo)) {
    throw badRequest(`${unit.fullName} không có hiệu lực vào ngày ${formatDateVi(on)} (${period(unit)}).`);
  }
  return { unit, at: on, items: await repo.childrenOf(db, unit.id, on) };
}

export interface SuccessorView {
  unit: UnitRow;
  relation: Relation;
  resolved: boolean;
  path: string[];
}

export interface Succession {
  unit: UnitRow;
  /** What the unit became (units with no further lineage), resolved links only. */
  successors: SuccessorView[];
  /** Successors reached only through unresolved (SUSPECT) links: listed, never used for roll-ups. */
  unresolved: SuccessorView[];
  /** The current province the unit rolls up into: exact, since provinces merged whole. */
  rollupProvince: UnitRow | null;
  note: string | null;
}

const viewOf =
  (units: Map<string, UnitRow>) =>
  (s: Successor): SuccessorView => ({
    unit: units.get(s.unitId)!,
    relation: s.relation,
    resolved: s.resolved,
    path: s.path,
  });
const byCode = (a: SuccessorView, b: SuccessorView) => a.unit.code.localeCompare(b.unit.code);

/**
 * What a unit version became through resolved links only (the `successors` of unitSuccessors), without the
 * province roll-up: for callers that walk many units of one province.
 */
export async function resolvedSuccessors(db: Db, unitId: string): Promise<SuccessorView[]> {
  const found = successorsOf(unitId, await repo.lineageFrom(db, unitId)).filter((s) => s.resolved);
  if (found.length === 0) return [];
  const ids = found.map((s) => s.unitId);
  const units = new Map((await repo.getUnits(db, ids)).map((u) => [u.id, u]));
  return found.map(viewOf(units)).sort(byCode);
}

/** What did unit X become; which new unit does it roll up into (admin-units.md §9). */
export async function unitSuccessors(db: Db, ref: string, at?: string): Promise<Succession> {
  const unit = await resolveUnitRef(db, ref, at ?? todayInVietnam());
  const found = successorsOf(unit.id, await repo.lineageFrom(db, unit.id));
  const province = await repo.getUnit(db, unit.provinceId);
  const provinceSucc = successorsOf(unit.provinceId, await repo.lineageFrom(db, unit.provinceId)).filter(
    (s) => s.resolved && s.relation === 'full',
  );
  const rollupId =
    provinceSucc.length === 1 ? provinceSucc[0].unitId : provinceSucc.length === 0 ? unit.provinceId : null;
  const units = new Map(
    (await repo.getUnits(db, [...found.map((s) => s.unitId), ...(rollupId ? [rollupId] : [])])).map((u) => [u.id, u]),
  );
  const view = viewOf(units);
  const successors = found
    .filter((s) => s.resolved)
    .map(view)
    .sort(byCode);
  const unresolved = found.filter((s) => !s.resolved).map(view);
  let note: string | null = null;
  if (found.length === 0 && unit.validTo === null) note = 'Đơn vị đang có hiệu lực; chưa có đơn vị kế thừa.';
  else if (found.length === 0 && unit.level === 'district') {
    note = `Cấp huyện chấm dứt từ ${formatDateVi(REFORM_DATE)}; không có bảng chuyển đổi cấp huyện. Số liệu cộng dồn chính xác lên tỉnh mới; các xã của huyện có đơn vị kế thừa riêng.`;
  } else if (found.length === 0) {
    note =
      'Không có dữ liệu kế thừa cho đơn vị này (các đợt sáp nhập xã 2023–2025 chưa có trong dữ liệu); chỉ cộng dồn chính xác được lên tỉnh.';
  } else if (successors.length === 0) {
    note =
      'Chỉ có quan hệ kế thừa chưa được xác minh (SUSPECT): không dùng để cộng dồn cho đến khi được sửa theo nghị quyết.';
  } else if (successors.some((s) => s.relation === 'partial')) {
    note =
      'Đơn vị được chia cho nhiều đơn vị mới (một phần): không thể chia số liệu tổng hợp chính xác; cộng dồn chính xác ở cấp tỉnh.';
  }
  return {
    unit,
    successors,
    unresolved,
    rollupProvince: rollupId ? (units.get(rollupId) ?? province ?? null) : null,
    note,
  };
}

export async function listUnresolvedLineage(db: Db) {
  return repo.unresolvedLineage(db);
}

export interface NameMatchQuery {
  name: string;
  level: UnitLevel;
  at?: string;
  /** Parent version id or code: names are unique only within a parent (admin-units.md §6). */
  parent?: string;
}

/** Units of a level, on a date, whose name matches a written name ("TX Nghi Sơn", "Hoà Bình"). */
export async function matchUnitsByName(db: Db, query: NameMatchQuery): Promise<{ unique: boolean; items: UnitRow[] }> {
  const parsed = parseUnitName(query.name);
  if (!parsed.key) throw badRequest('Tên đơn vị trống.');
  const candidates = await findUnits(db, { level: query.level, at: query.at, parent: query.parent, q: parsed.key });
  const items = matchUnitName(candidates, query.name);
  return { unique: items.length === 1, items };
}
