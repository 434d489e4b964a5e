import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../db/client';
import type { ReferenceDataset } from '../../db/reference-data';
import { storedDueDate, tryParseDeadline } from '../../domain/plan/deadline';
import { officialCalendar } from '../calendar/official';
import type { Agency } from '../../domain/agencies/agencies';
import { foldVietnamese } from '../../domain/text';
import { writeAgencies } from '../agencies/repo-load';
import * as repo from './repo-seed';
import { fanOutAgencies } from './repo';
import { insertInitialAssignments } from './repo-assignments';
import { insertInstrument } from './repo-instruments';
import { insertCommittee } from './repo-supervision';
import { insertPlan, insertTask, linkTaskInstrument, planCodeTaken } from './repo-tasks';
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
import { NATIONAL_PLAN_CODE } from '../../domain/plan/national-plan';

const PLAN_CODE = NATIONAL_PLAN_CODE;
const PLAN_DATE = '2021-10-12';

/**
 * Agencies belong to the agencies module (ids 'MOLISA', 'MPI', …, People's Committees
 * 'UBND:<province code>:<valid from>'). The plan only fills the gaps it needs, with the same ids and
 * marked unverified; when the agencies dataset loads (before or after this one) its rows win.
 */
function seedAgency(a: SeedAgency): Agency & { searchKey: string } {
  return {
    id: a.id,
    code: a.id,
    kind: a.kind,
    name: a.name,
    shortName: a.shortName,
    nameEn: null,
    searchKey: foldVietnamese(`${a.name} ${a.shortName}`),
    parentId: a.id === 'GOV' ? null : 'GOV',
    unitId: null,
    validFrom: a.validFrom,
    validTo: a.validTo ?? null,
    successorId: null,
    legalBasis: null,
    source: `${NOTES} (thêm bởi dữ liệu kế hoạch)`,
    verified: false,
    note: a.note ?? null,
  };
}

/** A People's Committee for every province version that has none yet, derived from the unit. */
async function provincialCommittees(tx: Db): Promise<(Agency & { searchKey: string })[]> {
  const committee = foldVietnamese('Ủy ban nhân dân');
  return (await repo.provincesWithoutCommittee(tx)).map((u) => ({
    id: `UBND:${u.code}:${u.validFrom}`,
    code: `UBND-${u.code}`,
    kind: 'people_committee',
    name: `Ủy ban nhân dân ${u.fullName}`,
    shortName: `UBND ${u.name}`,
    nameEn: null,
    searchKey: `${committee} ${u.searchKey}`,
    parentId: null,
    unitId: u.id,
    validFrom: u.validFrom,
    validTo: u.validTo,
    successorId: null,
    legalBasis: null,
    source: 'Suy ra từ đơn vị hành chính (dữ liệu kế hoạch)',
    verified: false,
    note: null,
  }));
}

export async function loadPlanSeed(tx: Db): Promise<void> {
  const ids = new Map(AGENCIES.map((a) => [a.id, a.id]));
  await writeAgencies(tx, AGENCIES.map(seedAgency), 'keep');
  for (const a of AGENCIES) if (a.successorId) await repo.setAgencySuccessorIfNone(tx, a.id, a.successorId);
  await writeAgencies(tx, await provincialCommittees(tx), 'keep');
  const agency = (id: string | undefined | null) => (id ? (ids.get(id) ?? null) : null);

  // Program structure: 2021-2025 and its successor
  const S = SUCCESSOR;
  await repo.upsertPhase(tx, S.phase);
  for (const [code, name, value, status, src] of S.targets) {
    await repo.upsertTarget(tx, {
      phaseId: S.phase.id,
      code,
      name,
      valueText: value,
      legalBasis: 'NQ 257/2025/QH15',
      factStatus: status,
      source: `${PROGRAM_NOTES} [${src}]`,
    });
  }
  for (const [funding, capital, amount] of S.budget) {
    const source = `${PROGRAM_NOTES} [S93, S95] — ${S.budgetNote}`;
    await repo.upsertBudget(
      tx,
      { phaseId: S.phase.id, funding, capitalType: capital, amountBnVnd: amount, source },
      true,
    );
  }
  await repo.upsertPhase(tx, PHASE);
  for (const [code, name, value, status, src] of TARGETS) {
    await repo.upsertTarget(tx, {
      phaseId: PHASE.id,
      code,
      name,
      valueText: value,
      legalBasis: 'NQ 24/2021/QH15; QĐ 90/QĐ-TTg',
      factStatus: status,
      source: `${PROGRAM_NOTES} §1 [${src}]`,
    });
  }
  for (const [code, parent, name, nameEn, lead, leadNote, status, src] of PROJECTS) {
    await repo.upsertProject(tx, {
      phaseId: PHASE.id,
      code,
      parentCode: parent,
      name,
      nameEn,
      leadAgencyId: agency(lead),
      leadNote,
      factStatus: status,
      source: `${PROGRAM_NOTES} §2 [${src}]`,
    });
  }
  for (const [funding, capital, amount] of BUDGET) {
    const source = `${PROGRAM_NOTES} §4 (QĐ 90 phần IV) [S5]`;
    await repo.upsertBudget(
      tx,
      { phaseId: PHASE.id, funding, capitalType: capital, amountBnVnd: amount, source },
      false,
    );
  }

  // Legal instruments (kept when already registered: users may have corrected them)
  const instrumentId = new Map<string, number>();
  for (const i of [...INSTRUMENTS, ...SUCCESSOR.instruments]) {
    const key = i.number ?? i.title;
    const row = (await repo.findInstrument(tx, i.number, i.title)) ?? {
      id: await insertInstrument(tx, {
        kind: i.kind,
        number: i.number,
        title: i.title,
        issuer: i.issuer,
        draftingAgencyId: agency(i.drafting),
        signer: i.signer ?? null,
        issuedOn: i.issuedOn,
        effectiveOn: i.effectiveOn ?? null,
        status: i.status ?? 'issued',
        note: i.note ?? null,
        amendsId: null,
        replacesId: null,
        factStatus: i.factStatus,
        source: `${NOTES} §2 [${i.source}]`,
      }),
    };
    instrumentId.set(key, row.id);
  }

  for (const l of INSTRUMENT_LINKS) {
    await repo.linkInstrumentIfNone(
      tx,
      instrumentId.get(l.number),
      l.amends ? instrumentId.get(l.amends) : null,
      l.replaces ? instrumentId.get(l.replaces) : null,
    );
  }

  // The plan and its tasks: loaded once; afterwards they belong to the users who track them.
  if (!(await planCodeTaken(tx, PLAN_CODE))) {
    const plan = {
      id: await insertPlan(tx, {
        code: PLAN_CODE,
        title:
          'Kế hoạch triển khai Nghị quyết số 24/2021/QH15 của Quốc hội phê duyệt chủ trương đầu tư Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021-2025',
        phaseId: PHASE.id,
        instrumentId: instrumentId.get(PLAN_CODE) ?? null,
        issuerAgencyId: agency('GOV'),
        issuedOn: PLAN_DATE,
        purpose:
          'Triển khai nghiêm túc, có chất lượng và hiệu quả Nghị quyết số 24/2021/QH15; xác định cụ thể nội dung công việc, thời hạn, tiến độ hoàn thành và trách nhiệm của các cơ quan, tổ chức; xác định cơ chế phối hợp giữa các bộ, ngành, địa phương.',
        source: `${NOTES} §1; seed text`,
      }),
    };
    const taskIds = new Map<string, number>();
    for (const t of TASKS) {
      const parsed = t.deadline ? tryParseDeadline(t.deadline) : null;
      if (parsed && !parsed.ok) throw new Error(`seed task ${t.position}: ${parsed.message}`);
      const d = parsed?.ok ? parsed.deadline : null;
      const due = storedDueDate(d, PLAN_DATE, officialCalendar);
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
    const unit = c.provinceCode ? await repo.provinceOn(tx, c.provinceCode, c.validFrom) : undefined;
    const instr =
      instrumentId.get(c.instrument) ??
      instrumentId.get(INSTRUMENTS.find((i) => i.title.startsWith(c.instrument))?.title ?? '') ??
      null;
    await insertCommittee(
      tx,
      {
        id: c.id,
        level: c.level,
        unitId: unit?.id ?? null,
        name: c.name,
        programs: c.programs,
        instrumentId: instr,
        validFrom: c.validFrom,
        validTo: c.validTo ?? null,
        factStatus: c.factStatus,
        source: c.source,
      },
      true,
    );
    await repo.replaceCommitteeMembers(
      tx,
      c.id,
      c.members.map((m) => ({
        role: m.role,
        personName: m.person ?? null,
        position: m.position,
        agencyId: agency(m.agency),
        validFrom: m.validFrom ?? c.validFrom,
        validTo: m.validTo ?? null,
        confirmedUntil: m.validTo ? null : (m.confirmedUntil ?? null),
        instrumentId: (m.instrument && instrumentId.get(m.instrument)) ?? instr,
        factStatus: m.factStatus ?? c.factStatus,
        source: m.source ?? c.source,
        note: m.note ?? null,
      })),
    );
  }

  // The 2025 reorganisation by function
  for (const t of FUNCTION_TRANSFERS) await repo.upsertFunctionTransfer(tx, t);
}

function planVersion(): string {
  const h = createHash('sha256');
  for (const f of ['./seed-data.ts', './load.ts', './repo-seed.ts'])
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
