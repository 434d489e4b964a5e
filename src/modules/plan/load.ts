import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../db/client';
import type { ReferenceDataset } from '../../db/reference-data';
import { tryParseDeadline } from '../../domain/plan/deadline';
import { foldVietnamese } from '../../domain/text';
import { fanOutAgencies } from './repo';
import { insertInitialAssignments, insertTask, linkTaskInstrument } from './repo-tasks';
import {
  AGENCIES,
  BUDGET,
  COMMITTEES,
  FUNCTION_TRANSFERS,
  INSTRUMENTS,
  NOTES,
  PHASE,
  PROGRAM_NOTES,
  PROJECTS,
  SUCCESSOR,
  TARGETS,
  TASKS,
  INSTRUMENT_LINKS,
  type SeedAgency,
} from './seed-data';

const PLAN_CODE = '1705/QĐ-TTg';
const PLAN_DATE = '2021-10-12';

/**
 * Agencies belong to the agencies module (ids 'MOLISA', 'MPI', …, People's Committees
 * 'UBND:<province code>:<valid from>'). The plan only fills the gaps it needs, with the same ids and
 * marked unverified; when the agencies dataset loads (before or after this one) its rows win.
 */
async function ensureAgency(tx: Db, a: SeedAgency): Promise<string> {
  await tx.query(
    `INSERT INTO agency (id, code, kind, name, short_name, search_key, parent_id, valid_from, valid_to, source, verified, note)
     VALUES ($1, $1, $2, $3, $4, $5, $6, $7, $8, $9, false, $10) ON CONFLICT (id) DO NOTHING`,
    [
      a.id,
      a.kind,
      a.name,
      a.shortName,
      foldVietnamese(`${a.name} ${a.shortName}`),
      a.id === 'GOV' ? null : 'GOV',
      a.validFrom,
      a.validTo ?? null,
      `${NOTES} (thêm bởi dữ liệu kế hoạch)`,
      a.note ?? null,
    ],
  );
  return a.id;
}

async function ensureProvincialCommittees(tx: Db) {
  await tx.query(
    `INSERT INTO agency (id, code, kind, name, short_name, search_key, unit_id, valid_from, valid_to, source, verified)
     SELECT 'UBND:' || u.code || ':' || u.valid_from, 'UBND-' || u.code, 'people_committee', 'Ủy ban nhân dân ' || u.full_name, 'UBND ' || u.name,
            $1 || ' ' || u.search_key, u.id, u.valid_from, u.valid_to, 'Suy ra từ đơn vị hành chính (dữ liệu kế hoạch)', false
       FROM admin_unit u
      WHERE u.level = 'province'
        AND NOT EXISTS (SELECT 1 FROM agency g WHERE g.kind = 'people_committee' AND g.unit_id = u.id)
     ON CONFLICT (id) DO NOTHING`,
    [foldVietnamese('Ủy ban nhân dân')],
  );
}

export async function loadPlanSeed(tx: Db): Promise<void> {
  const ids = new Map<string, string>();
  for (const a of [...AGENCIES].sort((x, y) => Number(x.id !== 'GOV') - Number(y.id !== 'GOV')))
    ids.set(a.id, await ensureAgency(tx, a));
  for (const a of AGENCIES) {
    if (a.successorId)
      await tx.query(`UPDATE agency SET successor_id = COALESCE(successor_id, $2) WHERE id = $1`, [
        a.id,
        a.successorId,
      ]);
  }
  await ensureProvincialCommittees(tx);
  const agency = (id: string | undefined | null) => (id ? (ids.get(id) ?? null) : null);

  // Program structure: 2021-2025 and its successor
  const S = SUCCESSOR;
  await tx.query(
    `INSERT INTO program_phase (id, name, start_year, end_year, legal_basis, objective, fact_status, source) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, legal_basis = EXCLUDED.legal_basis, objective = EXCLUDED.objective, fact_status = EXCLUDED.fact_status, source = EXCLUDED.source`,
    [
      S.phase.id,
      S.phase.name,
      S.phase.startYear,
      S.phase.endYear,
      S.phase.legalBasis,
      S.phase.objective,
      S.phase.factStatus,
      S.phase.source,
    ],
  );
  for (const [code, name, value, status, src] of S.targets) {
    await tx.query(
      `INSERT INTO program_target (phase_id, code, name, value_text, legal_basis, fact_status, source) VALUES ($1, $2, $3, $4, 'NQ 257/2025/QH15', $5, $6)
       ON CONFLICT (phase_id, code) DO UPDATE SET name = EXCLUDED.name, value_text = EXCLUDED.value_text, fact_status = EXCLUDED.fact_status, source = EXCLUDED.source`,
      [S.phase.id, code, name, value, status, `${PROGRAM_NOTES} [${src}]`],
    );
  }
  for (const [funding, capital, amount] of S.budget) {
    await tx.query(
      `INSERT INTO program_budget (phase_id, funding, capital_type, amount_bn_vnd, fact_status, source) VALUES ($1, $2, $3, $4, 'VERIFIED', $5)
       ON CONFLICT (phase_id, funding, capital_type) DO UPDATE SET amount_bn_vnd = EXCLUDED.amount_bn_vnd, source = EXCLUDED.source`,
      [S.phase.id, funding, capital, amount, `${PROGRAM_NOTES} [S93, S95] — ${S.budgetNote}`],
    );
  }
  await tx.query(
    `INSERT INTO program_phase (id, name, start_year, end_year, legal_basis, objective, fact_status, source)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, legal_basis = EXCLUDED.legal_basis, objective = EXCLUDED.objective, fact_status = EXCLUDED.fact_status, source = EXCLUDED.source`,
    [
      PHASE.id,
      PHASE.name,
      PHASE.startYear,
      PHASE.endYear,
      PHASE.legalBasis,
      PHASE.objective,
      PHASE.factStatus,
      PHASE.source,
    ],
  );
  for (const [code, name, value, status, src] of TARGETS) {
    await tx.query(
      `INSERT INTO program_target (phase_id, code, name, value_text, legal_basis, fact_status, source) VALUES ($1, $2, $3, $4, 'NQ 24/2021/QH15; QĐ 90/QĐ-TTg', $5, $6)
       ON CONFLICT (phase_id, code) DO UPDATE SET name = EXCLUDED.name, value_text = EXCLUDED.value_text, fact_status = EXCLUDED.fact_status, source = EXCLUDED.source`,
      [PHASE.id, code, name, value, status, `${PROGRAM_NOTES} §1 [${src}]`],
    );
  }
  for (const [code, parent, name, nameEn, lead, leadNote, status, src] of PROJECTS) {
    await tx.query(
      `INSERT INTO program_project (phase_id, code, parent_code, name, name_en, lead_agency_id, lead_note, fact_status, source) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (phase_id, code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en, lead_agency_id = EXCLUDED.lead_agency_id, lead_note = EXCLUDED.lead_note, fact_status = EXCLUDED.fact_status, source = EXCLUDED.source`,
      [PHASE.id, code, parent, name, nameEn, agency(lead), leadNote, status, `${PROGRAM_NOTES} §2 [${src}]`],
    );
  }
  for (const [funding, capital, amount] of BUDGET) {
    await tx.query(
      `INSERT INTO program_budget (phase_id, funding, capital_type, amount_bn_vnd, fact_status, source) VALUES ($1, $2, $3, $4, 'VERIFIED', $5)
       ON CONFLICT (phase_id, funding, capital_type) DO UPDATE SET amount_bn_vnd = EXCLUDED.amount_bn_vnd`,
      [PHASE.id, funding, capital, amount, `${PROGRAM_NOTES} §4 (QĐ 90 phần IV) [S5]`],
    );
  }

  // Legal instruments (kept when already registered: users may have corrected them)
  const instrumentId = new Map<string, number>();
  for (const i of [...INSTRUMENTS, ...SUCCESSOR.instruments]) {
    const key = i.number ?? i.title;
    let row = await tx.maybeOne<{ id: number }>(
      `SELECT id FROM legal_instrument WHERE ${i.number ? 'number = $1' : 'number IS NULL AND title = $1'}`,
      [key],
    );
    if (!row) {
      row = await tx.one<{ id: number }>(
        `INSERT INTO legal_instrument (kind, number, title, issuer, drafting_agency_id, signer, issued_on, effective_on, status, note, fact_status, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          i.kind,
          i.number,
          i.title,
          i.issuer,
          agency(i.drafting),
          i.signer ?? null,
          i.issuedOn,
          i.effectiveOn ?? null,
          i.status ?? 'issued',
          i.note ?? null,
          i.factStatus,
          `${NOTES} §2 [${i.source}]`,
        ],
      );
    }
    instrumentId.set(key, row.id);
  }

  for (const l of INSTRUMENT_LINKS) {
    await tx.query(
      `UPDATE legal_instrument SET amends_id = COALESCE(amends_id, $2), replaces_id = COALESCE(replaces_id, $3) WHERE id = $1`,
      [
        instrumentId.get(l.number),
        l.amends ? instrumentId.get(l.amends) : null,
        l.replaces ? instrumentId.get(l.replaces) : null,
      ],
    );
  }

  // The plan and its tasks: loaded once; afterwards they belong to the users who track them.
  const exists = await tx.maybeOne(`SELECT 1 FROM plan WHERE code = $1`, [PLAN_CODE]);
  if (!exists) {
    const plan = await tx.one<{ id: number }>(
      `INSERT INTO plan (code, title, phase_id, instrument_id, issuer_agency_id, issued_on, purpose, fact_status, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'VERIFIED', $8) RETURNING id`,
      [
        PLAN_CODE,
        'Kế hoạch triển khai Nghị quyết số 24/2021/QH15 của Quốc hội phê duyệt chủ trương đầu tư Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021-2025',
        PHASE.id,
        instrumentId.get(PLAN_CODE),
        agency('GOV'),
        PLAN_DATE,
        'Triển khai nghiêm túc, có chất lượng và hiệu quả Nghị quyết số 24/2021/QH15; xác định cụ thể nội dung công việc, thời hạn, tiến độ hoàn thành và trách nhiệm của các cơ quan, tổ chức; xác định cơ chế phối hợp giữa các bộ, ngành, địa phương.',
        `${NOTES} §1; seed text`,
      ],
    );
    const taskIds = new Map<string, number>();
    for (const t of TASKS) {
      const parsed = t.deadline ? tryParseDeadline(t.deadline) : null;
      if (parsed && !parsed.ok) throw new Error(`seed task ${t.position}: ${parsed.message}`);
      const d = parsed?.ok ? parsed.deadline : null;
      const due = d && (d.kind === 'date' || d.kind === 'period') ? d.due : null;
      const instr = t.instrument ? INSTRUMENTS.find((i) => i.number === t.instrument)! : null;
      const done = instr?.issuedOn ?? null;
      // nobody has reported on an open seeded task: "chưa có báo cáo", not "chưa triển khai"
      const status = done ? 'completed' : 'no_report';
      const id = await insertTask(tx, {
        planId: plan.id,
        parentId: (t.parent ? taskIds.get(t.parent) : null) ?? null,
        position: t.position,
        title: t.title,
        leadAgencyId: agency(t.lead),
        fanOut: t.fanOut ?? 'none',
        deadlineText: t.deadline ?? null,
        deadlineKind: d?.kind ?? null,
        dueOn: due,
        deadlineStatus: t.deadlineStatus,
        startOn: PLAN_DATE,
        deliverableKind: t.deliverableKind ?? null,
        status,
        percent: done ? 100 : 0,
        completedOn: done,
        note:
          [t.coordinatorsText ? `Cơ quan phối hợp: ${t.coordinatorsText}.` : null, t.note ?? null]
            .filter(Boolean)
            .join(' ') || null,
        source: t.source,
        projectCode: null,
        basisInstrumentId: (t.basis ? instrumentId.get(t.basis) : null) ?? null,
      });
      taskIds.set(t.position, id);
      const instrId = instr ? instrumentId.get(instr.number!)! : null;
      if (instrId) await linkTaskInstrument(tx, id, instrId);
      const targets = t.fanOut
        ? await fanOutAgencies(tx, t.fanOut, PLAN_DATE)
        : [{ agencyId: agency(t.lead)!, unitId: null }];
      await insertInitialAssignments(tx, id, targets, {
        status,
        percent: done ? 100 : 0,
        completedOn: done,
        instrumentId: instrId,
        validFrom: PLAN_DATE,
      });
    }
  }

  // Steering committees and their members over time. The seed's own committees and their members are
  // seed data (users register local committees, not these): re-loaded whole so corrections reach old databases.
  for (const c of COMMITTEES) {
    const unit = c.provinceCode
      ? await tx.maybeOne<{ id: string }>(
          `SELECT id FROM admin_unit WHERE level = 'province' AND code = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2) LIMIT 1`,
          [c.provinceCode, c.validFrom],
        )
      : undefined;
    const instr =
      instrumentId.get(c.instrument) ??
      instrumentId.get(INSTRUMENTS.find((i) => i.title.startsWith(c.instrument))?.title ?? '') ??
      null;
    await tx.query(
      `INSERT INTO steering_committee (id, level, unit_id, name, programs, instrument_id, valid_from, valid_to, fact_status, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, programs = EXCLUDED.programs, valid_to = EXCLUDED.valid_to, fact_status = EXCLUDED.fact_status, source = EXCLUDED.source`,
      [
        c.id,
        c.level,
        unit?.id ?? null,
        c.name,
        c.programs,
        instr,
        c.validFrom,
        c.validTo ?? null,
        c.factStatus,
        c.source,
      ],
    );
    // members edited by officials since (steering_committee.members_edited) are theirs: not overwritten
    const edited = await tx.maybeOne(`SELECT 1 FROM steering_committee WHERE id = $1 AND members_edited`, [c.id]);
    if (!edited) await tx.query(`DELETE FROM committee_member WHERE committee_id = $1`, [c.id]);
    for (const m of edited ? [] : c.members) {
      await tx.query(
        `INSERT INTO committee_member (committee_id, role, person_name, position, agency_id, valid_from, valid_to, confirmed_until, instrument_id, fact_status, source, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          c.id,
          m.role,
          m.person ?? null,
          m.position,
          agency(m.agency),
          m.validFrom ?? c.validFrom,
          m.validTo ?? null,
          m.validTo ? null : (m.confirmedUntil ?? null),
          (m.instrument && instrumentId.get(m.instrument)) ?? instr,
          m.factStatus ?? c.factStatus,
          m.source ?? c.source,
          m.note ?? null,
        ],
      );
    }
  }

  // The 2025 reorganisation by function
  for (const [from, fn, to, onDate, act, status, source] of FUNCTION_TRANSFERS) {
    await tx.query(
      `INSERT INTO agency_function_transfer (from_agency_id, function_code, to_agency_id, on_date, instrument, fact_status, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (from_agency_id, function_code) DO UPDATE SET to_agency_id = EXCLUDED.to_agency_id, on_date = EXCLUDED.on_date,
         instrument = EXCLUDED.instrument, fact_status = EXCLUDED.fact_status, source = EXCLUDED.source`,
      [from, fn, to, onDate, act, status, source],
    );
  }
}

function planVersion(): string {
  const h = createHash('sha256');
  for (const f of ['./seed-data.ts', './load.ts'])
    h.update(fs.readFileSync(fileURLToPath(new URL(f, import.meta.url))));
  return h.digest('hex').slice(0, 12);
}

export const planDataset: ReferenceDataset = {
  name: 'plan-1705',
  get version() {
    return (cachedVersion ??= planVersion());
  },
  load: loadPlanSeed,
};
let cachedVersion: string | undefined;
