import { insertUnnest } from '../../db/bulk';
import type { Db } from '../../db/client';
import type { Agency, ProvinceVersion } from '../../domain/agencies/agencies';
import { foldVietnamese } from '../../domain/text';

/** Province versions with their resolved full successors, from the loaded units. */
export async function provinceVersions(tx: Db): Promise<ProvinceVersion[]> {
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
