import { insertUnnest } from '../../db/bulk';
import type { Db } from '../../db/client';
import { foldVietnamese } from '../../domain/text';
import type { UnitSet, UnitVersion } from '../../domain/units';

const UNIT_COLUMNS: [string, string][] = [
  ['id', 'text[]'],
  ['code', 'text[]'],
  ['level', 'text[]'],
  ['unit_type', 'text[]'],
  ['name', 'text[]'],
  ['full_name', 'text[]'],
  ['name_en', 'text[]'],
  ['search_key', 'text[]'],
  ['parent_id', 'text[]'],
  ['province_id', 'text[]'],
  ['valid_from', 'date[]'],
  ['valid_to', 'date[]'],
  ['legal_basis', 'text[]'],
  ['source', 'text[]'],
  ['note', 'text[]'],
];
const UPSERT = `ON CONFLICT (id) DO UPDATE SET ${UNIT_COLUMNS.slice(1)
  .map(([c]) => `${c} = EXCLUDED.${c}`)
  .join(', ')}`;

/** Writes a unit set: units are upserted (grants and agencies reference them), the rest is replaced. */
export async function writeUnitSet(tx: Db, set: UnitSet): Promise<void> {
  const aliases = new Map<string, string[]>();
  for (const a of set.nameAliases) aliases.set(a.unitId, [...(aliases.get(a.unitId) ?? []), a.alias]);
  const row = (u: UnitVersion) => [
    u.id,
    u.code,
    u.level,
    u.unitType,
    u.name,
    u.fullName,
    u.nameEn,
    foldVietnamese([u.fullName, ...(aliases.get(u.id) ?? [])].join(' ')),
    u.parentId,
    u.provinceId,
    u.validFrom,
    u.validTo,
    u.legalBasis,
    u.source,
    u.note,
  ];
  await tx.query('DELETE FROM region_member');
  await tx.query('DELETE FROM region');
  await tx.query('DELETE FROM unit_name_alias');
  await tx.query('DELETE FROM unit_code_alias');
  await tx.query('DELETE FROM unit_lineage');
  // Parents first: province_id/parent_id reference rows of the same table.
  for (const level of ['province', 'district', 'commune']) {
    const units = set.units.filter((u) => u.level === level);
    // (a province references itself through province_id: foreign keys are checked at the end of the statement)
    await insertUnnest(tx, 'admin_unit', UNIT_COLUMNS, units.map(row), UPSERT);
  }
  await insertUnnest(
    tx,
    'unit_lineage',
    [
      ['from_unit_id', 'text[]'],
      ['to_unit_id', 'text[]'],
      ['relation', 'text[]'],
      ['effective', 'date[]'],
      ['kind', 'text[]'],
      ['legal_basis', 'text[]'],
      ['qa_flag', 'text[]'],
      ['resolved', 'bool[]'],
      ['note', 'text[]'],
    ],
    set.lineage.map((l) => [
      l.fromId,
      l.toId,
      l.relation,
      l.effective,
      l.kind,
      l.legalBasis,
      l.qaFlag,
      l.resolved,
      l.note,
    ]),
  );
  await insertUnnest(
    tx,
    'unit_code_alias',
    [
      ['level', 'text[]'],
      ['alias_code', 'text[]'],
      ['code', 'text[]'],
      ['valid_from', 'date[]'],
      ['valid_to', 'date[]'],
      ['source', 'text[]'],
    ],
    set.codeAliases.map((a) => [a.level, a.aliasCode, a.code, a.validFrom, a.validTo, a.source]),
  );
  await insertUnnest(
    tx,
    'unit_name_alias',
    [
      ['unit_id', 'text[]'],
      ['alias', 'text[]'],
      ['kind', 'text[]'],
      ['source', 'text[]'],
    ],
    set.nameAliases.map((a) => [a.unitId, a.alias, a.kind, a.source]),
  );
  await insertUnnest(
    tx,
    'region',
    [
      ['id', 'text[]'],
      ['scheme', 'text[]'],
      ['code', 'text[]'],
      ['name', 'text[]'],
      ['verified', 'bool[]'],
      ['source', 'text[]'],
    ],
    set.regions.map((r) => [r.id, r.scheme, r.code, r.name, r.verified, r.source]),
  );
  await insertUnnest(
    tx,
    'region_member',
    [
      ['region_id', 'text[]'],
      ['unit_id', 'text[]'],
      ['valid_from', 'date[]'],
      ['valid_to', 'date[]'],
      ['derived', 'bool[]'],
      ['note', 'text[]'],
    ],
    set.regionMembers.map((m) => [m.regionId, m.unitId, m.validFrom, m.validTo, m.derived, m.note]),
  );
}
