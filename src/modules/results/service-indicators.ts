/**
 * Indicator values computed when read, judged against targets; the national overview and the
 * public figures. Register-based values come from the poverty area's summary (povertySummary),
 * so its definition of the rates (denominator, coverage, official or provisional) applies here;
 * published national and regional results are the official values of their years.
 */
import type { Db } from '../../db/client';
import { POOR_AREA_GROUP } from '../../domain/results/indicators';
import { badRequest, notFound } from '../../errors';
import { todayInVietnam } from '../../domain/text';
import {
  evaluateFormula,
  INDICATORS,
  indicatorByCode,
  judge,
  exitedBy,
  OTHER_TARGETS,
  ruleTextEn,
  ruleTextVi,
  type Indicator,
  type TargetRule,
} from '../../domain/results';
import { povertySummary, reviewDateOfYear } from '../poverty/service';
import { publishedSeries } from '../poverty/repo-summary';
import { listRegions } from '../units/repo';
import type { IndicatorListItem, IndicatorValueRow, TargetView, ValuesQuery } from './contracts';
import * as repo from './repo';

export function listIndicators(): IndicatorListItem[] {
  return INDICATORS.map((i) => ({
    code: i.code,
    name: i.nameVi,
    nameEn: i.nameEn,
    unit: i.unit,
    source: i.sourceVi,
    numerator: i.numerator,
    denominator: i.denominator,
    factor: i.factor,
    status: i.status,
  }));
}

function indicatorOrThrow(code: string): Indicator {
  const ind = indicatorByCode(code);
  if (!ind) throw notFound(`Không có chỉ tiêu mã "${code}". Các mã có: ${INDICATORS.map((i) => i.code).join(', ')}.`);
  return ind;
}

interface UnitValue {
  unitId: string | null;
  unitCode: string;
  unitName: string;
  value: number | null;
  official: boolean;
  provisional: boolean;
  coverage: number | null;
  source: string | null;
  note: string | null;
}

type SummaryRowLike = Record<string, unknown> & { unitId: string; code: string; name: string; part: string };

const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

type PublishedRow = {
  year: number | null;
  scope: string;
  areaCode: string;
  areaName: string;
  indicator: string;
  ratePct: number | null;
  households: number | null;
  status: string;
  decision: string | null;
  sourceUrl: string | null;
  note: string | null;
};

/** Reference rows read once per request (published results, outcomes, poor-area groups and exits). */
class Reads {
  private memo = new Map<string, Promise<unknown>>();
  constructor(private readonly db: Db) {}
  private once<T>(key: string, f: () => Promise<T>): Promise<T> {
    if (!this.memo.has(key)) this.memo.set(key, f());
    return this.memo.get(key) as Promise<T>;
  }
  published = (year: number) =>
    this.once('published', () => publishedSeries(this.db) as Promise<PublishedRow[]>).then((rows) =>
      rows.filter((r) => r.year === year),
    );
  outcomes = () => this.once('outcomes', () => repo.publishedOutcomes(this.db));
  groups = () => this.once('groups', () => repo.areaGroups(this.db));
  exits = () => this.once('exits', () => repo.areaExits(this.db));
  summary = (q: Parameters<typeof povertySummary>[1]) =>
    this.once(`summary:${q.year}:${q.level}:${q.boundaries}:${q.by}`, () => povertySummary(this.db, q));
}

/** Values of one indicator for one year at one level, before targets. */
async function valuesOf(
  db: Db,
  ind: Indicator,
  year: number,
  level: ValuesQuery['level'],
  boundaries: ValuesQuery['boundaries'],
  reads = new Reads(db),
): Promise<UnitValue[]> {
  const group = POOR_AREA_GROUP[ind.code];
  if (group) {
    if (level !== 'nation')
      throw badRequest(`Chỉ tiêu "${ind.nameVi}" chỉ tính cho toàn quốc (danh sách theo Quyết định 353/QĐ-TTg).`);
    const g = (await reads.groups()).find((x) => x.code === group)!;
    const exits = (await reads.exits()).filter((e) => e.groupCode === group);
    const exited = exitedBy(year, exits);
    const elements =
      group === 'POOR_DISTRICTS_2021_2025'
        ? { poor_districts_total: g.officialSize, poor_districts_exited: exited }
        : { dbkk_communes_total: g.officialSize, dbkk_communes_exited: exited };
    const r = evaluateFormula(ind, elements);
    const last = exits.filter((e) => Number(e.decidedOn.slice(0, 4)) <= year).at(-1);
    return [
      {
        unitId: null,
        unitCode: 'VN',
        unitName: 'Toàn quốc',
        value: r.ok ? r.value : null,
        official: false,
        provisional: last?.status !== 'verified',
        coverage: null,
        source: last ? `${last.decision}${last.sourceUrl ? ` (${last.sourceUrl})` : ''}` : null,
        note: r.ok
          ? exited === null
            ? 'Chưa ghi nhận quyết định công nhận thoát nghèo nào đến năm này.'
            : null
          : r.message,
      },
    ];
  }

  // Published results (official values of their years): poverty_published, then this area's own table.
  const published = new Map<string, UnitValue>();
  if (ind.published && level !== 'province') {
    const scope = level === 'nation' ? 'national' : 'region';
    for (const p of await reads.published(year)) {
      if (p.scope !== scope) continue;
      const isCount = ind.code === 'poor_near_poor_households';
      if (isCount ? p.indicator !== 'multidim' : p.indicator !== ind.published) continue;
      const value = isCount ? p.households : p.ratePct;
      if (value === null) continue;
      published.set(p.areaCode, {
        unitId: null,
        unitCode: p.areaCode,
        unitName: p.areaName,
        value,
        official: p.status === 'published',
        provisional: p.status !== 'published',
        coverage: null,
        source: [p.decision, p.sourceUrl].filter(Boolean).join(' — ') || null,
        note: p.note,
      });
    }
    if (level === 'nation') {
      for (const p of await reads.outcomes()) {
        if (p.year === year && p.areaCode === 'VN' && p.indicator === ind.published) {
          published.set('VN', {
            unitId: null,
            unitCode: 'VN',
            unitName: 'Toàn quốc',
            value: p.value,
            official: true,
            provisional: false,
            coverage: null,
            source: p.sourceUrl,
            note: p.note,
          });
        }
      }
    }
  }

  // The register, through the poverty summary.
  const register = new Map<string, UnitValue>();
  if (ind.registerRate || ind.code === 'poor_near_poor_households') {
    const part = ind.registerRate?.part ?? 'all';
    const s = await reads.summary({ year, level, boundaries, by: part === 'minority' ? 'ethnicity' : 'none' });
    for (const row of s.rows as unknown as SummaryRowLike[]) {
      if (row.part !== part) continue;
      const value = ind.registerRate
        ? numOrNull(row[ind.registerRate.field])
        : (() => {
            const r = evaluateFormula(ind, { poor: numOrNull(row.poor), near_poor: numOrNull(row.nearPoor) });
            return r.ok ? r.value : null;
          })();
      register.set(row.code, {
        unitId: row.unitId,
        unitCode: row.code,
        unitName: row.name,
        value,
        official: row.official === true,
        provisional: row.official !== true,
        coverage: numOrNull(row.coverage),
        source: 'Sổ hộ (kết quả rà soát nhập vào hệ thống)',
        note: null,
      });
    }
  }

  // Every unit of the level is listed, with null when nothing is known.
  const units = await unitsOfLevel(db, level, year, boundaries);
  return units.map((u) => {
    const p = published.get(u.code);
    const r = register.get(u.code);
    if (p) return { ...p, unitId: u.id, unitName: u.name };
    if (r) return r;
    return {
      unitId: u.id,
      unitCode: u.code,
      unitName: u.name,
      value: null,
      official: false,
      provisional: false,
      coverage: null,
      source: null,
      note: 'Chưa có số liệu.',
    };
  });
}

async function unitsOfLevel(db: Db, level: ValuesQuery['level'], year: number, boundaries: ValuesQuery['boundaries']) {
  const on = boundaries === 'current' ? todayInVietnam() : reviewDateOfYear(year);
  if (level === 'nation') return [{ id: null as string | null, code: 'VN', name: 'Toàn quốc' }];
  if (level === 'region')
    return (await listRegions(db, 'vung6', on)).map((r) => ({ id: r.id as string | null, code: r.code, name: r.name }));
  return (await repo.unitsOn(db, 'province', on, null)).map((u) => ({
    id: u.id as string | null,
    code: u.code,
    name: u.fullName,
  }));
}

/** `indicators values`: one row per unit of the level, with the applicable target and whether it is on track. */
export async function indicatorValues(db: Db, q: ValuesQuery): Promise<IndicatorValueRow[]> {
  const ind = indicatorOrThrow(q.indicator);
  const targets = (await repo.listTargets(db, { indicator: ind.code })).filter(
    (t) => t.fromYear <= q.year && q.year <= t.toYear,
  );
  const reads = new Reads(db);
  const current = await valuesOf(db, ind, q.year, q.level, q.boundaries, reads);
  const needsPrevious = targets.some((t) => t.rule.kind === 'annual_decrease_pp');
  const previous = needsPrevious
    ? new Map((await valuesOf(db, ind, q.year - 1, q.level, q.boundaries, reads)).map((v) => [v.unitCode, v.value]))
    : new Map<string, number | null>();
  const baseYears = [
    ...new Set(targets.flatMap((t) => ('baseYear' in t.rule && t.rule.baseYear !== null ? [t.rule.baseYear] : []))),
  ];
  const bases = new Map<number, Map<string, number | null>>();
  for (const y of baseYears)
    bases.set(y, new Map((await valuesOf(db, ind, y, q.level, q.boundaries, reads)).map((v) => [v.unitCode, v.value])));

  return current.map((v) => {
    const target = targets.find((t) =>
      q.level === 'nation' ? t.unitId === null : q.level === 'province' && t.unitId !== null && t.unitId === v.unitId,
    );
    const valueOf = (y: number) =>
      y === q.year
        ? v.value
        : y === q.year - 1
          ? (previous.get(v.unitCode) ?? null)
          : (bases.get(y)?.get(v.unitCode) ?? null);
    const j = target ? judge(target.rule, q.year, valueOf) : null;
    return {
      unitCode: v.unitCode,
      unitName: v.unitName,
      year: q.year,
      value: v.value,
      target: j?.target ?? null,
      onTrack: j?.onTrack ?? null,
      unitId: v.unitId,
      previous: needsPrevious ? (previous.get(v.unitCode) ?? null) : null,
      targetCode: target?.code ?? (target ? `#${target.id}` : null),
      targetLabel: target?.labelVi ?? null,
      official: v.official,
      provisional: v.provisional,
      coverage: v.coverage,
      source: v.source,
      note: [v.note, j?.noteVi].filter(Boolean).join(' ') || null,
    };
  });
}

export const FIRST_YEAR = 2021;

/** Each national target with its series from 2021 to `year`: value, target, on track. */
export async function targetSeries(db: Db, year: number): Promise<TargetView[]> {
  const targets = await repo.listTargets(db, { nationOnly: true });
  const reads = new Reads(db);
  const out: TargetView[] = [];
  for (const t of targets) {
    const ind = indicatorOrThrow(t.indicator);
    const series: TargetView['series'] = [];
    const cache = new Map<number, { value: number | null; official: boolean }>();
    const valueAt = async (y: number) => {
      if (!cache.has(y)) {
        const v = (await valuesOf(db, ind, y, 'nation', 'review', reads))[0];
        cache.set(y, { value: v?.value ?? null, official: v?.official ?? false });
      }
      return cache.get(y)!;
    };
    const rule = t.rule as TargetRule;
    for (let y = FIRST_YEAR; y <= year; y++) {
      const cur = await valueAt(y);
      if (y >= t.fromYear && y <= t.toYear) {
        if (rule.kind === 'annual_decrease_pp') await valueAt(y - 1);
        if ('baseYear' in rule && rule.baseYear !== null) await valueAt(rule.baseYear);
        const j = judge(rule, y, (yy) => cache.get(yy)?.value ?? null);
        series.push({
          year: y,
          value: cur.value,
          target: j.target,
          onTrack: j.onTrack,
          official: cur.official,
          note: j.noteVi,
        });
      } else {
        series.push({
          year: y,
          value: cur.value,
          target: null,
          onTrack: null,
          official: cur.official,
          note: y > t.toYear ? 'Ngoài thời hạn của mục tiêu.' : null,
        });
      }
    }
    out.push({
      code: t.code ?? String(t.id),
      indicator: ind.code,
      indicatorName: ind.nameVi,
      unit: ind.unit,
      labelVi: t.labelVi,
      ruleVi: ruleTextVi(rule),
      ruleEn: ruleTextEn(rule),
      citation: t.citation,
      status: t.status,
      note: t.note,
      series,
    });
  }
  return out;
}

export function otherTargets() {
  return OTHER_TARGETS;
}
