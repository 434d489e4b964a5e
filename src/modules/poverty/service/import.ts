/**
 * Use cases of the poverty area: import a commune's review workbook (check, classify, write all-or-nothing).
 * The only place of permission checks and audit writes for imports.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../../db/client';
import { AppError, badRequest, conflict, invalid, type Problem } from '../../../errors';
import { EMPTY_WORKBOOK } from '../contracts';
import {
  classifyHousehold,
  resolveIndicators,
  unknownIndicatorMessage,
  type Classification,
  type ClassifyErrorCode,
} from '../../../domain/poverty/classify';
import * as review from '../../../domain/poverty/review';
import { applicationForYear, findStandard, NATIONAL_CATALOG } from '../../../domain/poverty/standards';
import type { HouseholdClass, StandardCatalog } from '../../../domain/poverty/types';
import {
  SHEET_HOUSEHOLDS,
  sortWorkbookProblems,
  type ParsedHousehold,
  type ParsedMember,
  type RejectedHousehold,
} from '../../../domain/poverty/workbook';
import { audit } from '../../audit/audit';
import { parseWorkbookIsolated, withImportDir } from '../import-isolation';
import * as repo from '../repo';
import * as importRepo from '../repo-import';
import * as reviewRepo from '../repo-review';
import { auditActorOf, assertCoversCommune, resolveCommune, type Caller } from './shared';
import { ensureCampaign } from './review';
import { refreshAggregates, writeAggregatesOf } from './aggregates';
import { standardsCatalog } from './standards';

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
export function indicatorProblems(
  rows: RejectedHousehold[],
  year: number,
  catalog: StandardCatalog = NATIONAL_CATALOG,
): Problem[] {
  const app = applicationForYear(catalog, year);
  const standard = app && findStandard(catalog, app.standardId);
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
  catalog: StandardCatalog = NATIONAL_CATALOG,
): { results: Classification[]; problems: Problem[] } {
  const results: Classification[] = [];
  const problems: Problem[] = [];
  for (const h of households) {
    const out = classifyHousehold(
      {
        area: h.area,
        year,
        deprived: h.deprived,
        ...(h.scoreA !== null ? { scoreA: h.scoreA } : {}),
        ...(h.income !== null ? { incomePerCapita: h.income } : {}),
        ...(h.scoreB !== null ? { scoreB: h.scoreB } : {}),
        occupation: h.occupation,
      },
      catalog,
    );
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
  // The standards of the database: the national data and any standard added there as data.
  const catalog = await standardsCatalog(db);
  if (!applicationForYear(catalog, input.year))
    throw invalid(`Không có chuẩn nghèo nào được cấu hình cho năm ${input.year}.`, []);

  const parsed = await withImportDir((dir) => parseWorkbookIsolated(input.filePath, dir, input.onProgress));
  const { results, problems } = classifyParsed(parsed.households, input.year, catalog);
  const all = sortWorkbookProblems([
    ...parsed.problems,
    ...problems,
    ...indicatorProblems(parsed.rejectedHouseholds, input.year, catalog),
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
  const locked = await reviewRepo.communeApprovals(tx, campaign.id, communeIds);
  const lockedIds = locked
    .filter((l) => review.communeResultsLocked({ approvals: l.approvals }))
    .map((l) => l.commune_id);
  if (lockedIds.length) {
    throw conflict(
      'Kết quả rà soát của xã đã được gửi lên cấp trên và bị khoá; cần cấp trên trả lại trước khi nhập lại.',
      { communes: lockedIds },
    );
  }
  const shas = await importRepo.latestImportShas(tx, year, communeIds);
  const todo = items.filter((i) => shas.get(i.commune.id) !== i.sha);
  const outcome = new Map(
    items.map((i) => [i.commune.id, { communeId: i.commune.id, importId: null as number | null, unchanged: true }]),
  );
  if (!todo.length) return [...outcome.values()];

  const key = importRepo.householdKey;
  // The register has no per-row foreign key to the commune: it is checked and locked here, once per file.
  const unknown = await importRepo.lockCommunes(
    tx,
    todo.map((i) => ({ provinceId: i.commune.provinceId, communeId: i.commune.id })),
  );
  if (unknown.length) {
    throw badRequest('Xã không có trong danh mục đơn vị hành chính hoặc không thuộc tỉnh đã chọn.', {
      communes: unknown,
    });
  }
  const known = await importRepo.communesWithHouseholds(
    tx,
    todo.map((i) => ({ provinceId: i.commune.provinceId, communeId: i.commune.id })),
  );
  const fresh = new Set(todo.map((i) => i.commune.id).filter((id) => !known.has(id)));
  const { ids, existing } = await importRepo.upsertHouseholds(
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
  await importRepo.replaceMembers(
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
  const previous = await importRepo.previousClasses(tx, refs, year);
  const poorBefore = await importRepo.poorEarlier(tx, refs, year);
  const by = auditActorOf(caller);
  const importIds = await importRepo.recordImports(
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
  await importRepo.replaceResults(
    tx,
    year,
    todoIds.filter((id) => shas.has(id)),
    rows.map(({ poorEarlier: _p, ...r }) => r),
  );
  // The communes' results are exactly these rows: their aggregates come from them, without reading back.
  await writeAggregatesOf(tx, year, todoIds, rows);
  await importRepo.propagateToNextYear(tx, year, todoIds);
  // Later years depend on this one: last year's class (next year) and "poor in an earlier year" (relapse).
  for (const later of await importRepo.laterYears(tx, year, todoIds))
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
