/** SQL of the poverty area: resident households of communes (the denominator of the rates) and their history. */
import type { Db } from '../../db/client';
import type { ResidentHouseholds } from '../../domain/poverty/resident';
import type { ResidentFigure } from './contracts';

/** Communes in force on a date (null ids = all), by code: the rows of the resident-households template. */
export function communesOn(db: Db, date: string, ids: string[] | null): Promise<{ code: string; name: string }[]> {
  return db.query(
    `SELECT code, full_name AS name FROM admin_unit
     WHERE level = 'commune' AND valid_from <= $1 AND (valid_to IS NULL OR valid_to > $1) AND ($2::text[] IS NULL OR id = ANY($2::text[]))
     ORDER BY code`,
    [date, ids],
  );
}

export type ResidentRow = ResidentFigure;

/** The driver reads a timestamptz as a Date; the row carries the ISO text the JSON answer always had. */
const withIsoTime = <T extends { recordedAt: Date | string }>(r: T) => ({
  ...r,
  recordedAt: new Date(r.recordedAt).toISOString(),
});
type Stored<T> = Omit<T, 'recordedAt'> & { recordedAt: Date | string };

const RESIDENT_SELECT = `SELECT year, commune_id AS "communeId", total, urban, rural, ethnic_minority AS "ethnicMinority", source,
  recorded_by AS "recordedBy", recorded_at AS "recordedAt"`;

export async function findResident(db: Db, year: number, communeId: string): Promise<ResidentRow | undefined> {
  const row = await db.maybeOne<Stored<ResidentRow>>(
    `${RESIDENT_SELECT} FROM poverty_resident_households WHERE year = $1 AND commune_id = $2`,
    [year, communeId],
  );
  return row && withIsoTime(row);
}

/** The current figures of some communes in a year (null = every commune). */
export async function listResident(
  db: Db,
  year: number,
  communeIds: string[] | null,
): Promise<(ResidentRow & { communeName: string; communeCode: string })[]> {
  const rows = await db.query<Stored<ResidentRow & { communeName: string; communeCode: string }>>(
    `SELECT h.year, h.commune_id AS "communeId", h.total, h.urban, h.rural, h.ethnic_minority AS "ethnicMinority", h.source,
            h.recorded_by AS "recordedBy", h.recorded_at AS "recordedAt", c.full_name AS "communeName", c.code AS "communeCode"
     FROM poverty_resident_households h JOIN admin_unit c ON c.id = h.commune_id
     WHERE h.year = $1 AND ($2::text[] IS NULL OR h.commune_id = ANY($2::text[])) ORDER BY c.code`,
    [year, communeIds],
  );
  return rows.map(withIsoTime);
}

/** Records the figures of communes (insert or replace) and appends each version to the history. */
export async function saveResident(
  tx: Db,
  year: number,
  by: string,
  items: (ResidentHouseholds & { communeId: string })[],
): Promise<void> {
  if (!items.length) return;
  const cols = [
    items.map((i) => i.communeId),
    items.map((i) => i.total),
    items.map((i) => i.urban),
    items.map((i) => i.rural),
    items.map((i) => i.ethnicMinority),
    items.map((i) => i.source),
  ];
  await tx.query(
    `INSERT INTO poverty_resident_households (year, commune_id, total, urban, rural, ethnic_minority, source, recorded_by)
     SELECT $1, *, $8 FROM unnest($2::text[], $3::int[], $4::int[], $5::int[], $6::int[], $7::text[])
     ON CONFLICT (year, commune_id) DO UPDATE SET total = EXCLUDED.total, urban = EXCLUDED.urban, rural = EXCLUDED.rural,
       ethnic_minority = EXCLUDED.ethnic_minority, source = EXCLUDED.source, recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
    [year, ...cols, by],
  );
  await tx.query(
    `INSERT INTO poverty_resident_households_history (year, commune_id, total, urban, rural, ethnic_minority, source, recorded_by)
     SELECT $1, *, $8 FROM unnest($2::text[], $3::int[], $4::int[], $5::int[], $6::int[], $7::text[])`,
    [year, ...cols, by],
  );
}

/** Every version of a commune's figures for a year, newest first. */
export async function residentHistory(db: Db, year: number, communeId: string): Promise<ResidentRow[]> {
  const rows = await db.query<Stored<ResidentRow>>(
    `${RESIDENT_SELECT} FROM poverty_resident_households_history WHERE year = $1 AND commune_id = $2 ORDER BY id DESC`,
    [year, communeId],
  );
  return rows.map(withIsoTime);
}
