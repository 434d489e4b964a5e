import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../db/client';
import type { ReferenceDataset } from '../../db/reference-data';
import { centralAgencies, provincialAgencies, type Agency, type ProvinceVersion } from '../../domain/agencies/agencies';
import { foldVietnamese } from '../../domain/text';
import { insertUnnest, unitsDataset } from '../units/load';

/** Province versions with their resolved full successors, from the loaded units. */
async function provinceVersions(tx: Db): Promise<ProvinceVersion[]> {
  return tx.query<ProvinceVersion>(
    `SELECT u.id, u.code, u.full_name AS "fullName", u.unit_type AS "unitType", u.valid_from AS "validFrom", u.valid_to AS "validTo",
       coalesce((SELECT array_agg(l.to_unit_id) FROM unit_lineage l WHERE l.from_unit_id = u.id AND l.resolved AND l.relation = 'full'), '{}') AS "successorIds"
     FROM admin_unit u WHERE u.level = 'province' ORDER BY u.code, u.valid_from`,
  );
}

const COLUMNS: [string, string][] = [
  ['id', 'text[]'],
  ['code', 'text[]'],
  ['kind', 'text[]'],
  ['name', 'text[]'],
  ['short_name', 'text[]'],
  ['name_en', 'text[]'],
  ['search_key', 'text[]'],
  ['parent_id', 'text[]'],
  ['unit_id', 'text[]'],
  ['valid_from', 'date[]'],
  ['valid_to', 'date[]'],
  ['successor_id', 'text[]'],
  ['legal_basis', 'text[]'],
  ['source', 'text[]'],
  ['verified', 'bool[]'],
  ['note', 'text[]'],
];

/** Upserts agencies (grants reference them). successor_id and parent_id point at rows of the same statement. */
export async function writeAgencies(tx: Db, agencies: Agency[]) {
  const row = (a: Agency) => [
    a.id,
    a.code,
    a.kind,
    a.name,
    a.shortName,
    a.nameEn,
    foldVietnamese([a.name, a.shortName ?? '', a.nameEn ?? ''].join(' ')),
    a.parentId,
    a.unitId,
    a.validFrom,
    a.validTo,
    a.successorId,
    a.legalBasis,
    a.source,
    a.verified,
    a.note,
  ];
  const update = COLUMNS.slice(1)
    .map(([c]) => `${c} = EXCLUDED.${c}`)
    .join(', ');
  await insertUnnest(tx, 'agency', COLUMNS, agencies.map(row), `ON CONFLICT (id) DO UPDATE SET ${update}`);
}

export const agenciesDataset: ReferenceDataset = {
  name: 'agencies',
  /** Changes with the agency list, this loader and the units (People's Committees follow province versions). */
  get version() {
    const h = createHash('sha256');
    h.update(fs.readFileSync(fileURLToPath(new URL('../../domain/agencies/agencies.ts', import.meta.url))));
    h.update(fs.readFileSync(fileURLToPath(import.meta.url)));
    return `${h.digest('hex').slice(0, 8)}-${unitsDataset.version}`;
  },
  async load(tx) {
    await writeAgencies(tx, [...centralAgencies(), ...provincialAgencies(await provinceVersions(tx))]);
  },
};
