/** Reference datasets of the poverty area: the standards and the published review results 2022-2024. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReferenceDataset } from '../../db/reference-data';
import { NATIONAL_CATALOG } from '../../domain/poverty/standards';
import { parseCsv } from '../../domain/units/csv';
import { insertUnnest, REFERENCE_DIR } from '../units/load';

const POVERTY_DIR = path.join(REFERENCE_DIR, 'poverty');
const NATIONAL_FILE = 'molisa_review_national_regional_2022_2024.csv';
const PROVINCE_FILE = 'province_data_points.csv';

function hashOf(...files: string[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(fs.readFileSync(f));
  return h.digest('hex').slice(0, 12);
}

const here = fileURLToPath(import.meta.url);
const standardsFile = path.resolve(path.dirname(here), '../../domain/poverty/standards.ts');

export const povertyStandardsDataset: ReferenceDataset = {
  name: 'poverty-standards',
  get version() {
    return hashOf(standardsFile, here);
  },
  async load(tx) {
    await tx.query('DELETE FROM poverty_standard_application');
    await tx.query('DELETE FROM poverty_indicator');
    await tx.query('DELETE FROM poverty_standard WHERE id <> ALL($1::text[])', [
      NATIONAL_CATALOG.standards.map((s) => s.id),
    ]);
    for (const s of NATIONAL_CATALOG.standards) {
      const { indicators, ...definition } = s;
      await tx.query(
        `INSERT INTO poverty_standard (id, name_vi, citation, issued, effective_from, status, is_local, definition)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (id) DO UPDATE SET name_vi = EXCLUDED.name_vi, citation = EXCLUDED.citation, issued = EXCLUDED.issued,
           effective_from = EXCLUDED.effective_from, status = EXCLUDED.status, is_local = EXCLUDED.is_local, definition = EXCLUDED.definition`,
        [s.id, s.nameVi, s.citation, s.issued, s.effectiveFrom, s.status, !!s.local, JSON.stringify(definition)],
      );
      await insertUnnest(
        tx,
        'poverty_indicator',
        [
          'standard_id',
          'code',
          'key',
          'dimension_code',
          'dimension_vi',
          'name_vi',
          'name_en',
          'threshold_vi',
          'status',
          'note',
        ].map((c) => [c, 'text[]'] as [string, string]),
        indicators.map((i) => [
          s.id,
          i.code,
          i.key,
          i.dimensionCode,
          i.dimensionVi,
          i.nameVi,
          i.nameEn,
          i.thresholdVi,
          i.status,
          i.note ?? null,
        ]),
      );
    }
    for (const a of NATIONAL_CATALOG.applications) {
      await tx.query(
        `INSERT INTO poverty_standard_application (standard_id, from_year, to_year, from_date, to_date, citation, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [a.standardId, a.fromYear, a.toYear, a.from, a.to, a.citation, a.status],
      );
    }
  },
};

const num = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : Number(s));

/** Rows of both CSVs in the shape of poverty_published. */
export function publishedRows(dir = POVERTY_DIR): unknown[][] {
  const national = parseCsv(fs.readFileSync(path.join(dir, NATIONAL_FILE), 'utf8')).map((r) => [
    /^\d{4}$/.test(r.year) ? Number(r.year) : null,
    r.year,
    r.area_code === 'VN' ? 'national' : 'region',
    r.area_code,
    r.area_name,
    r.indicator,
    num(r.rate_pct),
    num(r.households),
    null,
    r.status,
    r.decision || null,
    r.source_url || null,
    r.note || null,
  ]);
  const provinces = parseCsv(fs.readFileSync(path.join(dir, PROVINCE_FILE), 'utf8')).map((r) => [
    /^\d{4}$/.test(r.year) ? Number(r.year) : null,
    r.year,
    r.scope,
    r.province_code_pre2025,
    r.province_name,
    r.indicator,
    num(r.rate_pct),
    num(r.households),
    num(r.total_households),
    'published',
    r.decision_or_basis || null,
    r.source_url || null,
    r.note || null,
  ]);
  return [...national, ...provinces];
}

export const povertyPublishedDataset: ReferenceDataset = {
  name: 'poverty-published',
  get version() {
    return hashOf(path.join(POVERTY_DIR, NATIONAL_FILE), path.join(POVERTY_DIR, PROVINCE_FILE), here);
  },
  async load(tx) {
    await tx.query('DELETE FROM poverty_published');
    await insertUnnest(
      tx,
      'poverty_published',
      [
        ['year', 'int[]'],
        ['year_text', 'text[]'],
        ['scope', 'text[]'],
        ['area_code', 'text[]'],
        ['area_name', 'text[]'],
        ['indicator', 'text[]'],
        ['rate_pct', 'numeric[]'],
        ['households', 'int8[]'],
        ['total_households', 'int8[]'],
        ['status', 'text[]'],
        ['decision', 'text[]'],
        ['source_url', 'text[]'],
        ['note', 'text[]'],
      ],
      publishedRows(),
    );
  },
};
