/** SQL of the poverty area: the standards catalog (standards, indicators, applications, B1 item tables). */
import type { Db } from '../../db/client';
import type {
  Indicator,
  PovertyStandard,
  ScoreAItemTable,
  StandardApplication,
  StandardCatalog,
  VerificationStatus,
} from '../../domain/poverty/types';
import { insertUnnest } from '../units/load';

/**
 * Writes standards with their indicators, applications and item tables (insert or replace). `replaceNational`:
 * the national data file is the whole national catalog, so national rows it no longer has are removed; a
 * standard marked `local` (a province's) is kept.
 */
export async function saveStandards(tx: Db, catalog: StandardCatalog, replaceNational = false): Promise<void> {
  const ids = catalog.standards.map((s) => s.id);
  const scope = replaceNational
    ? `standard_id IN (SELECT id FROM poverty_standard WHERE NOT is_local) OR standard_id = ANY($1::text[])`
    : 'standard_id = ANY($1::text[])';
  await tx.query(`DELETE FROM poverty_standard_application WHERE ${scope}`, [ids]);
  await tx.query(`DELETE FROM poverty_indicator WHERE ${scope}`, [ids]);
  await tx.query(`DELETE FROM poverty_item_table WHERE ${scope}`, [ids]);
  if (replaceNational)
    await tx.query('DELETE FROM poverty_standard WHERE NOT is_local AND id <> ALL($1::text[])', [ids]);
  for (const s of catalog.standards) {
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
        ['standard_id', 'text[]'],
        ['seq', 'int[]'],
        ['code', 'text[]'],
        ['key', 'text[]'],
        ['dimension_code', 'text[]'],
        ['dimension_vi', 'text[]'],
        ['name_vi', 'text[]'],
        ['name_en', 'text[]'],
        ['threshold_vi', 'text[]'],
        ['status', 'text[]'],
        ['note', 'text[]'],
        ['sources', 'jsonb[]'],
      ],
      indicators.map((i, k) => [
        s.id,
        k + 1,
        i.code,
        i.key,
        i.dimensionCode,
        i.dimensionVi,
        i.nameVi,
        i.nameEn,
        i.thresholdVi,
        i.status,
        i.note ?? null,
        JSON.stringify(i.sources),
      ]),
    );
  }
  for (const a of catalog.applications) {
    await tx.query(
      `INSERT INTO poverty_standard_application (standard_id, from_year, to_year, from_date, to_date, citation, status, sources)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [a.standardId, a.fromYear, a.toYear, a.from, a.to, a.citation, a.status, a.sources],
    );
  }
  for (const t of catalog.itemTables) {
    await tx.query('INSERT INTO poverty_item_table (id, standard_id, definition) VALUES ($1, $2, $3)', [
      t.id,
      t.standardId,
      JSON.stringify(t),
    ]);
  }
}

interface IndicatorRow {
  standard_id: string;
  code: string;
  key: string;
  dimension_code: string;
  dimension_vi: string;
  name_vi: string;
  name_en: string;
  threshold_vi: string;
  status: VerificationStatus;
  note: string | null;
  sources: string[];
}

/** The catalog the classification uses: every standard of the database, in the order they took effect. */
export async function readCatalog(db: Db): Promise<StandardCatalog> {
  const standards = await db.query<{ id: string; definition: Omit<PovertyStandard, 'indicators'> }>(
    'SELECT id, definition FROM poverty_standard ORDER BY effective_from, id',
  );
  const indicators = await db.query<IndicatorRow>(
    `SELECT standard_id, code, key, dimension_code, dimension_vi, name_vi, name_en, threshold_vi, status, note,
            sources
     FROM poverty_indicator ORDER BY standard_id, seq`,
  );
  const applications = await db.query<StandardApplication>(
    `SELECT standard_id AS "standardId", from_year AS "fromYear", to_year AS "toYear", to_char(from_date, 'YYYY-MM-DD') AS "from",
            to_char(to_date, 'YYYY-MM-DD') AS "to", citation, status, sources
     FROM poverty_standard_application ORDER BY from_date, standard_id`,
  );
  const itemTables = await db.query<{ definition: ScoreAItemTable }>(
    'SELECT definition FROM poverty_item_table ORDER BY id',
  );
  const indicatorsOf = (id: string): Indicator[] =>
    indicators
      .filter((i) => i.standard_id === id)
      .map((i) => ({
        code: i.code,
        key: i.key,
        dimensionCode: i.dimension_code,
        dimensionVi: i.dimension_vi,
        nameVi: i.name_vi,
        nameEn: i.name_en,
        thresholdVi: i.threshold_vi,
        status: i.status,
        sources: i.sources,
        ...(i.note !== null ? { note: i.note } : {}),
      }));
  return {
    standards: standards.map((s) => ({ ...s.definition, indicators: indicatorsOf(s.id) })),
    applications,
    itemTables: itemTables.map((t) => t.definition),
  };
}
