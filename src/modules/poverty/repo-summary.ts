/**
 * SQL of the poverty area: sums of the communes' aggregates by commune (of one province), province, region or
 * nation; the published series.
 */
import type { Db } from '../../db/client';
import type { Boundaries, Breakdown, PublishedRow, SummaryLevel, SummaryStatus } from './contracts';

export type { Boundaries, Breakdown, SummaryLevel, SummaryStatus };

export interface SummaryRow {
  key: string;
  code: string;
  name: string;
  part: string;
  /** Households in the register (surveyed) of the counted communes. */
  registered: number;
  poor: number;
  near_poor: number;
  escaped_poor: number;
  escaped_near_poor: number;
  newly_poor: number;
  newly_near_poor: number;
  relapsed: number;
  poor_no_labour: number;
  near_poor_no_labour: number;
  labour_unknown: number;
  /** Resident households of the counted communes that reported them (null: none did). */
  resident: number | null;
  /** Poor / near-poor of those same communes: the numerators of the rates. */
  poor_covered: number;
  near_poor_covered: number;
  communes_total: number;
  communes_counted: number;
  communes_reporting: number;
  all_recognised: boolean;
}

const SUMS = `
  coalesce(sum(b.registered) FILTER (WHERE b.counted), 0)::int AS registered,
  coalesce(sum(b.poor) FILTER (WHERE b.counted), 0)::int AS poor,
  coalesce(sum(b.near_poor) FILTER (WHERE b.counted), 0)::int AS near_poor,
  coalesce(sum(b.escaped_poor) FILTER (WHERE b.counted), 0)::int AS escaped_poor,
  coalesce(sum(b.escaped_near_poor) FILTER (WHERE b.counted), 0)::int AS escaped_near_poor,
  coalesce(sum(b.newly_poor) FILTER (WHERE b.counted), 0)::int AS newly_poor,
  coalesce(sum(b.newly_near_poor) FILTER (WHERE b.counted), 0)::int AS newly_near_poor,
  coalesce(sum(b.relapsed) FILTER (WHERE b.counted), 0)::int AS relapsed,
  coalesce(sum(b.poor_no_labour) FILTER (WHERE b.counted), 0)::int AS poor_no_labour,
  coalesce(sum(b.near_poor_no_labour) FILTER (WHERE b.counted), 0)::int AS near_poor_no_labour,
  coalesce(sum(b.labour_unknown) FILTER (WHERE b.counted), 0)::int AS labour_unknown,
  sum(b.resident) FILTER (WHERE b.counted AND b.resident IS NOT NULL)::int AS resident,
  coalesce(sum(b.poor) FILTER (WHERE b.counted AND b.resident IS NOT NULL), 0)::int AS poor_covered,
  coalesce(sum(b.near_poor) FILTER (WHERE b.counted AND b.resident IS NOT NULL), 0)::int AS near_poor_covered,
  count(*) FILTER (WHERE b.in_force)::int AS communes_total,
  count(*) FILTER (WHERE b.counted)::int AS communes_counted,
  count(*) FILTER (WHERE b.counted AND b.resident IS NOT NULL)::int AS communes_reporting,
  coalesce(bool_and(b.recognised) FILTER (WHERE b.counted), true) AS all_recognised`;

/**
 * Province versions mapped to the current province versions through resolved lineage; a province
 * that reaches more than one current province (or only through a partial link) is ambiguous.
 */
const CURRENT_PROVINCE = `
  WITH RECURSIVE up (from_id, to_id, partial) AS (
    SELECT id, id, false FROM admin_unit WHERE level = 'province'
    UNION
    SELECT up.from_id, l.to_unit_id, up.partial OR l.relation = 'partial'
    FROM up JOIN unit_lineage l ON l.from_unit_id = up.to_id AND l.resolved
    JOIN admin_unit t ON t.id = l.to_unit_id AND t.level = 'province'
  ),
  reach AS (
    SELECT up.from_id, up.to_id, up.partial FROM up JOIN admin_unit t ON t.id = up.to_id WHERE t.valid_to IS NULL
  ),
  current_province AS (
    SELECT from_id, min(to_id) AS to_id, (count(DISTINCT to_id) > 1 OR bool_or(partial)) AS ambiguous FROM reach GROUP BY from_id
  )`;

const PARTS: Record<Breakdown, string[]> = { none: ['all'], area: ['rural', 'urban'], ethnicity: ['kinh', 'minority'] };

/**
 * Sums by province, region (6 statistical regions) or nation of the communes' aggregates, with the
 * resident households reported by the communes and the coverage: every commune in force on the
 * review date counts in `communes_total`; a commune is counted when it has results (and, for
 * `official`, when its chair has recognised them: the "recognition" step of the year's periodic
 * review); it reports when its resident households (of the part) are known too.
 */
export async function summary(
  db: Db,
  year: number,
  reviewDate: string,
  level: SummaryLevel,
  boundaries: Boundaries,
  breakdown: Breakdown,
  status: SummaryStatus,
  /** With level 'commune': the code of the province whose communes are listed. */
  provinceCode: string | null = null,
): Promise<{ rows: SummaryRow[]; unresolved: SummaryRow[] }> {
  const provinceExpr = boundaries === 'current' ? 'cp.to_id' : 'u.province_id';
  const joinCurrent = boundaries === 'current' ? 'LEFT JOIN current_province cp ON cp.from_id = u.province_id' : '';
  const ambiguous = boundaries === 'current' ? '(cp.to_id IS NULL OR cp.ambiguous)' : 'false';
  const base = `${boundaries === 'current' ? CURRENT_PROVINCE + ',' : 'WITH'}
    agg AS (
      SELECT a.commune_id,
             CASE $5::text WHEN 'area' THEN a.area WHEN 'ethnicity' THEN CASE WHEN a.ethnic_minority THEN 'minority' ELSE 'kinh' END ELSE 'all' END AS part,
             sum(a.households) AS registered, sum(a.poor) AS poor, sum(a.near_poor) AS near_poor, sum(a.escaped_poor) AS escaped_poor,
             sum(a.escaped_near_poor) AS escaped_near_poor, sum(a.newly_poor) AS newly_poor, sum(a.newly_near_poor) AS newly_near_poor,
             sum(a.relapsed) AS relapsed, sum(a.poor_no_labour) AS poor_no_labour, sum(a.near_poor_no_labour) AS near_poor_no_labour,
             sum(a.labour_unknown) AS labour_unknown
      FROM poverty_aggregate a WHERE a.year = $1 GROUP BY 1, 2),
    has_results AS (SELECT DISTINCT commune_id FROM agg),
    recognised AS (
      SELECT DISTINCT r.commune_id FROM poverty_commune_review r JOIN poverty_campaign k ON k.id = r.campaign_id
      WHERE k.kind = 'periodic' AND k.year = $1 AND r.steps @> '[{"step": "recognition"}]'::jsonb),
    units AS (
      SELECT c.id, c.province_id,
             (c.level = 'commune' AND c.valid_from <= $2::date AND (c.valid_to IS NULL OR c.valid_to > $2::date)) AS in_force
      FROM admin_unit c
      WHERE c.level = 'commune' AND ((c.valid_from <= $2::date AND (c.valid_to IS NULL OR c.valid_to > $2::date))
         OR c.id IN (SELECT commune_id FROM agg) OR c.id IN (SELECT commune_id FROM recognised)
         OR c.id IN (SELECT commune_id FROM poverty_resident_households WHERE year = $1))),
    base AS (
      SELECT u.id, u.in_force, ${provinceExpr} AS province_id, ${ambiguous} AS ambiguous, u.province_id AS review_province_id, p.part,
             (rg.commune_id IS NOT NULL) AS recognised,
             ((hr.commune_id IS NOT NULL OR rg.commune_id IS NOT NULL) AND ($4::text = 'all' OR rg.commune_id IS NOT NULL)) AS counted,
             CASE p.part WHEN 'all' THEN rh.total WHEN 'urban' THEN rh.urban WHEN 'rural' THEN rh.rural
                         WHEN 'minority' THEN rh.ethnic_minority WHEN 'kinh' THEN rh.total - rh.ethnic_minority END AS resident,
             coalesce(a.registered, 0) AS registered, coalesce(a.poor, 0) AS poor, coalesce(a.near_poor, 0) AS near_poor,
             coalesce(a.escaped_poor, 0) AS escaped_poor, coalesce(a.escaped_near_poor, 0) AS escaped_near_poor, coalesce(a.newly_poor, 0) AS newly_poor,
             coalesce(a.newly_near_poor, 0) AS newly_near_poor, coalesce(a.relapsed, 0) AS relapsed, coalesce(a.poor_no_labour, 0) AS poor_no_labour,
             coalesce(a.near_poor_no_labour, 0) AS near_poor_no_labour, coalesce(a.labour_unknown, 0) AS labour_unknown
      FROM units u CROSS JOIN unnest($3::text[]) AS p(part)
      LEFT JOIN agg a ON a.commune_id = u.id AND a.part = p.part
      LEFT JOIN recognised rg ON rg.commune_id = u.id
      LEFT JOIN has_results hr ON hr.commune_id = u.id
      LEFT JOIN poverty_resident_households rh ON rh.year = $1 AND rh.commune_id = u.id
      ${joinCurrent})`;
  // Areas with something to say: counted communes, or resident households reported.
  const having = 'HAVING count(*) FILTER (WHERE b.counted OR b.resident IS NOT NULL) > 0';
  let sql: string;
  const params: unknown[] = [year, reviewDate, PARTS[breakdown], status, breakdown];
  if (level === 'commune') {
    params.push(provinceCode);
    sql = `${base}
      SELECT b.id AS key, c.code, c.full_name AS name, b.part, ${SUMS}
      FROM base b JOIN admin_unit c ON c.id = b.id JOIN admin_unit p ON p.id = b.province_id
      WHERE NOT b.ambiguous AND p.code = $6::text
      GROUP BY b.id, c.code, c.full_name, b.part ${having}`;
  } else if (level === 'province') {
    sql = `${base}
      SELECT b.province_id AS key, p.code, p.full_name AS name, b.part, ${SUMS}
      FROM base b JOIN admin_unit p ON p.id = b.province_id WHERE NOT b.ambiguous
      GROUP BY b.province_id, p.code, p.full_name, b.part ${having}`;
  } else if (level === 'region') {
    sql = `${base}
      SELECT coalesce(r.id, '-') AS key, coalesce(r.code, '-') AS code, coalesce(r.name, 'Chưa xác định vùng') AS name, b.part, ${SUMS}
      FROM base b LEFT JOIN region_member rm ON rm.unit_id = b.province_id AND rm.region_id LIKE 'R6:%'
      LEFT JOIN region r ON r.id = rm.region_id WHERE NOT b.ambiguous
      GROUP BY r.id, r.code, r.name, b.part ${having}`;
  } else {
    sql = `${base}
      SELECT 'VN' AS key, 'VN' AS code, 'Toàn quốc' AS name, b.part, ${SUMS} FROM base b GROUP BY b.part ${having}`;
  }
  const rows = await db.query<SummaryRow>(`${sql} ORDER BY 2, 4`, params);
  const unresolved =
    boundaries === 'current' && (level === 'province' || level === 'region')
      ? await db.query<SummaryRow>(
          `${base}
           SELECT b.review_province_id AS key, p.code, p.full_name AS name, b.part, ${SUMS}
           FROM base b JOIN admin_unit p ON p.id = b.review_province_id WHERE b.ambiguous
           GROUP BY b.review_province_id, p.code, p.full_name, b.part ${having} ORDER BY 2, 4`,
          params,
        )
      : [];
  return { rows, unresolved };
}

export function publishedSeries(db: Db, year?: number): Promise<PublishedRow[]> {
  return db.query<PublishedRow>(
    `SELECT year, year_text AS "yearText", scope, area_code AS "areaCode", area_name AS "areaName", indicator, rate_pct::float8 AS "ratePct",
            households, total_households AS "totalHouseholds", status, decision, source_url AS "sourceUrl", note
     FROM poverty_published WHERE ($1::int IS NULL OR year = $1) ORDER BY year_text, scope, area_code, indicator`,
    [year ?? null],
  );
}
