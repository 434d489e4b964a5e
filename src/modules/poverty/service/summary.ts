/** The area summary: counts, rates over resident households, coverage and official status; its table rows. */
import type { Db } from '../../../db/client';
import { badRequest } from '../../../errors';
import { NO_RESIDENT_HOUSEHOLDS_VI } from '../../../domain/poverty/resident';
import { residentRates, roundPct, type Counts } from '../../../domain/poverty/aggregate';
import type { SummaryAnswer, SummaryRow } from '../contracts';
import * as summaryRepo from '../repo-summary';
import { reviewDateOfYear } from './shared';

export interface SummaryQuery {
  year: number;
  level: summaryRepo.SummaryLevel;
  boundaries: summaryRepo.Boundaries;
  by: summaryRepo.Breakdown;
  /** Default official: recognised results only. */
  status?: summaryRepo.SummaryStatus;
  /** Province code, required with level 'commune'. */
  province?: string;
}

function present(r: summaryRepo.SummaryRow): SummaryRow {
  const counts: Counts = {
    households: r.registered,
    poor: r.poor,
    nearPoor: r.near_poor,
    escapedPoor: r.escaped_poor,
    escapedNearPoor: r.escaped_near_poor,
    newlyPoor: r.newly_poor,
    newlyNearPoor: r.newly_near_poor,
    relapsed: r.relapsed,
    poorNoLabour: r.poor_no_labour,
    nearPoorNoLabour: r.near_poor_no_labour,
    labourUnknown: r.labour_unknown,
  };
  const rates = residentRates({ poor: r.poor_covered, nearPoor: r.near_poor_covered, resident: r.resident });
  return {
    unitId: r.key,
    code: r.code,
    name: r.name,
    part: r.part,
    ...counts,
    households: r.resident,
    registeredHouseholds: r.registered,
    poorRate: rates.poorPct,
    nearPoorRate: rates.nearPoorPct,
    ...rates,
    coverage: { reporting: r.communes_reporting, total: r.communes_total },
    communesWithResults: r.communes_counted,
    official: r.all_recognised,
  };
}

/**
 * Rows as tables and CSV files show them (CLI table/csv, the CSV download): rates rounded to two
 * decimals, "chưa có số hộ dân cư" where the resident households are unknown, coverage as "n/N".
 */
export function summaryTableRows(rows: SummaryRow[]) {
  const rate = (v: number | null) => (v === null ? NO_RESIDENT_HOUSEHOLDS_VI : roundPct(v));
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    part: r.part,
    households: r.households,
    registeredHouseholds: r.registeredHouseholds,
    poor: r.poor,
    poorRate: rate(r.poorRate),
    nearPoor: r.nearPoor,
    nearPoorRate: rate(r.nearPoorRate),
    escapedPoor: r.escapedPoor,
    escapedNearPoor: r.escapedNearPoor,
    newlyPoor: r.newlyPoor,
    newlyNearPoor: r.newlyNearPoor,
    relapsed: r.relapsed,
    poorNoLabour: r.poorNoLabour,
    nearPoorNoLabour: r.nearPoorNoLabour,
    labourUnknown: r.labourUnknown,
    coverage: `${r.coverage.reporting}/${r.coverage.total}`,
    official: r.official,
  }));
}

function summaryCoverage(rows: SummaryRow[]) {
  return rows.map((r) => ({ coverageReporting: r.coverage.reporting, coverageTotal: r.coverage.total }));
}

/** The same rows with Vietnamese column names (the CSV download of the screens). */
export function summaryTableRowsVi(rows: SummaryRow[]) {
  const coverage = summaryCoverage(rows);
  // Rates as numbers (two decimals), so that the xlsx holds numbers and the CSV writes the decimal mark of the file.
  const rate = (v: number | null) => (v === null ? NO_RESIDENT_HOUSEHOLDS_VI : Number(roundPct(v)));
  return summaryTableRows(rows)
    .map((r, i) => ({
      ...r,
      ...coverage[i],
      poorRate: rate(rows[i].poorRate),
      nearPoorRate: rate(rows[i].nearPoorRate),
    }))
    .map((row) => ({
      Mã: row.code,
      'Đơn vị': row.name,
      Nhóm: row.part,
      'Tổng số hộ dân cư': row.households ?? NO_RESIDENT_HOUSEHOLDS_VI,
      'Số hộ trong sổ rà soát': row.registeredHouseholds,
      'Hộ nghèo': row.poor,
      'Tỷ lệ nghèo (%)': row.poorRate,
      'Hộ cận nghèo': row.nearPoor,
      'Tỷ lệ cận nghèo (%)': row.nearPoorRate,
      'Thoát nghèo': row.escapedPoor,
      'Thoát cận nghèo': row.escapedNearPoor,
      'Nghèo phát sinh': row.newlyPoor,
      'Cận nghèo phát sinh': row.newlyNearPoor,
      'Tái nghèo': row.relapsed,
      'Hộ nghèo không có khả năng lao động': row.poorNoLabour,
      'Hộ cận nghèo không có khả năng lao động': row.nearPoorNoLabour,
      'Chưa rõ khả năng lao động': row.labourUnknown,
      // Two number columns, not "1/3": Excel would read that as a date.
      'Xã đã báo cáo số hộ dân cư': row.coverageReporting,
      'Xã trên địa bàn': row.coverageTotal,
      'Số liệu': row.official ? 'chính thức (đã công nhận)' : 'tạm thời (chưa công nhận hết)',
    }));
}

/**
 * THE area summary: counts, rates over resident households, coverage and official status by
 * province, region or nation. Not personal data. Other modules (results, indicators) read poverty
 * figures through this function.
 */
export async function povertySummary(db: Db, q: SummaryQuery): Promise<SummaryAnswer> {
  const status = q.status ?? 'official';
  if (q.level === 'commune' && !q.province)
    throw badRequest('Tổng hợp theo xã cần mã tỉnh (province): mỗi lần xem các xã của một tỉnh.');
  const { rows, unresolved } = await summaryRepo.summary(
    db,
    q.year,
    reviewDateOfYear(q.year),
    q.level,
    q.boundaries,
    q.by,
    status,
    q.province ?? null,
  );
  return {
    year: q.year,
    level: q.level,
    boundaries: q.boundaries,
    by: q.by,
    status,
    rows: rows.map(present),
    unresolved: unresolved.map(present),
  };
}
