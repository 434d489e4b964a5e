/** SQL of the poverty area: households' requests of the regular (monthly) review. */
import type { Db } from '../../db/client';
import type { ApplicationKind, ApplicationOutcome, Sex } from '../../domain/poverty/application';

/** The personal fields of the form (Mẫu số 04) besides the name; null when not written on it. */
export interface ApplicantDetails {
  applicantSex: Sex | null;
  applicantBirthDate: string | null;
  applicantEthnicity: string | null;
  applicantIdNumber: string | null;
  applicantIdIssuedOn: string | null;
  applicantIdIssuer: string | null;
  applicantResidence: string | null;
}

export interface ApplicationRow extends ApplicantDetails {
  id: number;
  kind: ApplicationKind;
  provinceId: string;
  communeId: string;
  communeName: string;
  applicantName: string;
  householdCode: string | null;
  receivedOn: string;
  startedOn: string;
  dueOn: string;
  decidedOn: string | null;
  outcome: ApplicationOutcome | null;
  reason: string | null;
}

const APPLICATION_SELECT = `SELECT a.id, a.kind, a.province_id AS "provinceId", a.commune_id AS "communeId", c.full_name AS "communeName",
  a.applicant_name AS "applicantName", a.household_code AS "householdCode", a.received_on AS "receivedOn", a.started_on AS "startedOn",
  a.due_on AS "dueOn", a.decided_on AS "decidedOn", a.outcome, a.reason,
  a.applicant_sex AS "applicantSex", a.applicant_birth_date AS "applicantBirthDate", a.applicant_ethnicity AS "applicantEthnicity",
  a.applicant_id_number AS "applicantIdNumber", a.applicant_id_issued_on AS "applicantIdIssuedOn",
  a.applicant_id_issuer AS "applicantIdIssuer", a.applicant_residence AS "applicantResidence"
  FROM poverty_application a JOIN admin_unit c ON c.id = a.commune_id`;

export async function insertApplication(
  tx: Db,
  a: ApplicantDetails & {
    kind: ApplicationKind;
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
    `INSERT INTO poverty_application (province_id, commune_id, applicant_name, household_code, received_on, started_on, due_on,
       kind, applicant_sex, applicant_birth_date, applicant_ethnicity, applicant_id_number, applicant_id_issued_on,
       applicant_id_issuer, applicant_residence)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
    [
      a.provinceId,
      a.communeId,
      a.applicantName,
      a.householdCode,
      a.receivedOn,
      a.startedOn,
      a.dueOn,
      a.kind,
      a.applicantSex,
      a.applicantBirthDate,
      a.applicantEthnicity,
      a.applicantIdNumber,
      a.applicantIdIssuedOn,
      a.applicantIdIssuer,
      a.applicantResidence,
    ],
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
