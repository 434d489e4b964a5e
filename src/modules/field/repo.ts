/** SQL of the field review: photos, synced surveys, the lists a phone downloads, progress. */
import type { Db } from '../../db/client';
import type { FieldSurveyDraft } from '../../domain/field/draft';
import type { SurveyIdentity } from '../../domain/field/sync';
import type { Classification } from '../../domain/poverty/classify';
import type { HouseholdClass } from '../../domain/poverty/types';
import type { AssignmentMember, ConflictKind, StoredStatus } from './contracts';

// ---------------------------------------------------------------- photos

/** Stores a photo under the phone's id; false when that id is stored already (nothing changes). */
export async function insertPhoto(
  db: Db,
  p: { id: string; contentType: string; bytes: Buffer; sha256: string; uploadedBy: number },
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO field_photo (id, content_type, bytes, size, sha256, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [p.id, p.contentType, p.bytes, p.bytes.length, p.sha256, p.uploadedBy],
  );
  return rows.length === 1;
}

export function photoInfo(db: Db, ids: string[]) {
  return db.query<{ id: string; size: number; sha256: string; uploadedBy: number }>(
    `SELECT id::text, size, sha256, uploaded_by AS "uploadedBy" FROM field_photo WHERE id = ANY($1::uuid[])`,
    [ids],
  );
}

export function photoBytes(db: Db, id: string) {
  return db.maybeOne<{ contentType: string; bytes: Buffer; uploadedBy: number }>(
    `SELECT content_type AS "contentType", bytes, uploaded_by AS "uploadedBy" FROM field_photo WHERE id = $1`,
    [id],
  );
}

/** Communes of the surveys that cite a photo (its scope). */
export async function photoCommunes(db: Db, id: string): Promise<string[]> {
  const rows = await db.query<{ commune_id: string }>(
    `SELECT DISTINCT commune_id FROM field_survey WHERE photo_ids @> ARRAY[$1::uuid]`,
    [id],
  );
  return rows.map((r) => r.commune_id);
}

// ---------------------------------------------------------------- surveys

/** Serialises the syncs of one commune (the household checks, the register and its aggregates). */
export async function lockCommuneSync(tx: Db, communeId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(727615, hashtext($1))`, [communeId]);
}

/**
 * Serialises the syncs of the same client ids whatever their commune (a commune's lock does not cover a
 * client id sent for two communes at once). Taken after the commune's lock, in one order, so two
 * transactions never wait for each other's client ids.
 */
export async function lockClientIds(tx: Db, ids: string[]): Promise<void> {
  await tx.query(
    `SELECT pg_advisory_xact_lock(727616, k) FROM (SELECT DISTINCT hashtext(id) AS k FROM unnest($1::text[]) AS id ORDER BY 1) AS keys`,
    [ids],
  );
}

/** The stored surveys of these client ids: what each names (household, commune, year). */
export async function storedSurveyIdentities(db: Db, ids: string[]): Promise<Map<string, SurveyIdentity>> {
  const rows = await db.query<SurveyIdentity & { id: string }>(
    `SELECT client_id::text AS id, year, draft->>'communeCode' AS "communeCode", household_code AS "householdCode"
     FROM field_survey WHERE client_id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map(({ id, ...identity }) => [id, identity]));
}

/** This year's surveys of a household that are in the register or waiting for the officer. */
export function liveSurveysOf(db: Db, year: number, communeId: string, code: string) {
  return db.query<{ clientId: string; status: StoredStatus }>(
    `SELECT client_id::text AS "clientId", status FROM field_survey
     WHERE year = $1 AND commune_id = $2 AND household_code = $3 AND status IN ('accepted', 'conflict')`,
    [year, communeId, code],
  );
}

/** Which of these household codes have a survey of the year in the register or waiting for the officer. */
export async function liveHouseholdCodes(
  db: Db,
  year: number,
  communeId: string,
  codes: string[],
): Promise<Set<string>> {
  const rows = await db.query<{ code: string }>(
    `SELECT DISTINCT household_code AS code FROM field_survey
     WHERE year = $1 AND commune_id = $2 AND household_code = ANY($3::text[]) AND status IN ('accepted', 'conflict')`,
    [year, communeId, codes],
  );
  return new Set(rows.map((r) => r.code));
}

export interface SurveyInsert {
  draft: FieldSurveyDraft;
  communeId: string;
  provinceId: string;
  status: StoredStatus;
  conflictKind: ConflictKind | null;
  classification: Classification;
  reviewerId: number;
  reviewerName: string;
}

/** Inserts synced surveys (their client ids are not stored yet: the caller holds their locks). */
export async function insertSurveys(tx: Db, ss: SurveyInsert[]): Promise<void> {
  if (!ss.length) return;
  const rows = ss.map((s) => {
    const d = s.draft;
    return {
      client_id: d.clientId,
      year: d.year,
      commune_id: s.communeId,
      province_id: s.provinceId,
      household_code: d.householdCode,
      village: d.village,
      status: s.status,
      conflict_kind: s.conflictKind,
      draft: d,
      class: s.classification.class,
      classification: s.classification,
      lat: d.position?.lat ?? null,
      lng: d.position?.lng ?? null,
      accuracy_m: d.position?.accuracyM ?? null,
      photo_ids: d.photos.map((p) => p.id),
      reviewer_id: s.reviewerId,
      reviewer_name: s.reviewerName,
      surveyed_at: d.surveyedAt,
    };
  });
  await tx.query(
    `INSERT INTO field_survey (client_id, year, commune_id, province_id, household_code, village, status, conflict_kind, draft,
       class, classification, lat, lng, accuracy_m, photo_ids, reviewer_id, reviewer_name, surveyed_at)
     SELECT client_id, year, commune_id, province_id, household_code, village, status, conflict_kind, draft,
       class, classification, lat, lng, accuracy_m, photo_ids, reviewer_id, reviewer_name, surveyed_at
     FROM jsonb_to_recordset($1::jsonb) AS x(client_id uuid, year int, commune_id text, province_id text, household_code text,
       village text, status text, conflict_kind text, draft jsonb, class text, classification jsonb, lat float8, lng float8,
       accuracy_m float8, photo_ids uuid[], reviewer_id int, reviewer_name text, surveyed_at timestamptz)`,
    [JSON.stringify(rows)],
  );
}

export async function setSurveyStatus(
  tx: Db,
  clientIds: string[],
  status: StoredStatus,
  resolvedBy: string | null,
): Promise<void> {
  await tx.query(
    `UPDATE field_survey SET status = $2, resolved_by = coalesce($3, resolved_by), resolved_at = CASE WHEN $3::text IS NULL THEN resolved_at ELSE now() END
     WHERE client_id = ANY($1::uuid[])`,
    [clientIds, status, resolvedBy],
  );
}

export interface StoredSurvey {
  clientId: string;
  year: number;
  communeId: string;
  provinceId: string;
  householdCode: string;
  village: string | null;
  status: StoredStatus;
  conflictKind: ConflictKind | null;
  draft: FieldSurveyDraft;
  classification: Classification;
  reviewer: string;
  surveyedAt: string;
  receivedAt: string;
}

const SURVEY_SELECT = `SELECT client_id::text AS "clientId", year, commune_id AS "communeId", province_id AS "provinceId",
  household_code AS "householdCode", village, status, conflict_kind AS "conflictKind", draft, classification,
  reviewer_name AS reviewer, to_char(surveyed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "surveyedAt",
  to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "receivedAt" FROM field_survey`;

export function findSurvey(db: Db, clientId: string): Promise<StoredSurvey | undefined> {
  return db.maybeOne<StoredSurvey>(`${SURVEY_SELECT} WHERE client_id = $1`, [clientId]);
}

/** Surveys of a commune and year (superseded and dismissed ones too: nothing is hidden). */
export function communeSurveys(db: Db, year: number, communeId: string): Promise<StoredSurvey[]> {
  return db.query<StoredSurvey>(
    `${SURVEY_SELECT} WHERE year = $1 AND commune_id = $2 ORDER BY household_code, received_at, client_id`,
    [year, communeId],
  );
}

/** Surveys per reviewer per day (Vietnam's day of the survey at the household). */
export function surveysByReviewerDay(db: Db, year: number, communeId: string) {
  return db.query<{ reviewer: string; day: string; surveys: number }>(
    `SELECT reviewer_name AS reviewer, to_char(surveyed_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS day, count(*)::int AS surveys
     FROM field_survey WHERE year = $1 AND commune_id = $2 AND status IN ('accepted', 'conflict')
     GROUP BY 1, 2 ORDER BY 2 DESC, 1`,
    [year, communeId],
  );
}

// ---------------------------------------------------------------- the household list of a commune

export interface AssignmentRow {
  id: number;
  code: string;
  headName: string;
  headIdNumber: string | null;
  headEthnicity: string | null;
  village: string | null;
  area: 'rural' | 'urban';
  previousClass: HouseholdClass | null;
  surveyed: boolean;
  /** Position of the latest field survey of an earlier year, if any. */
  lat: number | null;
  lng: number | null;
}

/** The register's households of a commune, with last year's class and whether this year's survey is in. */
export function communeAssignment(db: Db, provinceId: string, communeId: string, year: number) {
  return db.query<AssignmentRow>(
    `SELECT h.id, h.household_code AS code, h.head_name AS "headName", h.head_id_number AS "headIdNumber",
            h.head_ethnicity AS "headEthnicity", h.village, h.area, r.class AS "previousClass",
            EXISTS (SELECT 1 FROM field_survey s WHERE s.year = $3 AND s.commune_id = h.commune_id
                      AND s.household_code = h.household_code AND s.status IN ('accepted', 'conflict')) AS surveyed,
            e.lat, e.lng
     FROM poverty_household h
     LEFT JOIN poverty_result r ON r.province_id = h.province_id AND r.household_id = h.id AND r.year = $3 - 1
     LEFT JOIN LATERAL (SELECT s.lat, s.lng FROM field_survey s WHERE s.year < $3 AND s.commune_id = h.commune_id
                          AND s.household_code = h.household_code AND s.lat IS NOT NULL AND s.status = 'accepted'
                        ORDER BY s.year DESC LIMIT 1) e ON true
     WHERE h.province_id = $1 AND h.commune_id = $2
     ORDER BY h.village NULLS LAST, h.household_code`,
    [provinceId, communeId, year],
  );
}

export function householdMembers(db: Db, provinceId: string, householdIds: number[]) {
  return db.query<AssignmentMember & { householdId: number }>(
    `SELECT household_id AS "householdId", seq, full_name AS "fullName", relation, birth_date AS "birthDate",
            sex, id_number AS "idNumber", ethnicity
     FROM poverty_member WHERE province_id = $1 AND household_id = ANY($2::int8[]) ORDER BY household_id, seq`,
    [provinceId, householdIds],
  );
}

/** Households per village of communes (the register), for the list of a caller's communes. */
export function villageCounts(db: Db, communeIds: string[]) {
  return db.query<{ communeId: string; name: string | null; households: number }>(
    `SELECT commune_id AS "communeId", village AS name, count(*)::int AS households FROM poverty_household
     WHERE commune_id = ANY($1::text[]) GROUP BY 1, 2 ORDER BY 1, 2 NULLS LAST`,
    [communeIds],
  );
}
