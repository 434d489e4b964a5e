import type { Db } from '../../db/client';
import { inForceSql } from '../../domain/validity';
import { compareVi } from '../../domain/text';
import { searchWords } from '../units/repo';
import type { Agency } from '../../domain/agencies/agencies';

/** An agency version as stored (the same shape as the reference data). */
export type AgencyRow = Agency;

export interface AgencyFilter {
  at: string;
  /** Folded search text. */
  q?: string;
  kind?: string;
  unitId?: string;
}

const KIND_ORDER = ['government', 'ministry', 'central_agency', 'other', 'people_committee', 'department'];

/** Agencies in existence on a date: central bodies first, then by Vietnamese name. */
export async function listAgencies(db: Db, f: AgencyFilter): Promise<AgencyRow[]> {
  const params: unknown[] = [f.at];
  const where = [inForceSql('a.valid_from', 'a.valid_to', '$1::date')];
  if (f.q) {
    params.push(f.q);
    where.push(`(lower(a.code) = $${params.length} OR (${searchWords(f.q, params, 'a.search_key')}))`);
  }
  if (f.kind) {
    params.push(f.kind);
    where.push(`a.kind = $${params.length}`);
  }
  if (f.unitId) {
    params.push(f.unitId);
    where.push(`a.unit_id = $${params.length}`);
  }
  const rows = await db.query<AgencyRow>(
    `SELECT a.id, a.code, a.kind, a.name, a.short_name AS "shortName", a.name_en AS "nameEn", a.parent_id AS "parentId",
       a.unit_id AS "unitId", a.valid_from AS "validFrom", a.valid_to AS "validTo", a.successor_id AS "successorId",
       a.legal_basis AS "legalBasis", a.source, a.verified, a.note
     FROM agency a WHERE ${where.join(' AND ')}`,
    params,
  );
  return rows.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compareVi(a.name, b.name));
}
