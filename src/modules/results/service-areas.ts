/**
 * Poor districts and ĐBKK coastal/island communes (QĐ 353/QĐ-TTg): the lists as far as sources go
 * (what is missing is counted, never invented), exits over time, progress toward 30 %, and where a
 * listed unit lies after the 2025 reform, through the units' lineage.
 */
import type { Db } from '../../db/client';
import { notFound } from '../../errors';
import {
  DBKK_CRITERIA,
  evaluateDbkkCommune,
  evaluatePoorDistrict,
  exitedBy,
  INFRASTRUCTURE_ITEMS,
  POOR_DISTRICT_CRITERIA,
  progressToward,
} from '../../domain/results/poor-areas';
import { audit } from '../audit/audit';
import { childrenOf, getUnits, lineageInto } from '../units/repo';
import { resolvedSuccessors, unitSuccessors } from '../units/service';
import type {
  AreaGroupView,
  AreaSuccessorsView,
  CriteriaConfig,
  CriteriaEvaluation,
  CriteriaInput,
  NewExit,
} from './contracts';
import { FIRST_YEAR } from './service-indicators';
import * as repo from './repo';
import { assertCan, auditActorOf, type Caller } from './shared';

/** Current province of a province version (provinces merged whole in 2025), cached per call. */
function currentProvinceLookup(db: Db) {
  const cache = new Map<string, Promise<string | null>>();
  return (provinceId: string | null) => {
    if (!provinceId) return Promise.resolve(null);
    if (!cache.has(provinceId))
      cache.set(
        provinceId,
        unitSuccessors(db, provinceId).then((s) => s.rollupProvince?.fullName ?? null),
      );
    return cache.get(provinceId)!;
  };
}

export async function areaGroupViews(db: Db, year: number): Promise<AreaGroupView[]> {
  const groups = await repo.areaGroups(db);
  const members = await repo.areaMembers(db);
  const exits = await repo.areaExits(db);
  const currentProvince = currentProvinceLookup(db);
  const out: AreaGroupView[] = [];
  for (const g of groups) {
    const own = members.filter((m) => m.groupCode === g.code);
    const groupExits = exits.filter((e) => e.groupCode === g.code);
    const exitedByYear = [];
    for (let y = FIRST_YEAR + 1; y <= year; y++) {
      const exited = exitedBy(y, groupExits);
      // a group without an exit target (QĐ 880) gets its share, never a progress toward a target it does not have
      const p = progressToward(exited, g.officialSize, g.targetPct ?? 100);
      exitedByYear.push({
        year: y,
        exited,
        sharePct: p.sharePct,
        progressPct: g.targetPct === null ? null : p.progressPct,
      });
    }
    out.push({
      code: g.code,
      nameVi: g.nameVi,
      legalBasis: g.legalBasis,
      officialSize: g.officialSize,
      listed: own.length,
      missing: g.officialSize - own.length,
      targetPct: g.targetPct,
      exits: groupExits.map(({ decision, decidedOn, count, cumulative, status, sourceUrl, note }) => ({
        decision,
        decidedOn,
        count,
        cumulative,
        status,
        sourceUrl,
        note,
      })),
      exitedByYear,
      members: await Promise.all(
        own.map(async (m) => ({
          seq: m.seq,
          stt: m.stt,
          name: m.nameInSource,
          provinceName: m.provinceName,
          unitCode: m.unitCode,
          currentProvince: await currentProvince(m.provinceId),
          status: m.status,
          sourceUrl: m.sourceUrl,
          exitedOn: m.exitedOn,
        })),
      ),
    });
  }
  return out;
}

/**
 * Where a listed unit lies today: the current communes that took its area, each wholly or partly
 * from it (a new commune can join parts of a poor district and of a non-poor one).
 */
export async function areaMemberSuccessors(db: Db, groupCode: string, seq: number): Promise<AreaSuccessorsView> {
  const m = (await repo.areaMembers(db, groupCode)).find((x) => x.seq === seq);
  if (!m) throw notFound(`Không có mục số ${seq} trong danh sách ${groupCode}.`);
  if (!m.unitId)
    return {
      member: m,
      current: [],
      note: 'Chưa xác định được mã đơn vị của mục này trong danh mục đơn vị hành chính.',
    };
  const group = (await repo.areaGroups(db)).find((g) => g.code === groupCode)!;
  const sources =
    m.unitLevel === 'district' ? await childrenOf(db, m.unitId, group.listedOn) : await getUnits(db, [m.unitId]);
  const sourceIds = new Set(sources.map((s) => s.id));
  const current = new Map<string, { id: string; code: string; name: string; whole: boolean }>();
  for (const s of sources.length ? sources : await getUnits(db, [m.unitId])) {
    for (const v of await resolvedSuccessors(db, s.id)) {
      if (v.unit.validTo !== null) continue;
      if (!current.has(v.unit.id)) {
        const into = await lineageInto(db, v.unit.id);
        const fromIds = into.map((l) => l.fromId);
        const fromUnits = await getUnits(db, fromIds);
        // wholly from the listed unit when every 2025 input is one of its communes (or a later version of one)
        const whole =
          fromUnits.every((u) => sourceIds.has(u.id) || (m.unitLevel === 'district' && u.parentCode === m.unitCode)) &&
          v.relation === 'full';
        current.set(v.unit.id, { id: v.unit.id, code: v.unit.code, name: v.unit.fullName, whole });
      }
    }
  }
  return { member: m, current: [...current.values()].sort((a, b) => a.code.localeCompare(b.code)), note: null };
}

export async function recordExit(db: Db, caller: Caller, input: NewExit) {
  assertCan(caller, 'exit.record', {}, 'Chỉ cơ quan chủ quản chương trình ghi nhận quyết định công nhận thoát nghèo.');
  const group = (await repo.areaGroups(db)).find((g) => g.code === input.group);
  if (!group) throw notFound(`Không có danh sách "${input.group}".`);
  return db.tx(async (tx) => {
    const row = await repo.recordAreaExit(tx, {
      groupCode: group.code,
      decision: input.decision,
      decidedOn: input.decidedOn,
      count: input.count,
      cumulative: input.cumulative,
      status: input.status,
      sourceUrl: input.sourceUrl,
      note: input.note,
    });
    await audit(tx, auditActorOf(caller), {
      action: 'results.area_exit.create',
      entity: 'results_area_exit',
      entityId: row.id,
      after: input,
    });
    return { id: row.id };
  });
}

/** The criteria of QĐ 36/2021 with their thresholds (unverified ones null and marked). */
export function criteriaConfig(): CriteriaConfig {
  return {
    dbkkCommune: DBKK_CRITERIA,
    infrastructureItems: INFRASTRUCTURE_ITEMS,
    poorDistrict: POOR_DISTRICT_CRITERIA,
  };
}

/** Evaluates a unit's data against the criteria; unknown data or unverified thresholds give null, not a verdict. */
export function evaluateCriteria(input: CriteriaInput): CriteriaEvaluation {
  if (input.kind === 'dbkk_commune') {
    const lacking = Object.fromEntries(
      INFRASTRUCTURE_ITEMS.map((i) => [i.code, input.lacking[i.code as keyof typeof input.lacking] ?? null]),
    );
    return evaluateDbkkCommune({ ...input, lacking });
  }
  return evaluatePoorDistrict(input);
}
