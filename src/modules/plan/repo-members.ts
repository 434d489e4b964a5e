import type { Db } from '../../db/client';
import type { CommitteeMember } from './contracts';

/** SQL of the members of steering committees as officials edit them. Dates are 'YYYY-MM-DD'. */

export type MemberRow = CommitteeMember;

export type MemberFields = Omit<CommitteeMember, 'id' | 'committeeId'>;

const COLUMNS = `id::int, committee_id AS "committeeId", role, person_name AS "personName", position, agency_id AS "agencyId",
  to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_to, 'YYYY-MM-DD') AS "validTo", note`;

/** The committee (locked for the change) with its dates, the end of its unit included. */
export async function committeeForUpdate(db: Db, id: string) {
  return db.maybeOne<{ id: string; unitId: string | null; validFrom: string; validTo: string | null }>(
    `SELECT c.id, c.unit_id AS "unitId", to_char(c.valid_from, 'YYYY-MM-DD') AS "validFrom",
            to_char(CASE WHEN u.valid_to IS NOT NULL AND (c.valid_to IS NULL OR u.valid_to < c.valid_to) THEN u.valid_to ELSE c.valid_to END, 'YYYY-MM-DD') AS "validTo"
       FROM steering_committee c LEFT JOIN admin_unit u ON u.id = c.unit_id WHERE c.id = $1 FOR UPDATE OF c`,
    [id],
  );
}

export async function memberForUpdate(db: Db, committeeId: string, memberId: number) {
  return db.maybeOne<MemberRow>(
    `SELECT ${COLUMNS} FROM committee_member WHERE committee_id = $1 AND id = $2 FOR UPDATE`,
    [committeeId, memberId],
  );
}

/** A membership as a source or an official gives it; `enteredBy` null for the seed's own members. */
export interface NewMember extends MemberFields {
  confirmedUntil: string | null;
  /** as the seed gives it: an empty instrument reference is stored as given */
  instrumentId: number | string | null;
  factStatus: string;
  source: string;
  enteredBy: string | null;
}

export async function insertMember(db: Db, committeeId: string, m: NewMember): Promise<MemberRow> {
  return db.one<MemberRow>(
    `INSERT INTO committee_member (committee_id, role, person_name, position, agency_id, valid_from, valid_to, confirmed_until,
       instrument_id, fact_status, source, note, entered_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING ${COLUMNS}`,
    [
      committeeId,
      m.role,
      m.personName,
      m.position,
      m.agencyId,
      m.validFrom,
      m.validTo,
      m.confirmedUntil,
      m.instrumentId,
      m.factStatus,
      m.source,
      m.note,
      m.enteredBy,
    ],
  );
}

/** A changed membership: the dates and role set by a person replace what a source said (confirmed_until too). */
export async function updateMember(db: Db, memberId: number, m: MemberFields, by: string): Promise<MemberRow> {
  return db.one<MemberRow>(
    `UPDATE committee_member SET role = $2, person_name = $3, position = $4, agency_id = $5, valid_from = $6, valid_to = $7,
            note = $8, confirmed_until = NULL, entered_by = $9
      WHERE id = $1 RETURNING ${COLUMNS}`,
    [memberId, m.role, m.personName, m.position, m.agencyId, m.validFrom, m.validTo, m.note, by],
  );
}

export async function markMembersEdited(db: Db, committeeId: string) {
  await db.query(`UPDATE steering_committee SET members_edited = true WHERE id = $1`, [committeeId]);
}
