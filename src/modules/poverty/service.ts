/**
 * Use cases of the poverty area: import a commune's review workbook, keep aggregates current,
 * summaries, household lists and exports, the review workflow. The only place of permission
 * checks and audit writes for this area.
 */
import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { Db } from '../../db/client';
import { AppError, badRequest, conflict, forbidden, invalid, notFound, type Problem } from '../../errors';
import { EMPTY_WORKBOOK } from './contracts';
import { NO_RESIDENT_HOUSEHOLDS_VI } from '../../domain/poverty/resident';
import {
  householdCounts,
  residentRates,
  roundPct,
  rollUp,
  type Counts,
  type HouseholdHistory,
} from '../../domain/poverty/aggregate';
import {
  classifyHousehold,
  resolveIndicators,
  unknownIndicatorMessage,
  CLASS_LABEL_VI,
  type Classification,
  type ClassifyErrorCode,
} from '../../domain/poverty/classify';
import * as review from '../../domain/poverty/review';
import { communeStatusVi, labelsWithProvince } from '../../domain/poverty/scope';
import { applicationForYear, findStandard, NATIONAL_CATALOG } from '../../domain/poverty/standards';
import { OCCUPATION_LABEL_VI, type HouseholdClass } from '../../domain/poverty/types';
import {
  AREA_TEXT_VI,
  SHEET_HOUSEHOLDS,
  sortWorkbookProblems,
  type ParsedHousehold,
  type ParsedMember,
  type RejectedHousehold,
} from '../../domain/poverty/workbook';
import { hasRole, isCentral, type Actor } from '../access/actor';
import { unitAccess } from '../access/unit-access';
import { audit, systemActor, type AuditActor } from '../audit/audit';
import { officialCalendar } from '../calendar/official';
import { writeReviewWorkbook } from './excel';
import { parseWorkbookIsolated, withImportDir } from './import-isolation';
import * as repo from './repo';
import * as register from './repo-register';

/** A signed-in user, or the local operator running the CLI (full rights, audited by name). */
export type Caller = Actor | { system: string };

export const isSystem = (c: Caller): c is { system: string } => 'system' in c;
export const auditActorOf = (c: Caller): AuditActor =>
  isSystem(c) ? systemActor(c.system) : { userId: c.userId, username: c.username };

/**
 * Review date of a year: the periodic review closes on 14/12 (QĐ 24/2021, Art. 3); its communes are those valid then.
 */
export const reviewDateOfYear = (year: number) => `${year}-12-14`;

export async function assertCoversCommune(
  db: Db,
  caller: Caller,
  communeId: string,
  roles: ('commune_officer' | 'province_officer')[],
) {
  if (isSystem(caller) || isCentral(caller)) return;
  if (!hasRole(caller, ...roles)) throw forbidden();
  const access = await unitAccess(db, caller);
  if (!access.covers(communeId)) throw forbidden('Xã này nằm ngoài phạm vi được phân quyền của bạn.');
}

/** Personal data (names, ID numbers): central roles, or a unit grant covering the commune. */
export async function canSeePersonalData(db: Db, caller: Caller, communeId: string): Promise<boolean> {
  if (isSystem(caller) || isCentral(caller)) return true;
  return (await unitAccess(db, caller)).covers(communeId);
}

export async function resolveCommune(
  db: Db,
  ref: { communeId?: string; communeCode?: string },
  year: number,
): Promise<repo.CommuneRow> {
  const commune = ref.communeId
    ? await repo.findCommune(db, ref.communeId)
    : await repo.findCommuneOn(db, ref.communeCode ?? '', reviewDateOfYear(year));
  if (!commune) {
    throw notFound(
      ref.communeId
        ? `Không có xã mã ${ref.communeId}.`
        : `Không có xã mã "${ref.communeCode}" vào thời điểm rà soát năm ${year} (${reviewDateOfYear(year).split('-').reverse().join('/')}).`,
    );
  }
  return commune;
}

const ERROR_COLUMN: Record<ClassifyErrorCode, string> = {
  unknown_indicator: 'I',
  no_evidence: 'G',
  no_score_rules: 'G',
  no_item_table: 'G',
  invalid_input: 'F',
  no_standard: 'A',
};

export interface ImportInput {
  communeId?: string;
  communeCode?: string;
  year: number;
  filePath: string;
  fileName: string;
  onProgress?: (rowsRead: number) => void;
  /** The user confirms that the commune has no household to list: a workbook with headers only is then accepted. */
  confirmEmpty?: boolean;
}

export interface ImportOutcome {
  importId: number | null;
  communeId: string;
  communeName: string;
  year: number;
  unchanged: boolean;
  households: number;
  members: number;
  classes: Record<HouseholdClass, number>;
}

/**
 * Fingerprint of a workbook's checked content (not of its bytes: Excel rewrites timestamps on every
 * save). The same households and members again → the same fingerprint → nothing changes.
 */
export function contentSha(households: ParsedHousehold[], members: ParsedMember[]): string {
  const h = createHash('sha256');
  for (const { row: _r, ...x } of households) h.update(JSON.stringify(x)).update('\n');
  h.update('--\n');
  for (const { row: _r, ...x } of members) h.update(JSON.stringify(x)).update('\n');
  return h.digest('hex');
}

/** Unknown indicator codes of rows not classified because of other cell problems (all in one pass). */
export function indicatorProblems(rows: RejectedHousehold[], year: number): Problem[] {
  const app = applicationForYear(NATIONAL_CATALOG, year);
  const standard = app && findStandard(NATIONAL_CATALOG, app.standardId);
  if (!standard) return [];
  return rows.flatMap((h) => {
    const { unknown } = resolveIndicators(standard, h.deprived);
    return unknown.length
      ? [
          {
            sheet: SHEET_HOUSEHOLDS,
            row: h.row,
            column: ERROR_COLUMN.unknown_indicator,
            message: unknownIndicatorMessage(standard, unknown),
          },
        ]
      : [];
  });
}

/** Classifies parsed households with the standard of the year; engine errors become cell problems. */
export function classifyParsed(
  households: ParsedHousehold[],
  year: number,
): { results: Classification[]; problems: Problem[] } {
  const results: Classification[] = [];
  const problems: Problem[] = [];
  for (const h of households) {
    const out = classifyHousehold({
      area: h.area,
      year,
      deprived: h.deprived,
      ...(h.scoreA !== null ? { scoreA: h.scoreA } : {}),
      ...(h.income !== null ? { incomePerCapita: h.income } : {}),
      ...(h.scoreB !== null ? { scoreB: h.scoreB } : {}),
      occupation: h.occupation,
    });
    if (out.ok) results.push(out.value);
    else
      problems.push({
        sheet: SHEET_HOUSEHOLDS,
        row: h.row,
        column: ERROR_COLUMN[out.error.code],
        message: out.error.message,
      });
  }
  return { results, problems };
}

function classCounts(results: Classification[]): Record<HouseholdClass, number> {
  const classes: Record<HouseholdClass, number> = { poor: 0, near_poor: 0, average: 0, not_poor: 0 };
  for (const r of results) classes[r.class]++;
  return classes;
}

/**
 * Imports a commune's review workbook: every cell is checked and every problem reported by
 * sheet, row and column; nothing is written unless the whole file is valid; the same file
 * imported again changes nothing. Aggregates of the commune are brought up to date in the
 * same transaction.
 */
export async function importReviewWorkbook(db: Db, caller: Caller, input: ImportInput): Promise<ImportOutcome> {
  const commune = await resolveCommune(db, input, input.year);
  await assertCoversCommune(db, caller, commune.id, ['commune_officer', 'province_officer']);
  if (!applicationForYear(NATIONAL_CATALOG, input.year))
    throw invalid(`Không có chuẩn nghèo nào được cấu hình cho năm ${input.year}.`, []);

  const parsed = await withImportDir((dir) => parseWorkbookIsolated(input.filePath, dir, input.onProgress));
  const { results, problems } = classifyParsed(parsed.households, input.year);
  const all = sortWorkbookProblems([
    ...parsed.problems,
    ...problems,
    ...indicatorProblems(parsed.rejectedHouseholds, input.year),
  ]);
  if (all.length) throw invalid(`Tệp có ${all.length} lỗi; chưa nhập dữ liệu nào.`, all);
  // A workbook with headers only would erase the commune's results: only on explicit confirmation
  // (its own code, so the screen can offer that confirmation).
  if (parsed.households.length === 0 && !input.confirmEmpty) {
    throw new AppError(422, EMPTY_WORKBOOK, 'Tệp không có hộ nào; chưa nhập dữ liệu nào.', {
      problems: [
        {
          sheet: SHEET_HOUSEHOLDS,
          message:
            'Trang "Hộ gia đình" không có dòng dữ liệu. Nếu xã thật sự không có hộ nào cần lập danh sách, hãy xác nhận điều đó khi nhập (kết quả cũ của xã sẽ bị thay bằng danh sách trống).',
        },
      ],
    });
  }

  const sha = contentSha(parsed.households, parsed.members);
  const [done] = await db.tx((tx) =>
    importParsed(tx, caller, input.year, [
      { commune, sha, fileName: input.fileName, households: parsed.households, members: parsed.members, results },
    ]),
  );
  return {
    importId: done.importId,
    communeId: commune.id,
    communeName: commune.fullName,
    year: input.year,
    unchanged: done.unchanged,
    households: parsed.households.length,
    members: parsed.members.length,
    classes: classCounts(results),
  };
}

/** One commune's checked and classified review data, ready to be written. */
export interface CommuneImport {
  commune: repo.CommuneRow;
  sha: string;
  fileName: string;
  households: ParsedHousehold[];
  members: ParsedMember[];
  /** Classification of each household, in the same order. */
  results: Classification[];
}

/**
 * Writes checked imports of one or more communes of a year, set-based, in the caller's transaction:
 * register upsert, members, results with last year's class, the communes' aggregates, audit.
 * A commune whose results are locked by an approval refuses the whole batch.
 */
export async function importParsed(
  tx: Db,
  caller: Caller,
  year: number,
  items: CommuneImport[],
): Promise<{ communeId: string; importId: number | null; unchanged: boolean }[]> {
  const communeIds = items.map((i) => i.commune.id);
  const campaign = await ensureCampaign(tx, 'periodic', year);
  const locked = await repo.communeApprovals(tx, campaign.id, communeIds);
  const lockedIds = locked
    .filter((l) => review.communeResultsLocked({ approvals: l.approvals }))
    .map((l) => l.commune_id);
  if (lockedIds.length) {
    throw conflict(
      'Kết quả rà soát của xã đã được gửi lên cấp trên và bị khoá; cần cấp trên trả lại trước khi nhập lại.',
      { communes: lockedIds },
    );
  }
  const shas = await repo.latestImportShas(tx, year, communeIds);
  const todo = items.filter((i) => shas.get(i.commune.id) !== i.sha);
  const outcome = new Map(
    items.map((i) => [i.commune.id, { communeId: i.commune.id, importId: null as number | null, unchanged: true }]),
  );
  if (!todo.length) return [...outcome.values()];

  const key = register.householdKey;
  // The register has no per-row foreign key to the commune: it is checked and locked here, once per file.
  const unknown = await repo.lockCommunes(
    tx,
    todo.map((i) => ({ provinceId: i.commune.provinceId, communeId: i.commune.id })),
  );
  if (unknown.length) {
    throw badRequest('Xã không có trong danh mục đơn vị hành chính hoặc không thuộc tỉnh đã chọn.', {
      communes: unknown,
    });
  }
  const known = await repo.communesWithHouseholds(
    tx,
    todo.map((i) => ({ provinceId: i.commune.provinceId, communeId: i.commune.id })),
  );
  const fresh = new Set(todo.map((i) => i.commune.id).filter((id) => !known.has(id)));
  const { ids, existing } = await register.upsertHouseholds(
    tx,
    todo.flatMap(({ commune, households, members }) => {
      const count = new Map<string, number>();
      for (const m of members) count.set(m.householdCode, (count.get(m.householdCode) ?? 0) + 1);
      return households.map((h) => ({
        provinceId: commune.provinceId,
        communeId: commune.id,
        code: h.code,
        headName: h.headName,
        headIdNumber: h.headIdNumber,
        headEthnicity: h.headEthnicity,
        ethnicMinority: h.ethnicMinority,
        village: h.village,
        area: h.area,
        membersCount: count.get(h.code) ?? 0,
      }));
    }),
    fresh,
  );
  const refs = todo.flatMap(({ commune, households }) =>
    households.map((h) => ({ provinceId: commune.provinceId, householdId: ids.get(key(commune.id, h.code))! })),
  );
  await register.replaceMembers(
    tx,
    refs.filter((r) => existing.has(r.householdId)),
    todo.flatMap(({ commune, members }) =>
      members.map((m, i) => ({
        provinceId: commune.provinceId,
        householdId: ids.get(key(commune.id, m.householdCode))!,
        seq: i + 1,
        fullName: m.fullName,
        relation: m.relation,
        birthDate: m.birthDate,
        sex: m.sex,
        idNumber: m.idNumber,
        ethnicity: m.ethnicity,
      })),
    ),
  );
  // Only households that were already in the register can have results of other years (a new id has none).
  const registered = refs.filter((r) => existing.has(r.householdId));
  const previous = await repo.previousClasses(tx, registered, year);
  const poorBefore = await repo.poorEarlier(tx, registered, year);
  const by = auditActorOf(caller);
  const importIds = await repo.recordImports(
    tx,
    todo.map((i) => ({
      communeId: i.commune.id,
      year,
      fileName: i.fileName,
      sha: i.sha,
      households: i.households.length,
      members: i.members.length,
      by: by.username,
    })),
  );
  const todoIds = todo.map((i) => i.commune.id);
  const rows = todo.flatMap(({ commune, households, results }) =>
    households.map((h, k) => {
      const r = results[k];
      const id = ids.get(key(commune.id, h.code))!;
      return {
        provinceId: commune.provinceId,
        communeId: commune.id,
        importId: importIds.get(commune.id)!,
        householdId: id,
        area: h.area,
        ethnicMinority: h.ethnicMinority,
        standardId: r.standardId,
        scoreA: r.scoreA,
        income: r.incomePerCapita,
        scoreB: r.scoreB,
        deprived: r.deprived,
        class: r.class,
        previousClass: previous.get(id) ?? h.previousClass,
        flags: r.flags,
        decisionNo: h.decisionNo,
        decisionDate: h.decisionDate,
        occupation: h.occupation,
        noLabourCapacity: h.noLabourCapacity,
        poorEarlier: poorBefore.has(id),
      };
    }),
  );
  await register.replaceResults(
    tx,
    year,
    todoIds.filter((id) => shas.has(id)),
    rows.map(({ poorEarlier: _p, ...r }) => r),
  );
  // The communes' results are exactly these rows: their aggregates come from them, without reading back.
  await writeAggregatesOf(tx, year, todoIds, rows);
  await repo.propagateToNextYear(tx, year, todoIds);
  // Later years depend on this one: last year's class (next year) and "poor in an earlier year" (relapse).
  for (const later of await repo.laterYears(tx, year, todoIds))
    await refreshAggregates(tx, later.year, later.communeIds);
  for (const i of todo)
    outcome.set(i.commune.id, { communeId: i.commune.id, importId: importIds.get(i.commune.id)!, unchanged: false });
  // One audit row per transaction: one commune (workbook import) or a batch of communes (bulk load).
  const summaries = todo.map((i) => ({
    communeId: i.commune.id,
    importId: importIds.get(i.commune.id)!,
    fileName: i.fileName,
    sha256: i.sha,
    households: i.households.length,
    members: i.members.length,
    classes: classCounts(i.results),
  }));
  await audit(tx, by, {
    action: 'poverty.import.create',
    entity: 'poverty_import',
    entityId:
      summaries.length === 1
        ? summaries[0].importId
        : `${Math.min(...summaries.map((x) => x.importId))}-${Math.max(...summaries.map((x) => x.importId))}`,
    unitId: todo.length === 1 ? todo[0].commune.id : null,
    after: todo.length === 1 ? { year, ...summaries[0] } : { year, imports: summaries },
  });
  return [...outcome.values()];
}

function aggregateGroups(items: { communeId: string; area: string; ethnicMinority: boolean; counts: Counts }[]) {
  const groups = rollUp(
    items,
    (r) => `${r.communeId}|${r.area}|${r.ethnicMinority}`,
    (r) => r.counts,
  );
  return [...groups].map(([k, counts]) => {
    const [communeId, area, minority] = k.split('|');
    return { communeId, area, ethnicMinority: minority === 'true', counts };
  });
}

async function writeAggregatesOf(
  tx: Db,
  year: number,
  communeIds: string[],
  rows: (repo.ResultWrite & { poorEarlier: boolean })[],
) {
  const groups = aggregateGroups(
    rows.map((r) => ({
      communeId: r.communeId,
      area: r.area,
      ethnicMinority: r.ethnicMinority,
      counts: householdCounts(r.previousClass, r.class, {
        poorEarlier: r.poorEarlier,
        noLabourCapacity: r.noLabourCapacity,
      }),
    })),
  );
  await repo.writeAggregates(tx, year, communeIds, groups);
}

/** Recomputes the aggregate rows of some communes from their results: cost ∝ those communes, not the nation. */
export async function refreshAggregates(tx: Db, year: number, communeIds: string[]): Promise<void> {
  const rows = await repo.communeTransitions(tx, year, communeIds);
  const groups = aggregateGroups(
    rows.map((r) => {
      const history: HouseholdHistory = { poorEarlier: r.poor_earlier, noLabourCapacity: r.no_labour_capacity };
      return {
        communeId: r.commune_id,
        area: r.area,
        ethnicMinority: r.ethnic_minority,
        counts: scale(householdCounts(r.previous_class, r.class, history), r.n),
      };
    }),
  );
  await repo.writeAggregates(tx, year, communeIds, groups);
}

function scale(c: Counts, n: number): Counts {
  return Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v * n])) as unknown as Counts;
}

export interface SummaryQuery {
  year: number;
  level: repo.SummaryLevel;
  boundaries: repo.Boundaries;
  by: repo.Breakdown;
  /** Default official: recognised results only. */
  status?: repo.SummaryStatus;
}

/**
 * One row of a summary. `households` is the resident households (tổng số hộ dân cư) of the communes
 * that reported them, the denominator of `poorRate` / `nearPoorRate` (percent, null when unknown);
 * the numerators of the rates count the same communes. `registeredHouseholds` is the register's count.
 * `poorPct`, `nearPoorPct`, `multidimPct` are the same rates under their earlier names.
 */
export interface SummaryRowView extends Omit<Counts, 'households'> {
  unitId: string;
  code: string;
  name: string;
  part: string;
  households: number | null;
  registeredHouseholds: number;
  poorRate: number | null;
  nearPoorRate: number | null;
  poorPct: number | null;
  nearPoorPct: number | null;
  multidimPct: number | null;
  /** Communes that reported resident households and whose results count / communes in force in the area. */
  coverage: { reporting: number; total: number };
  /** Communes whose results are counted (with or without resident households). */
  communesWithResults: number;
  /** Every counted commune's results are recognised by its chair (QĐ 24/2021, Art. 4.4). */
  official: boolean;
}

function present(r: repo.SummaryRow): SummaryRowView {
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
export function summaryTableRows(rows: SummaryRowView[]) {
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

function summaryCoverage(rows: SummaryRowView[]) {
  return rows.map((r) => ({ coverageReporting: r.coverage.reporting, coverageTotal: r.coverage.total }));
}

/** The same rows with Vietnamese column names (the CSV download of the screens). */
export function summaryTableRowsVi(rows: SummaryRowView[]) {
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
export async function povertySummary(db: Db, q: SummaryQuery) {
  const status = q.status ?? 'official';
  const { rows, unresolved } = await repo.summary(
    db,
    q.year,
    reviewDateOfYear(q.year),
    q.level,
    q.boundaries,
    q.by,
    status,
  );
  return {
    year: q.year,
    level: q.level,
    boundaries: q.boundaries,
    by: q.by,
    status,
    rows: rows.map(present),
    /** Data of provinces that cannot be re-aggregated exactly onto current boundaries (reported, not guessed). */
    unresolved: unresolved.map(present),
  };
}

export async function communeHouseholdList(db: Db, caller: Caller, communeId: string, year: number) {
  const commune = await resolveCommune(db, { communeId }, year);
  if (!(await canSeePersonalData(db, caller, commune.id)))
    throw forbidden('Danh sách hộ có dữ liệu cá nhân: chỉ người được phân quyền trên xã này được xem.');
  return { commune, households: await repo.communeHouseholds(db, commune.id, year) };
}

/** Exports the lists of poor and near-poor households of a commune (personal data: audited). */
export async function exportPoorLists(
  db: Db,
  caller: Caller,
  communeId: string,
  year: number,
  out: Writable,
): Promise<void> {
  const commune = await resolveCommune(db, { communeId }, year);
  if (!(await canSeePersonalData(db, caller, commune.id)))
    throw forbidden('Xuất danh sách hộ có dữ liệu cá nhân: chỉ người được phân quyền trên xã này.');
  const households = await repo.communeHouseholds(db, commune.id, year, ['poor', 'near_poor']);
  const members = await repo.communeMembers(
    db,
    commune.provinceId,
    households.map((h) => h.id),
  );
  await db.tx((tx) =>
    audit(tx, auditActorOf(caller), {
      action: 'poverty.household.export',
      entity: 'commune',
      entityId: commune.id,
      unitId: commune.id,
      after: { year, households: households.length, members: members.length },
    }),
  );
  const codeOf = new Map(households.map((h) => [h.id, h.code]));
  // Real date cells (Excel shows them dd/mm/yyyy and the importer reads them back).
  const decision = (d: string | null) => (d ? new Date(`${d.slice(0, 10)}T00:00:00Z`) : null);
  await writeReviewWorkbook(
    out,
    { communeName: commune.fullName, year, standardId: applicationForYear(NATIONAL_CATALOG, year)?.standardId ?? '' },
    {
      households: households.map((h) => [
        h.code,
        h.headName,
        h.headIdNumber,
        h.headEthnicity,
        h.village,
        AREA_TEXT_VI[h.area as 'rural' | 'urban'],
        h.scoreA,
        h.income,
        h.deprived.join('; '),
        h.scoreB,
        h.previousClass ? CLASS_LABEL_VI[h.previousClass] : null,
        h.decisionNo,
        decision(h.decisionDate),
        h.occupation ? OCCUPATION_LABEL_VI[h.occupation] : null,
        h.noLabourCapacity === null ? null : h.noLabourCapacity ? 'Có' : 'Không',
        CLASS_LABEL_VI[h.class],
      ]),
      householdExtras: [{ header: `Phân loại năm ${year}`, width: 18 }],
      members: members.map((m) => [
        codeOf.get(m.householdId) ?? '',
        m.fullName,
        m.relation,
        decision(m.birthDate),
        m.sex,
        m.idNumber,
        m.ethnicity,
      ]),
    },
  );
}

// ---------------------------------------------------------------- review workflow

const toCampaign = (r: repo.CampaignRow): review.Campaign => ({
  kind: r.kind,
  year: r.year,
  month: r.kind === 'monthly' ? r.month : null,
  opensOn: r.opens_on,
  closesOn: r.closes_on,
  routingId: r.routing_id,
});

/** The campaign of a year (or month), created on first use with the routing in force at its start. */
export async function ensureCampaign(
  tx: Db,
  kind: 'periodic' | 'monthly',
  year: number,
  month: number | null = null,
): Promise<repo.CampaignRow & { campaign: review.Campaign }> {
  const key = kind === 'monthly' ? (month ?? 1) : 0;
  let row = await repo.findCampaign(tx, kind, year, key);
  if (!row) {
    const c = review.openCampaign(kind, year, month);
    if (!c.ok) throw invalid(c.error.message, []);
    row = await repo.insertCampaign(tx, {
      kind,
      year,
      month: key,
      opensOn: c.value.opensOn,
      closesOn: c.value.closesOn,
      routingId: c.value.routingId,
    });
  }
  return { ...row, campaign: toCampaign(row) };
}

/**
 * The campaign as a read sees it, writing nothing (a GET must not change state): the stored row, or, before
 * the year's first review step, the campaign that step will open, without an id.
 */
async function campaignForReading(
  db: Db,
  kind: 'periodic' | 'monthly',
  year: number,
): Promise<{ id: number | null; routing_id: string; campaign: review.Campaign }> {
  const row = await repo.findCampaign(db, kind, year, 0);
  if (row) return { ...row, campaign: toCampaign(row) };
  const c = review.openCampaign(kind, year, null);
  if (!c.ok) throw invalid(c.error.message, []);
  return { id: null, routing_id: c.value.routingId, campaign: c.value };
}

function unwrap<T>(r: review.ReviewResult<T>): T {
  if (!r.ok) throw conflict(r.error.message, { code: r.error.code });
  return r.value;
}

/** Records the next step of a commune's periodic review. */
export async function recordReviewStep(
  db: Db,
  caller: Caller,
  communeId: string,
  year: number,
  record: review.StepRecord,
) {
  const commune = await resolveCommune(db, { communeId }, year);
  await assertCoversCommune(db, caller, commune.id, ['commune_officer']);
  return db.tx(async (tx) => {
    const c = await ensureCampaign(tx, 'periodic', year);
    const state = (await repo.communeReviewState(tx, c.id, commune.id)) ?? { steps: [], approvals: [] };
    const progress = unwrap(review.completeStep(c.campaign, { completed: state.steps }, record));
    await repo.saveCommuneReview(tx, c.id, commune, progress.completed, state.approvals);
    await audit(tx, auditActorOf(caller), {
      action: 'poverty.review.step',
      entity: 'commune_review',
      entityId: `${c.id}:${commune.id}`,
      unitId: commune.id,
      before: state.steps,
      after: progress.completed,
    });
    return communeProgressView(c.campaign, commune, progress.completed, state.approvals, record.on);
  });
}

/**
 * Which roles act for which level of the chain. No district role exists: a province officer acts for the district
 * (pre-2025 periods).
 */
const LEVEL_ROLES: Record<review.ReportLevel, ('commune_officer' | 'province_officer')[] | 'central'> = {
  commune: ['commune_officer'],
  district: ['province_officer'],
  province: ['province_officer'],
  central: 'central',
};

async function assertActsForLevel(db: Db, caller: Caller, level: review.ReportLevel, communeId: string) {
  const roles = LEVEL_ROLES[level];
  if (roles === 'central') {
    if (!isSystem(caller) && !hasRole(caller, 'admin', 'program_owner'))
      throw forbidden('Chỉ cơ quan chủ quản phê duyệt ở cấp trung ương.');
    return;
  }
  await assertCoversCommune(db, caller, communeId, roles);
}

export async function approveReview(
  db: Db,
  caller: Caller,
  communeId: string,
  year: number,
  level: review.ReportLevel,
  on: string,
) {
  const commune = await resolveCommune(db, { communeId }, year);
  await assertActsForLevel(db, caller, level, commune.id);
  // Nothing to approve before the commune's review workbook of the year was imported.
  if (!(await repo.hasImport(db, year, commune.id))) {
    throw conflict(`${commune.fullName} chưa nhập sổ kết quả rà soát năm ${year}; chưa thể phê duyệt.`);
  }
  return db.tx(async (tx) => {
    const c = await ensureCampaign(tx, 'periodic', year);
    const state = (await repo.communeReviewState(tx, c.id, commune.id)) ?? { steps: [], approvals: [] };
    const next = unwrap(
      review.approve(c.campaign, { completed: state.steps }, { approvals: state.approvals }, level, on),
    );
    await repo.saveCommuneReview(tx, c.id, commune, state.steps, next.approvals);
    await audit(tx, auditActorOf(caller), {
      action: 'poverty.review.approve',
      entity: 'commune_review',
      entityId: `${c.id}:${commune.id}`,
      unitId: commune.id,
      before: state.approvals,
      after: next.approvals,
    });
    return communeProgressView(c.campaign, commune, state.steps, next.approvals, on);
  });
}

export async function returnReview(
  db: Db,
  caller: Caller,
  communeId: string,
  year: number,
  byLevel: review.ReportLevel,
) {
  const commune = await resolveCommune(db, { communeId }, year);
  await assertActsForLevel(db, caller, byLevel, commune.id);
  return db.tx(async (tx) => {
    const c = await ensureCampaign(tx, 'periodic', year);
    const state = (await repo.communeReviewState(tx, c.id, commune.id)) ?? { steps: [], approvals: [] };
    const next = unwrap(review.returnForCorrection(c.campaign, { approvals: state.approvals }, byLevel));
    await repo.saveCommuneReview(tx, c.id, commune, state.steps, next.approvals);
    await audit(tx, auditActorOf(caller), {
      action: 'poverty.review.return',
      entity: 'commune_review',
      entityId: `${c.id}:${commune.id}`,
      unitId: commune.id,
      before: state.approvals,
      after: next.approvals,
    });
    return communeProgressView(c.campaign, commune, state.steps, next.approvals, c.campaign.opensOn);
  });
}

function communeProgressView(
  campaign: review.Campaign,
  commune: repo.CommuneRow,
  steps: review.StepRecord[],
  approvals: review.ChainState['approvals'],
  today: string,
) {
  const progress = { completed: steps };
  return {
    communeId: commune.id,
    communeName: commune.fullName,
    provinceName: commune.provinceName,
    routingId: campaign.routingId,
    steps: review.stepsOf(campaign).map((s) => ({
      step: s,
      labelVi: review.STEP_INFO[s].labelVi,
      doneOn: steps.find((x) => x.step === s)?.on ?? null,
    })),
    nextStep: review.nextStep(campaign, progress),
    chain: review.chainOf(campaign).map((l) => ({
      level: l,
      labelVi: review.LEVEL_LABEL_VI[l],
      approvedOn: approvals.find((a) => a.level === l)?.on ?? null,
    })),
    nextApprover: review.nextApprover(campaign, { approvals }),
    locked: review.communeResultsLocked({ approvals }),
    overdue: review.isOverdue(campaign, progress, today),
  };
}

/** Progress of every commune with a review record in the caller's scope (levels above see their communes). */
export async function reviewProgress(db: Db, caller: Caller, year: number, today: string) {
  const c = await campaignForReading(db, 'periodic', year);
  const rows = c.id === null ? [] : await repo.communeReviews(db, c.id);
  const access = isSystem(caller) ? null : await unitAccess(db, caller);
  const seeAll = isSystem(caller) || hasRole(caller, 'admin', 'program_owner', 'steering_member', 'ministry_lead');
  const out = rows
    .filter((r) => seeAll || access?.covers(r.commune.id))
    .map((r) => communeProgressView(c.campaign, r.commune, r.steps, r.approvals, today));
  return { year, routingId: c.routing_id, deadlines: review.deadlinesForYear(year), communes: out };
}

/**
 * The communes where the caller's work starts: those of their scope in force on the review date
 * (central roles: every commune, or one province), each with its review status, resident households
 * and last import; a repeated commune name carries its province.
 */
export async function scopeCommuneList(
  db: Db,
  caller: Caller,
  year: number,
  today: string,
  provinceId: string | null = null,
) {
  const c = await campaignForReading(db, 'periodic', year);
  const access = isSystem(caller) ? null : await unitAccess(db, caller);
  const ids = access?.unitIds ? [...access.unitIds] : null;
  const rows = await repo.scopeCommunes(db, { date: reviewDateOfYear(year), year, campaignId: c.id, ids, provinceId });
  const communes = labelsWithProvince(rows).map((r) => {
    const view = communeProgressView(c.campaign, r, r.steps, r.approvals, today);
    const approved = view.chain.filter((x) => x.approvedOn);
    return {
      id: r.id,
      code: r.code,
      name: r.fullName,
      label: r.label,
      provinceId: r.provinceId,
      provinceName: r.provinceName,
      residentHouseholds: r.residentHouseholds,
      lastImport: r.lastImportAt
        ? { at: new Date(r.lastImportAt).toISOString(), households: r.lastImportHouseholds }
        : null,
      nextStep: view.nextStep,
      nextStepVi: view.nextStep ? review.STEP_INFO[view.nextStep].labelVi : null,
      locked: view.locked,
      overdue: view.overdue,
      statusVi: communeStatusVi({
        hasImport: r.lastImportAt !== null,
        nextStep: view.nextStep,
        nextApprover: view.nextApprover,
        locked: view.locked,
        lastApproved: approved.at(-1)?.level ?? null,
      }),
    };
  });
  return { year, communes };
}

// ---------------------------------------------------------------- regular (monthly) review

export interface NewApplication {
  applicantName: string;
  householdCode?: string;
  receivedOn: string;
  /** Start of the review; default: the monthly review the request falls into (from the 15th). */
  startedOn?: string;
}

const withStatus = (a: repo.ApplicationRow, today: string) => ({
  ...a,
  status: review.monthlyStatus(a.startedOn, a.decidedOn, today, officialCalendar),
});

/**
 * Records a household's request for the regular review (Mẫu số 04); the decision is due 15 days after the review
 * starts.
 */
export async function createApplication(
  db: Db,
  caller: Caller,
  communeId: string,
  input: NewApplication,
  today: string,
) {
  const commune = await resolveCommune(db, { communeId }, Number(input.receivedOn.slice(0, 4)));
  await assertCoversCommune(db, caller, commune.id, ['commune_officer']);
  const startedOn = input.startedOn ?? review.monthlyReviewStart(input.receivedOn);
  if (startedOn < input.receivedOn)
    throw invalid('Dữ liệu gửi lên không hợp lệ.', [
      { path: 'body.startedOn', message: 'Ngày bắt đầu rà soát không được trước ngày nhận giấy đề nghị.' },
    ]);
  return db.tx(async (tx) => {
    const a = await repo.insertApplication(tx, {
      provinceId: commune.provinceId,
      communeId: commune.id,
      applicantName: input.applicantName,
      householdCode: input.householdCode ?? null,
      receivedOn: input.receivedOn,
      startedOn,
      dueOn: review.monthlyDecisionDue(startedOn, officialCalendar),
    });
    await audit(tx, auditActorOf(caller), {
      action: 'poverty.application.create',
      entity: 'poverty_application',
      entityId: a.id,
      unitId: commune.id,
      after: { receivedOn: a.receivedOn, startedOn, dueOn: a.dueOn },
    });
    return withStatus(a, today);
  });
}

export async function decideApplication(
  db: Db,
  caller: Caller,
  id: number,
  d: { decidedOn: string; outcome: 'poor' | 'near_poor' | 'rejected'; reason?: string },
  today: string,
) {
  const a = await repo.findApplication(db, id);
  if (!a) throw notFound(`Không có giấy đề nghị số ${id}.`);
  await assertCoversCommune(db, caller, a.communeId, ['commune_officer']);
  if (a.decidedOn) throw conflict('Giấy đề nghị này đã có quyết định.');
  if (d.decidedOn < a.startedOn)
    throw invalid('Dữ liệu gửi lên không hợp lệ.', [
      { path: 'body.decidedOn', message: 'Ngày quyết định không được trước ngày bắt đầu rà soát.' },
    ]);
  if (d.outcome === 'rejected' && !d.reason)
    throw invalid('Dữ liệu gửi lên không hợp lệ.', [
      { path: 'body.reason', message: 'Không công nhận thì phải trả lời bằng văn bản, nêu rõ lý do.' },
    ]);
  return db.tx(async (tx) => {
    await repo.decideApplication(tx, a, { decidedOn: d.decidedOn, outcome: d.outcome, reason: d.reason ?? null });
    await audit(tx, auditActorOf(caller), {
      action: 'poverty.application.decide',
      entity: 'poverty_application',
      entityId: a.id,
      unitId: a.communeId,
      before: { decidedOn: null },
      after: d,
    });
    return withStatus((await repo.findApplication(tx, id))!, today);
  });
}

/**
 * Applications of a year (and month) in the caller's scope, with their 15-day status. Names, household
 * codes and refusal reasons are personal data: levels that do not cover the commune (ministries, the
 * steering committee) see the record without them.
 */
export async function listApplications(db: Db, caller: Caller, year: number, month: number | null, today: string) {
  const central = isSystem(caller) || isCentral(caller) || hasRole(caller, 'steering_member', 'ministry_lead');
  const access = isSystem(caller) ? null : await unitAccess(db, caller);
  const ids = central || !access?.unitIds ? null : [...access.unitIds];
  const rows = await repo.listApplications(db, year, month, ids);
  const personal = isSystem(caller) || isCentral(caller);
  return rows.map((a) => {
    const r = withStatus(a, today);
    // the name, the household code and the reason of a refusal (which may quote a name or an ID number) are personal
    return personal || access?.covers(a.communeId)
      ? r
      : { ...r, applicantName: null, householdCode: null, reason: null };
  });
}
