/** SQL of the poverty area: households' requests of the regular (monthly) review. */
import type { Db } from '../../db/client';

export interface ApplicationRow {
  id: number;
  provinceId: string;
  communeId: string;
  communeName: string;
  applicantName: string;
  householdCode: string | null;
  receivedOn: string;
  startedOn: string;
  dueOn: string;
  decidedOn: string | null;
  outcome: 'poor' | 'near_poor' | 'rejected' | null;
  reason: string | null;
}

const APPLICATION_SELECT = `SELECT a.id, a.province_id AS "provinceId", a.commune_id AS "communeId", c.full_name AS "communeName",
  a.applicant_name AS "applicantName", a.household_code AS "householdCode", a.received_on AS "receivedOn", a.started_on AS "startedOn",
  a.due_on AS "dueOn", a.decided_on AS "decidedOn", a.outcome, a.reason
  FROM poverty_application a JOIN admin_unit c ON c.id = a.commune_id`;

export async function insertApplication(
  tx: Db,
  a: {
    provinceId: string;
    communeId: string;
    applicantName: string;
    householdCode: string | null;
    receivedOn: string;
    startedOn: string;
    dueOn: string;
  },
): Promise<ApplicationRow> {
  const { id } = await tx.one<{ id: number }>(
    `INSERT INTO poverty_application (province_id, commune_id, applicant_name, household_code, received_on, started_on, due_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [a.provinceId, a.communeId, a.applicantName, a.householdCode, a.receivedOn, a.startedOn, a.dueOn],
  );
  return (await findApplication(tx, id))!;
}

export function findApplication(db: Db, id: number): Promise<ApplicationRow | undefined> {
  return db.maybeOne<ApplicationRow>(`${APPLICATION_SELECT} WHERE a.id = $1`, [id]);
}

export async function decideApplication(
  tx: Db,
  a: ApplicationRow,
  d: { decidedOn: string; outcome: string; reason: string | null },
): Promise<void> {
  await tx.query(
    'UPDATE poverty_application SET decided_on = $3, outcome = $4, reason = $5 WHERE province_id = $1 AND id = $2',
    [a.provinceId, a.id, d.decidedOn, d.outcome, d.reason],
  );
}

/** Applications whose review started in a year (and month), in the given communes (null = all). */
export function listApplications(
  db: Db,
  year: number,
  month: number | null,
  communeIds: string[] | null,
): Promise<ApplicationRow[]> {
  return db.query<ApplicationRow>(
    `${APPLICATION_SELECT}
     WHERE extract(year FROM a.started_on) = $1 AND ($2::int IS NULL OR extract(month FROM a.started_on) = $2)
       AND ($3::text[] IS NULL OR a.commune_id = ANY($3::text[]))
     ORDER BY a.started_on, a.id`,
    [year, month, communeIds],
  );
}
