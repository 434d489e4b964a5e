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

/**
 * Writes agencies (grants reference them). successor_id and parent_id point at rows of the same statement.
 * `replace`: the agencies dataset's rows replace those with the same id; `keep`: only ids not there yet are
 * added (the plan fills the gaps it needs, and the dataset's rows win). `searchKey` defaults to the folded names.
 */
export async function writeAgencies(
  tx: Db,
  agencies: (Agency & { searchKey?: string })[],
  existing: 'replace' | 'keep' = 'replace',
) {
  const row = (a: Agency & { searchKey?: string }) => [
    a.id,
    a.code,
    a.kind,
    a.name,
    a.shortName,
    a.nameEn,
    a.searchKey ?? foldVietnamese([a.name, a.shortName ?? '', a.nameEn ?? ''].join(' ')),
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
  const onConflict =
    existing === 'replace' ? `ON CONFLICT (id) DO UPDATE SET ${update}` : 'ON CONFLICT (id) DO NOTHING';
  await insertUnnest(tx, 'agency', COLUMNS, agencies.map(row), onConflict);
}
