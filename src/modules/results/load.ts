/**
 * Reference data of the results area: indicators, the program's targets, published outcomes, QĐ 353 lists, TT 10 forms.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReferenceDataset } from '../../db/reference-data';
import { INDICATORS } from '../../domain/results/indicators';
import { PROGRAM_TARGETS } from '../../domain/results/targets';
import { TT10_FORMS } from '../../domain/results/forms';
import { parseCsv } from '../../domain/units/csv';
import { REFERENCE_DIR } from '../units/load';
import * as repo from './repo';

export const RESULTS_DIR = path.join(REFERENCE_DIR, 'results');
const FILES = [
  'poor_districts_qd353.csv',
  'dbkk_communes_qd353.csv',
  'qd880_districts.csv',
  'area_exits.csv',
  'published_outcomes.csv',
];
const here = fileURLToPath(import.meta.url);
const DOMAIN = path.resolve(path.dirname(here), '../../domain/results');

const read = (f: string) => parseCsv(fs.readFileSync(path.join(RESULTS_DIR, f), 'utf8'));
const orNull = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : s);

export const POOR_DISTRICTS = 'POOR_DISTRICTS_2021_2025';
export const DBKK_COMMUNES = 'DBKK_COASTAL_2021_2025';
export const QD880_DISTRICTS = 'QD880_DISTRICTS_2022_2025';

function version(): string {
  const h = createHash('sha256');
  for (const f of FILES) h.update(fs.readFileSync(path.join(RESULTS_DIR, f)));
  for (const f of ['indicators.ts', 'targets.ts', 'forms.ts']) h.update(fs.readFileSync(path.join(DOMAIN, f)));
  h.update(fs.readFileSync(here));
  return h.digest('hex').slice(0, 12);
}

export const resultsDataset: ReferenceDataset = {
  name: 'results',
  get version() {
    return version();
  },
  async load(tx) {
    await repo.replaceIndicators(
      tx,
      INDICATORS.map((i) => [
        i.code,
        i.nameVi,
        i.nameEn,
        i.unit,
        i.numerator,
        i.denominator,
        i.factor,
        i.sourceVi,
        i.status,
      ]),
    );
    await repo.replaceProgramTargets(
      tx,
      PROGRAM_TARGETS.map((t) => ({ ...t, note: t.note ?? null })),
    );
    await repo.replacePublished(
      tx,
      read('published_outcomes.csv').map((r) => [
        Number(r.year),
        r.area_code,
        r.indicator,
        Number(r.value),
        r.status,
        orNull(r.source_url),
        orNull(r.note),
      ]),
    );
    const exits = read('area_exits.csv');
    const exitsOf = (g: string) =>
      exits
        .filter((e) => e.group_code === g)
        .map((e) => ({
          decision: e.decision,
          decidedOn: e.decided_on,
          count: Number(e.exited_count),
          cumulative: e.cumulative === 'true',
          status: e.status,
          sourceUrl: orNull(e.source_url),
          note: orNull(e.note),
        }));
    await repo.replaceAreaGroup(
      tx,
      {
        code: POOR_DISTRICTS,
        nameVi: 'Huyện nghèo giai đoạn 2021-2025',
        level: 'district',
        legalBasis: 'Quyết định 353/QĐ-TTg ngày 15/03/2022',
        listedOn: '2022-03-15',
        validTo: '2025-07-01',
        officialSize: 74,
        targetPct: 30,
      },
      read('poor_districts_qd353.csv').map((r, i) => ({
        seq: i + 1,
        stt: r.stt ? Number(r.stt) : null,
        nameInSource: r.district_name,
        provinceName: r.province_name,
        unitCode: orNull(r.district_code_pre2025),
        unitLevel: 'district',
        status: r.status,
        sourceUrl: orNull(r.source_url),
        note: orNull(r.note),
      })),
      exitsOf(POOR_DISTRICTS),
    );
    await repo.replaceAreaGroup(
      tx,
      {
        code: DBKK_COMMUNES,
        nameVi: 'Xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo giai đoạn 2021-2025',
        level: 'commune',
        legalBasis: 'Quyết định 353/QĐ-TTg ngày 15/03/2022',
        listedOn: '2022-03-15',
        validTo: '2025-07-01',
        officialSize: 54,
        targetPct: 30,
      },
      read('dbkk_communes_qd353.csv').map((r, i) => ({
        seq: i + 1,
        stt: r.stt ? Number(r.stt) : null,
        nameInSource: r.unit_name,
        provinceName: r.province_name,
        unitCode: orNull(r.unit_code_pre2025),
        unitLevel: r.level === 'district' ? 'district' : 'commune',
        status: r.status,
        sourceUrl: orNull(r.source_url),
        note: orNull(r.note),
      })),
      exitsOf(DBKK_COMMUNES),
    );
    // The 22 poor districts of the QĐ 880 scheme (extra support to exit poverty): a subset of the 74, with no
    // exit target of its own (its targets are rates, not a share of exits).
    await repo.replaceAreaGroup(
      tx,
      {
        code: QD880_DISTRICTS,
        nameVi: 'Huyện nghèo được hỗ trợ thoát nghèo theo Đề án giai đoạn 2022-2025',
        level: 'district',
        legalBasis: 'Quyết định 880/QĐ-TTg ngày 22/07/2022',
        listedOn: '2022-07-22',
        validTo: '2025-07-01',
        officialSize: 22,
        targetPct: null,
      },
      read('qd880_districts.csv').map((r, i) => ({
        seq: i + 1,
        stt: null,
        nameInSource: r.district_name,
        provinceName: r.province_name,
        unitCode: orNull(r.district_code_pre2025),
        unitLevel: 'district',
        status: r.status,
        sourceUrl: orNull(r.source_url),
        note: orNull(r.note),
      })),
      exitsOf(QD880_DISTRICTS),
    );
    await repo.insertFormsIfMissing(tx, TT10_FORMS);
  },
};

/** The legal sources this area cites (reference/legal/results.csv), for the public page. */
export function legalSources() {
  return parseCsv(fs.readFileSync(path.join(REFERENCE_DIR, 'legal', 'results.csv'), 'utf8')).map((r) => ({
    id: r.id,
    title: r.title,
    number: r.number,
    date: r.date,
    issuer: r.issuer,
    whereRead: r.where_read,
    supports: r.supports,
    status: r.status,
  }));
}
