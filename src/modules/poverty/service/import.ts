/**
 * Use cases of the poverty area: import a commune's review workbook (check, classify, write all-or-nothing).
 * The only place of permission checks and audit writes for imports.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../../db/client';
import { AppError, badRequest, conflict, invalid, type Problem } from '../../../errors';
import { EMPTY_WORKBOOK } from '../../../domain/poverty/workbook';
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
import type { ImportAnswer } from '../contracts';
import { parseWorkbookIsolated, withImportDir } from '../import-isolation';
import * as repo from '../repo';
import * as importRepo from '../repo-import';
import * as reviewRepo from '../repo-review';
import { auditActorOf, assertCoversCommune, resolveCommune, type Caller } from './shared';
import { ensureCampaign } from './review';
import { refreshAggregates, writeTransitions } from './aggregates';
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
export async function importReviewWorkbook(db: Db, caller: Caller, input: ImportInput): Promise<ImportAnswer> {
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
  const [done] = await importParsed(db, caller, input.year, [
    { commune, sha, fileName: input.fileName, households: parsed.households, members: parsed.members, results },
  ]);
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
 * Writes checked imports of one or more communes of a year, set-based: register upsert, members, results with
 * last year's class, the communes' aggregates, audit. The rows are staged first, outside any transaction (on the
 * embedded engine, other clients' statements run between the chunks); then one transaction checks and moves them
 * into the register: all or nothing. A commune whose results are locked by an approval refuses the whole batch.
 * Given a transaction, everything runs in it.
 */
export async function importParsed(
  db: Db,
  caller: Caller,
  year: number,
  items: CommuneImport[],
): Promise<{ communeId: string; importId: number | null; unchanged: boolean }[]> {
  const outcome = new Map(
    items.map((i) => [i.commune.id, { communeId: i.commune.id, importId: null as number | null, unchanged: true }]),
  );
  // The same content again changes nothing: no staging for it (checked again inside the transaction).
  const before = await importRepo.latestImportShas(
    db,
    year,
    items.map((i) => i.commune.id),
  );
  const staged = items.filter((i) => before.get(i.commune.id) !== i.sha);
  if (!staged.length) return [...outcome.values()];
  return db.session(async (session) => {
    const stage = await importRepo.stageImport(session, stagedHouseholds(staged), stagedMembers(staged));
    try {
      return await session.tx(async (tx) => {
        const done = await writeStaged(tx, caller, year, staged, stage);
        for (const d of done) outcome.set(d.communeId, d);
        return [...outcome.values()];
      });
    } finally {
      await importRepo.dropStage(session, stage);
    }
  });
}

function stagedHouseholds(items: CommuneImport[]): importRepo.StagedHousehold[] {
  return items.flatMap(({ commune, households, members, results }) => {
    const count = new Map<string, number>();
    for (const m of members) count.set(m.householdCode, (count.get(m.householdCode) ?? 0) + 1);
    return households.map((h, k) => {
      const r = results[k];
      return {
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
        standardId: r.standardId,
        scoreA: r.scoreA,
        income: r.incomePerCapita,
        scoreB: r.scoreB,
        deprived: r.deprived,
        class: r.class,
        previousClass: h.previousClass,
        flags: r.flags,
        decisionNo: h.decisionNo,
        decisionDate: h.decisionDate,
        occupation: h.occupation,
        noLabourCapacity: h.noLabourCapacity,
      };
    });
  });
}

function stagedMembers(items: CommuneImport[]): importRepo.StagedMember[] {
  return items.flatMap(({ commune, members }) =>
    members.map((m, i) => ({
      communeId: commune.id,
      householdCode: m.householdCode,
      seq: i + 1,
      fullName: m.fullName,
      relation: m.relation,
      birthDate: m.birthDate,
      sex: m.sex,
      idNumber: m.idNumber,
      ethnicity: m.ethnicity,
    })),
  );
}

/** The import's transaction: checks, then the staged rows into the register, aggregates and audit. */
async function writeStaged(
  tx: Db,
  caller: Caller,
  year: number,
  items: CommuneImport[],
  stage: importRepo.Stage,
): Promise<{ communeId: string; importId: number; unchanged: boolean }[]> {
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
  if (items.some((i) => shas.get(i.commune.id) === i.sha)) {
    // Another import of the same content committed since the staging began.
    throw conflict('Tệp này vừa được nhập bởi một yêu cầu khác; hãy tải lại trang để xem kết quả.', {
      communes: items.filter((i) => shas.get(i.commune.id) === i.sha).map((i) => i.commune.id),
    });
  }
  const communes = items.map((i) => ({ provinceId: i.commune.provinceId, communeId: i.commune.id }));
  // The register has no per-row foreign key to the commune: it is checked and locked here, once per file.
  const unknown = await importRepo.lockCommunes(tx, communes);
  if (unknown.length) {
    throw badRequest('Xã không có trong danh mục đơn vị hành chính hoặc không thuộc tỉnh đã chọn.', {
      communes: unknown,
    });
  }
  const known = await importRepo.communesWithHouseholds(tx, communes);
  const existed = await importRepo.upsertStagedHouseholds(
    tx,
    stage,
    communeIds.filter((id) => !known.has(id)),
  );
  if (existed) await importRepo.stagedHistory(tx, stage, year);
  await importRepo.replaceStagedMembers(tx, stage, existed > 0);
  const by = auditActorOf(caller);
  const importIds = await importRepo.recordImports(
    tx,
    items.map((i) => ({
      communeId: i.commune.id,
      year,
      fileName: i.fileName,
      sha: i.sha,
      households: i.households.length,
      members: i.members.length,
      by: by.username,
    })),
  );
  await importRepo.replaceStagedResults(
    tx,
    stage,
    year,
    communeIds.filter((id) => shas.has(id)),
    importIds,
  );
  // The communes' results are exactly the staged rows: their aggregates come from the stage.
  await writeTransitions(tx, year, communeIds, await importRepo.stagedTransitions(tx, stage));
  await importRepo.propagateToNextYear(tx, year, communeIds);
  // Later years depend on this one: last year's class (next year) and "poor in an earlier year" (relapse).
  for (const later of await importRepo.laterYears(tx, year, communeIds))
    await refreshAggregates(tx, later.year, later.communeIds);
  // One audit row per transaction: one commune (workbook import) or a batch of communes (bulk load).
  const summaries = items.map((i) => ({
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
    unitId: items.length === 1 ? items[0].commune.id : null,
    after: items.length === 1 ? { year, ...summaries[0] } : { year, imports: summaries },
  });
  return summaries.map((s) => ({ communeId: s.communeId, importId: s.importId, unchanged: false }));
}
