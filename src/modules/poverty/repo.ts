/**
 * SQL of the poverty area: the communes it works on. No rules here: classification and counting live in
 * src/domain/poverty. One file per aggregate: repo-import.ts, repo-aggregates.ts, repo-summary.ts,
 * repo-resident.ts, repo-lists.ts, repo-applications.ts, repo-review.ts.
 */
import type { Db } from '../../db/client';
import type { ChainState, StepRecord } from '../../domain/poverty/review';
import type { CommuneRef } from './contracts';

export type CommuneRow = CommuneRef;

const COMMUNE_SELECT = `SELECT c.id, c.code, c.full_name AS "fullName", c.province_id AS "provinceId", p.full_name AS "provinceName"
  FROM admin_unit c JOIN admin_unit p ON p.id = c.province_id`;

/** The commune version with this code (or an alias code) valid on a date. */
export function findCommuneOn(db: Db, code: string, date: string): Promise<CommuneRow | undefined> {
  return db.maybeOne<CommuneRow>(
    `${COMMUNE_SELECT}
     WHERE c.level = 'commune' AND c.valid_from <= $2 AND (c.valid_to IS NULL OR c.valid_to > $2)
       AND c.code = coalesce((SELECT a.code FROM unit_code_alias a WHERE a.level = 'commune' AND a.alias_code = $1
                               AND a.valid_from <= $2 AND (a.valid_to IS NULL OR a.valid_to > $2) LIMIT 1), $1)`,
    [code, date],
  );
}

export function findCommune(db: Db, id: string): Promise<CommuneRow | undefined> {
  return db.maybeOne<CommuneRow>(`${COMMUNE_SELECT} WHERE c.id = $1 AND c.level = 'commune'`, [id]);
}

// ---------------------------------------------------------------- communes in the caller's scope

export interface ScopeCommuneRow extends CommuneRow {
  residentHouseholds: number | null;
  lastImportAt: string | null;
  lastImportHouseholds: number | null;
  steps: StepRecord[];
  approvals: ChainState['approvals'];
}

/**
 * Communes in force on the review date (ids: those of the caller's scope, null = all; provinceId:
 * only one province), each with its resident households, last import and review record of the year.
 */
export function scopeCommunes(
  db: Db,
  q: {
    date: string;
    year: number;
    /** null: the year's review has not started, no commune has a review record */
    campaignId: number | null;
    ids: string[] | null;
    provinceId: string | null;
  },
): Promise<ScopeCommuneRow[]> {
  return db.query<ScopeCommuneRow>(
    `SELECT c.id, c.code, c.full_name AS "fullName", c.province_id AS "provinceId", p.full_name AS "provinceName",
            h.total AS "residentHouseholds", i.imported_at AS "lastImportAt", i.households AS "lastImportHouseholds",
            coalesce(r.steps, '[]'::jsonb) AS steps, coalesce(r.approvals, '[]'::jsonb) AS approvals
     FROM admin_unit c JOIN admin_unit p ON p.id = c.province_id
     LEFT JOIN poverty_resident_households h ON h.year = $2 AND h.commune_id = c.id
     LEFT JOIN poverty_commune_review r ON r.campaign_id = $3 AND r.commune_id = c.id
     LEFT JOIN LATERAL (SELECT imported_at, households FROM poverty_import x WHERE x.commune_id = c.id AND x.year = $2 ORDER BY x.id DESC LIMIT 1) i ON true
     WHERE c.level = 'commune' AND c.valid_from <= $1 AND (c.valid_to IS NULL OR c.valid_to > $1)
       AND ($4::text[] IS NULL OR c.id = ANY($4::text[])) AND ($5::text IS NULL OR c.province_id = $5)
     ORDER BY p.full_name, c.full_name, c.code`,
    [q.date, q.year, q.campaignId, q.ids, q.provinceId],
  );
}
