import type { Db } from '../../db/client';
import type { ProgramOverview } from './contracts';

/** SQL of the program's structure: phases, targets, projects, budget (read-only, loaded with the seed). */

export async function listPhases(db: Db) {
  return db.query<ProgramOverview['phases'][number]>(
    `SELECT id, name, start_year AS "startYear", end_year AS "endYear", legal_basis AS "legalBasis", objective, fact_status AS "factStatus", source FROM program_phase ORDER BY start_year`,
  );
}

export async function listTargets(db: Db) {
  return db.query<ProgramOverview['targets'][number]>(
    `SELECT phase_id AS "phaseId", code, name, value_text AS value, fact_status AS "factStatus", source FROM program_target ORDER BY phase_id, code`,
  );
}

export async function listProjects(db: Db) {
  return db.query<
    ProgramOverview['projects'][number]
  >(`SELECT p.phase_id AS "phaseId", p.code, p.parent_code AS "parentCode", p.name, p.name_en AS "nameEn", g.name AS "leadAgency", p.lead_note AS "leadNote", p.fact_status AS "factStatus", p.source
                FROM program_project p LEFT JOIN agency g ON g.id = p.lead_agency_id ORDER BY p.phase_id, p.code`);
}

export async function listBudgetLines(db: Db) {
  return db.query<ProgramOverview['budget'][number]>(
    `SELECT phase_id AS "phaseId", funding, capital_type AS "capitalType", amount_bn_vnd::float8 AS "amountBnVnd", fact_status AS "factStatus", source FROM program_budget ORDER BY phase_id, funding, capital_type`,
  );
}
