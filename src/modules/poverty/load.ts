/** Reference datasets of the poverty area: the standards and the published review results 2022-2024. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReferenceDataset } from '../../db/reference-data';
import { catalogFromData, type CatalogData } from '../../domain/poverty/catalog';
import { parseCsv } from '../../domain/units/csv';
import { REFERENCE_DIR } from '../units/load';
import { replacePublished } from './repo-published';
import { saveStandards } from './repo-standards';

const POVERTY_DIR = path.join(REFERENCE_DIR, 'poverty');
const NATIONAL_FILE = 'molisa_review_national_regional_2022_2024.csv';
const PROVINCE_FILE = 'province_data_points.csv';

function hashOf(...files: string[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(fs.readFileSync(f));
  return h.digest('hex').slice(0, 12);
}

const here = fileURLToPath(import.meta.url);
/** The national standards as data (see src/domain/poverty/catalog.ts). */
export const STANDARDS_FILE = path.join(POVERTY_DIR, 'standards.json');

/** Reads and checks a standards data file (the national one, or a province's). */
export function readStandardsFile(file = STANDARDS_FILE): CatalogData {
  return catalogFromData(JSON.parse(fs.readFileSync(file, 'utf8')));
}

export const povertyStandardsDataset: ReferenceDataset = {
  name: 'poverty-standards',
  get version() {
    return hashOf(STANDARDS_FILE, here);
  },
  async load(tx) {
    await saveStandards(tx, readStandardsFile(), true);
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
    await replacePublished(tx, publishedRows());
  },
};
