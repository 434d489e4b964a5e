import type { Db } from '../../db/client';
import type {
  CommitteeMeetingView,
  CommitteeMemberView,
  CommitteeView,
  RecommendationUpdated,
  RecommendationView,
  SupervisionPlanView,
} from './contracts';

/**
 * SQL of steering committees, their meetings, and supervision / inspection with its recommendations. Dates are
 * 'YYYY-MM-DD'.
 */

export type SupervisionKind = 'supervision' | 'inspection';
export type RecommendationStatus = 'open' | 'in_progress' | 'closed';

export async function findCommittee(db: Db, id: string): Promise<{ id: string; unitId: string | null } | undefined> {
  return db.maybeOne<{ id: string; unitId: string | null }>(
    `SELECT id, unit_id AS "unitId" FROM steering_committee WHERE id = $1`,
    [id],
  );
}

export interface CommitteeRow {
  id: string;
  level: string;
  unitId: string | null;
  name: string;
  programs: string;
  instrumentId: number | null;
  validFrom: string;
  validTo: string | null;
  factStatus: string;
  source: string;
}

/**
 * Adds a steering committee. `reload`: the seed's own committees are re-loaded whole so that corrections reach
 * old databases (name, programs, end, status and source replace the stored ones); without it an id already
 * there is an error.
 */
export async function insertCommittee(db: Db, c: CommitteeRow, reload = false): Promise<void> {
  const onConflict = reload
    ? ` ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, programs = EXCLUDED.programs, valid_to = EXCLUDED.valid_to,
         fact_status = EXCLUDED.fact_status, source = EXCLUDED.source`
    : '';
  await db.query(
    `INSERT INTO steering_committee (id, level, unit_id, name, programs, instrument_id, valid_from, valid_to, fact_status, source)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)${onConflict}`,
    [c.id, c.level, c.unitId, c.name, c.programs, c.instrumentId, c.validFrom, c.validTo, c.factStatus, c.source],
  );
}

export async function insertMeeting(
  db: Db,
  m: { committeeId: string; heldOn: string; title: string; minutesRef: string | null },
): Promise<number> {
  const row = await db.one<{ id: number }>(
    `INSERT INTO committee_meeting (committee_id, held_on, title, minutes_ref) VALUES ($1, $2, $3, $4) RETURNING id`,
    [m.committeeId, m.heldOn, m.title, m.minutesRef],
  );
  return row.id;
}

export async function insertConclusion(
  db: Db,
  meetingId: number,
  body: string,
  taskId: number | null,
): Promise<number> {
  const row = await db.one<{ id: number }>(
    `INSERT INTO meeting_conclusion (meeting_id, body, task_id) VALUES ($1, $2, $3) RETURNING id`,
    [meetingId, body, taskId],
  );
  return row.id;
}

export async function insertSupervisionPlan(
  db: Db,
  p: {
    committeeId: string | null;
    agencyId: string | null;
    kind: SupervisionKind;
    title: string;
    year: number;
    legalBasis: string | null;
  },
): Promise<number> {
  const row = await db.one<{ id: number }>(
    `INSERT INTO supervision_plan (committee_id, agency_id, kind, title, year, legal_basis) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [p.committeeId, p.agencyId, p.kind, p.title, p.year, p.legalBasis],
  );
  return row.id;
}

export async function lockSupervisionPlan(db: Db, id: number) {
  return db.maybeOne<{ id: number; agency_id: string | null; committee_id: string | null }>(
    `SELECT id, agency_id, committee_id FROM supervision_plan WHERE id = $1 FOR UPDATE`,
    [id],
  );
}

export async function insertVisit(
  db: Db,
  v: { planId: number; unitId: string | null; agencyId: string | null; visitedOn: string; team: string | null },
): Promise<number> {
  const row = await db.one<{ id: number }>(
    `INSERT INTO supervision_visit (plan_id, unit_id, agency_id, visited_on, team) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [v.planId, v.unitId, v.agencyId, v.visitedOn, v.team],
  );
  return row.id;
}

export async function insertFinding(
  db: Db,
  visitId: number,
  body: string,
  severity: 'normal' | 'serious',
): Promise<number> {
  const row = await db.one<{ id: number }>(
    `INSERT INTO supervision_finding (visit_id, body, severity) VALUES ($1, $2, $3) RETURNING id`,
    [visitId, body, severity],
  );
  return row.id;
}

export async function insertRecommendation(
  db: Db,
  r: {
    findingId: number;
    body: string;
    addresseeAgencyId: string | null;
    deadlineText: string | null;
    dueOn: string | null;
  },
) {
  await db.query(
    `INSERT INTO supervision_recommendation (finding_id, body, addressee_agency_id, deadline_text, due_on) VALUES ($1, $2, $3, $4, $5)`,
    [r.findingId, r.body, r.addresseeAgencyId, r.deadlineText, r.dueOn],
  );
}

/** A plan as listed, with its committee's unit (to decide who may record for it). */
export type SupervisionPlanRow = Omit<SupervisionPlanView, 'canRecord'> & { committee_unit_id: string | null };

/**
 * Every supervision / inspection plan with its visit count, last visit and recommendation counts, newest year first.
 */
export async function listSupervisionPlans(db: Db): Promise<SupervisionPlanRow[]> {
  return db.query<SupervisionPlanRow>(
    `SELECT p.id, p.kind, p.title, p.year, p.legal_basis, p.committee_id, c.unit_id AS committee_unit_id, c.name AS committee, g.name AS agency,
            (SELECT count(*)::int FROM supervision_visit v WHERE v.plan_id = p.id) AS visits,
            (SELECT max(v.visited_on) FROM supervision_visit v WHERE v.plan_id = p.id) AS last_visit_on,
            count(r.id)::int AS recommendations, count(r.id) FILTER (WHERE r.status <> 'closed')::int AS open_recommendations
       FROM supervision_plan p LEFT JOIN steering_committee c ON c.id = p.committee_id LEFT JOIN agency g ON g.id = p.agency_id
       LEFT JOIN supervision_visit v ON v.plan_id = p.id LEFT JOIN supervision_finding f ON f.visit_id = v.id
       LEFT JOIN supervision_recommendation r ON r.finding_id = f.id
      GROUP BY p.id, c.unit_id, c.name, g.name ORDER BY p.year DESC, p.id DESC`,
  );
}

export type RecommendationRow = Omit<RecommendationView, 'daysLate' | 'overdue'>;

export async function listRecommendations(db: Db): Promise<RecommendationRow[]> {
  return db.query<RecommendationRow>(
    `SELECT r.id, r.body, r.status, r.due_on, r.closed_on, r.deadline_text, r.follow_up, r.version, g.name AS addressee, f.body AS finding, p.title AS plan_title, p.kind, v.visited_on
       FROM supervision_recommendation r JOIN supervision_finding f ON f.id = r.finding_id JOIN supervision_visit v ON v.id = f.visit_id
       JOIN supervision_plan p ON p.id = v.plan_id LEFT JOIN agency g ON g.id = r.addressee_agency_id ORDER BY r.id`,
  );
}

export async function lockRecommendation(db: Db, id: number) {
  return db.maybeOne<{
    id: number;
    status: RecommendationStatus;
    addressee_agency_id: string | null;
    follow_up: string | null;
    closed_on: string | null;
    version: number;
  }>(
    `SELECT id, status, addressee_agency_id, follow_up, closed_on, version FROM supervision_recommendation WHERE id = $1 FOR UPDATE`,
    [id],
  );
}

/** Follow-up of a recommendation; a null follow-up keeps the one stored. */
export async function updateRecommendationFollowUp(
  db: Db,
  id: number,
  v: { status: RecommendationStatus; followUp: string | null; closedOn: string | null },
) {
  return db.one<RecommendationUpdated>(
    `UPDATE supervision_recommendation SET status = $2, follow_up = COALESCE($3, follow_up), closed_on = $4, version = version + 1 WHERE id = $1
     RETURNING id, status, follow_up, closed_on, version`,
    [id, v.status, v.followUp, v.closedOn],
  );
}

/** Every steering committee with its instrument and member count. */
export async function listCommittees(db: Db) {
  return db.query<Omit<CommitteeView, 'canRecord'>>(
    // a committee of a unit ends at the latest with its unit (e.g. a province merged on 01/07/2025)
    `SELECT c.id, c.level, c.name, c.programs, c.unit_id AS "unitId", c.valid_from AS "validFrom",
            CASE WHEN u.valid_to IS NOT NULL AND (c.valid_to IS NULL OR u.valid_to < c.valid_to) THEN u.valid_to ELSE c.valid_to END AS "validTo",
            li.number AS instrument, c.fact_status AS "factStatus", c.source,
            (SELECT count(*)::int FROM committee_member m WHERE m.committee_id = c.id) AS members
       FROM steering_committee c LEFT JOIN legal_instrument li ON li.id = c.instrument_id LEFT JOIN admin_unit u ON u.id = c.unit_id ORDER BY c.valid_from, c.id`,
  );
}

export async function committeeMembers(db: Db, committeeId: string) {
  return db.query<CommitteeMemberView>(
    `SELECT m.id, m.role, m.person_name AS "personName", m.position, m.agency_id AS "agencyId", m.valid_from AS "validFrom", m.valid_to AS "validTo",
            m.confirmed_until AS "confirmedUntil", m.note, li.number AS instrument, m.fact_status AS "factStatus", m.source
       FROM committee_member m LEFT JOIN legal_instrument li ON li.id = m.instrument_id WHERE m.committee_id = $1 ORDER BY m.id`,
    [committeeId],
  );
}

export async function committeeMeetings(db: Db, committeeId: string) {
  return db.query<CommitteeMeetingView>(
    `SELECT id, held_on AS "heldOn", title, minutes_ref AS "minutesRef" FROM committee_meeting WHERE committee_id = $1 ORDER BY held_on`,
    [committeeId],
  );
}
