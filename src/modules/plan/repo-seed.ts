import type { Db } from '../../db/client';
import { inForceSql } from '../../domain/validity';
import { insertMember, type NewMember } from './repo-members';

/** The seed's rows of the program, its instruments, committees and the 2025 transfers (SQL of `load.ts`). */

export async function setAgencySuccessorIfNone(tx: Db, id: string, successorId: string): Promise<void> {
  await tx.query(`UPDATE agency SET successor_id = COALESCE(successor_id, $2) WHERE id = $1`, [id, successorId]);
}

/** The province versions that have no People's Committee among the agencies yet. */
export function provincesWithoutCommittee(tx: Db) {
  return tx.query<{
    id: string;
    code: string;
    name: string;
    fullName: string;
    searchKey: string;
    validFrom: string;
    validTo: string | null;
  }>(
    `SELECT u.id, u.code, u.name, u.full_name AS "fullName", u.search_key AS "searchKey",
            to_char(u.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(u.valid_to, 'YYYY-MM-DD') AS "validTo"
       FROM admin_unit u
      WHERE u.level = 'province'
        AND NOT EXISTS (SELECT 1 FROM agency g WHERE g.kind = 'people_committee' AND g.unit_id = u.id)
      ORDER BY u.code, u.valid_from`,
  );
}

export interface PhaseRow {
  id: string;
  name: string;
  startYear: number;
  endYear: number;
  legalBasis: string;
  objective: string;
  factStatus: string;
  source: string;
}

export async function upsertPhase(tx: Db, p: PhaseRow): Promise<void> {
  await tx.query(
    `INSERT INTO program_phase (id, name, start_year, end_year, legal_basis, objective, fact_status, source)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, legal_basis = EXCLUDED.legal_basis, objective = EXCLUDED.objective, fact_status = EXCLUDED.fact_status, source = EXCLUDED.source`,
    [p.id, p.name, p.startYear, p.endYear, p.legalBasis, p.objective, p.factStatus, p.source],
  );
}

export interface TargetRow {
  phaseId: string;
  code: string;
  name: string;
  valueText: string;
  legalBasis: string;
  factStatus: string;
  source: string;
}

export async function upsertTarget(tx: Db, t: TargetRow): Promise<void> {
  await tx.query(
    `INSERT INTO program_target (phase_id, code, name, value_text, legal_basis, fact_status, source) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (phase_id, code) DO UPDATE SET name = EXCLUDED.name, value_text = EXCLUDED.value_text, fact_status = EXCLUDED.fact_status, source = EXCLUDED.source`,
    [t.phaseId, t.code, t.name, t.valueText, t.legalBasis, t.factStatus, t.source],
  );
}

export interface BudgetRow {
  phaseId: string;
  funding: string;
  capitalType: string;
  amountBnVnd: number;
  source: string;
}

/**
 * A budget line of a phase (verified figures). `refreshSource`: a reload also rewrites the source text
 * (the successor phase's lines do; the 2021-2025 lines keep the source they were first loaded with).
 */
export async function upsertBudget(tx: Db, b: BudgetRow, refreshSource: boolean): Promise<void> {
  await tx.query(
    `INSERT INTO program_budget (phase_id, funding, capital_type, amount_bn_vnd, fact_status, source) VALUES ($1, $2, $3, $4, 'VERIFIED', $5)
     ON CONFLICT (phase_id, funding, capital_type) DO UPDATE SET amount_bn_vnd = EXCLUDED.amount_bn_vnd,
       source = CASE WHEN $6 THEN EXCLUDED.source ELSE program_budget.source END`,
    [b.phaseId, b.funding, b.capitalType, b.amountBnVnd, b.source, refreshSource],
  );
}

export interface ProjectRow {
  phaseId: string;
  code: string;
  parentCode: string | null;
  name: string | null;
  nameEn: string | null;
  leadAgencyId: string | null;
  leadNote: string | null;
  factStatus: string;
  source: string;
}

export async function upsertProject(tx: Db, p: ProjectRow): Promise<void> {
  await tx.query(
    `INSERT INTO program_project (phase_id, code, parent_code, name, name_en, lead_agency_id, lead_note, fact_status, source) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (phase_id, code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en, lead_agency_id = EXCLUDED.lead_agency_id, lead_note = EXCLUDED.lead_note, fact_status = EXCLUDED.fact_status, source = EXCLUDED.source`,
    [p.phaseId, p.code, p.parentCode, p.name, p.nameEn, p.leadAgencyId, p.leadNote, p.factStatus, p.source],
  );
}

/** A registered instrument by its number, or by its title when it has no number. */
export function findInstrument(tx: Db, number: string | null, title: string) {
  return tx.maybeOne<{ id: number }>(
    `SELECT id FROM legal_instrument WHERE ${number ? 'number = $1' : 'number IS NULL AND title = $1'}`,
    [number ?? title],
  );
}

/** Links an instrument to the one it amends or replaces, keeping links users already set. */
export async function linkInstrumentIfNone(
  tx: Db,
  id: number | undefined,
  amendsId: number | null | undefined,
  replacesId: number | null | undefined,
): Promise<void> {
  await tx.query(
    `UPDATE legal_instrument SET amends_id = COALESCE(amends_id, $2), replaces_id = COALESCE(replaces_id, $3) WHERE id = $1`,
    [id, amendsId, replacesId],
  );
}

/** The province with this code in force on a date. */
export function provinceOn(tx: Db, code: string, date: string) {
  return tx.maybeOne<{ id: string }>(
    `SELECT id FROM admin_unit WHERE level = 'province' AND code = $1 AND ${inForceSql('valid_from', 'valid_to', '$2')} LIMIT 1`,
    [code, date],
  );
}

export type CommitteeMemberRow = Omit<NewMember, 'enteredBy'>;

/**
 * The seed's members of one of its committees, replaced whole, unless officials have edited the members
 * since (steering_committee.members_edited): then they are theirs and the seed leaves them.
 */
export async function replaceCommitteeMembers(tx: Db, committeeId: string, members: CommitteeMemberRow[]) {
  const edited = await tx.maybeOne(`SELECT 1 FROM steering_committee WHERE id = $1 AND members_edited`, [committeeId]);
  if (edited) return;
  await tx.query(`DELETE FROM committee_member WHERE committee_id = $1`, [committeeId]);
  for (const m of members) await insertMember(tx, committeeId, { ...m, enteredBy: null });
}

export async function upsertFunctionTransfer(
  tx: Db,
  t: [from: string, fn: string, to: string | null, onDate: string, act: string | null, status: string, source: string],
): Promise<void> {
  await tx.query(
    `INSERT INTO agency_function_transfer (from_agency_id, function_code, to_agency_id, on_date, instrument, fact_status, source)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (from_agency_id, function_code) DO UPDATE SET to_agency_id = EXCLUDED.to_agency_id, on_date = EXCLUDED.on_date,
       instrument = EXCLUDED.instrument, fact_status = EXCLUDED.fact_status, source = EXCLUDED.source`,
    t,
  );
}
