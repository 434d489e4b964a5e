/**
 * Resident households (tổng số hộ dân cư) of communes per review year: the denominator of the
 * poverty rates. Entered by the commune officer (own commune), a province officer (communes in
 * scope) or the central roles, imported from a file (all-or-nothing), or set from the CLI. Every
 * change writes its history row and an audit row in the same transaction.
 */
import type { Db } from '../../../db/client';
import { forbidden, invalid, type Problem } from '../../../errors';
import { checkResidentHouseholds, type ResidentHouseholds } from '../../../domain/poverty/resident';
import { hasRole, isCentral, type Actor } from '../../access/actor';
import { unitAccess } from '../../access/unit-access';
import { audit } from '../../audit/audit';
import type { ResidentImportAnswer, ResidentListAnswer, ResidentSetAnswer, ResidentView } from '../contracts';
import * as residentRepo from '../repo-resident';
import * as repo from '../repo';
import { readResidentFile } from '../resident-file';
import { auditActorOf, isSystem, resolveCommune, reviewDateOfYear, type Caller } from './shared';

/** May the caller record the figures of this commune? Central roles and the CLI: any; officers: communes they cover. */
export async function canEditResident(db: Db, caller: Caller, communeId: string): Promise<boolean> {
  if (isSystem(caller) || isCentral(caller)) return true;
  if (!hasRole(caller, 'commune_officer', 'province_officer')) return false;
  return (await unitAccess(db, caller)).covers(communeId);
}

export interface ResidentInput {
  communeId?: string;
  communeCode?: string;
  year: number;
  total: number;
  urban?: number | null;
  rural?: number | null;
  ethnicMinority?: number | null;
  source?: string | null;
}

const toWrite = (i: ResidentInput): ResidentHouseholds => ({
  total: i.total,
  urban: i.urban ?? null,
  rural: i.rural ?? null,
  ethnicMinority: i.ethnicMinority ?? null,
  source: i.source?.trim() || null,
});

const snapshot = (r: residentRepo.ResidentRow | undefined) =>
  r
    ? {
        total: r.total,
        urban: r.urban,
        rural: r.rural,
        ethnicMinority: r.ethnicMinority,
        source: r.source,
        recordedBy: r.recordedBy,
        recordedAt: r.recordedAt,
      }
    : null;

/**
 * Records a commune's resident households for a year (replacing an earlier figure, which stays in
 * the history). The source is required from the screen and files, optional from the CLI.
 */
export async function setResidentHouseholds(
  db: Db,
  caller: Caller,
  input: ResidentInput,
  { requireSource = true } = {},
): Promise<ResidentSetAnswer> {
  const commune = await resolveCommune(db, input, input.year);
  if (!(await canEditResident(db, caller, commune.id)))
    throw forbidden('Xã này nằm ngoài phạm vi được phân quyền của bạn.');
  const value = toWrite(input);
  const problems = checkResidentHouseholds(value, { requireSource }, (field) => ({ path: `body.${field}` }));
  if (problems.length) throw invalid('Số hộ dân cư không hợp lệ.', problems);
  const by = auditActorOf(caller);
  return db.tx(async (tx) => {
    const before = await residentRepo.findResident(tx, input.year, commune.id);
    await residentRepo.saveResident(tx, input.year, by.username, [{ communeId: commune.id, ...value }]);
    await audit(tx, by, {
      action: 'poverty.resident_households.set',
      entity: 'poverty_resident_households',
      entityId: `${input.year}:${commune.id}`,
      unitId: commune.id,
      before: snapshot(before),
      after: value,
    });
    return { commune, ...(await residentRepo.findResident(tx, input.year, commune.id))! };
  });
}

/** A commune's figure for a year, its history (who, when, the values) and whether the caller may change it. */
export async function residentHouseholdsOf(
  db: Db,
  caller: Caller,
  communeId: string,
  year: number,
): Promise<ResidentView> {
  const commune = await resolveCommune(db, { communeId }, year);
  return {
    communeId: commune.id,
    communeName: commune.fullName,
    year,
    current: (await residentRepo.findResident(db, year, commune.id)) ?? null,
    history: await residentRepo.residentHistory(db, year, commune.id),
    can: { edit: await canEditResident(db, caller, commune.id) },
  };
}

/** The communes of the caller's scope on the review date, for the file template. */
export async function residentTemplateCommunes(db: Db, caller: Caller, year: number) {
  const access = isSystem(caller) || isCentral(caller) ? null : await unitAccess(db, caller);
  if (access && !hasRole(caller as Actor, 'commune_officer', 'province_officer')) throw forbidden();
  return residentRepo.communesOn(db, reviewDateOfYear(year), access?.unitIds ? [...access.unitIds] : null);
}

/** Figures of all communes for a year (not personal data: a count per commune). */
export function listResidentHouseholds(db: Db, year: number): Promise<ResidentListAnswer['items']> {
  return residentRepo.listResident(db, year, null);
}

/**
 * Imports a file of resident households (Excel or CSV): every cell checked, every commune resolved on
 * the review date and within the caller's scope, problems reported by sheet/row/column; nothing is
 * written unless the whole file is valid.
 */
export async function importResidentFile(
  db: Db,
  caller: Caller,
  input: { year: number; filePath: string; fileName: string },
): Promise<ResidentImportAnswer> {
  const parsed = await readResidentFile(input.filePath, input.fileName);
  const problems: Problem[] = [...parsed.problems];
  const resolved: { communeId: string; value: ResidentHouseholds }[] = [];
  // Rows that parsed are resolved even when others did not: every problem of the file in one pass.
  {
    const date = reviewDateOfYear(input.year);
    const access = isSystem(caller) || isCentral(caller) ? null : await unitAccess(db, caller);
    const sheet = /\.csv$/i.test(input.fileName) ? input.fileName : undefined;
    for (const r of parsed.rows) {
      const commune = await repo.findCommuneOn(db, r.communeCode, date);
      const where = { sheet: sheet ?? 'Số hộ dân cư', row: r.row, column: 'A' };
      if (!commune)
        problems.push({
          ...where,
          message: `Không có xã mã "${r.communeCode}" vào thời điểm rà soát năm ${input.year} (${date.split('-').reverse().join('/')}).`,
        });
      else if (
        access &&
        !(hasRole(caller as Actor, 'commune_officer', 'province_officer') && access.covers(commune.id))
      ) {
        problems.push({ ...where, message: `Xã "${commune.fullName}" nằm ngoài phạm vi được phân quyền của bạn.` });
      } else
        resolved.push({
          communeId: commune.id,
          value: { total: r.total, urban: r.urban, rural: r.rural, ethnicMinority: r.ethnicMinority, source: r.source },
        });
    }
  }
  if (problems.length) throw invalid(`Tệp có ${problems.length} lỗi; chưa nhập dữ liệu nào.`, problems);
  const by = auditActorOf(caller);
  await db.tx(async (tx) => {
    const before = await residentRepo.listResident(
      tx,
      input.year,
      resolved.map((r) => r.communeId),
    );
    await residentRepo.saveResident(
      tx,
      input.year,
      by.username,
      resolved.map((r) => ({ communeId: r.communeId, ...r.value })),
    );
    const old = new Map(before.map((b) => [b.communeId, snapshot(b)]));
    await audit(tx, by, {
      action: 'poverty.resident_households.import',
      entity: 'poverty_resident_households',
      entityId: `${input.year}:${input.fileName}`,
      unitId: resolved.length === 1 ? resolved[0].communeId : null,
      before: resolved.map((r) => ({ communeId: r.communeId, value: old.get(r.communeId) ?? null })),
      after: resolved.map((r) => ({ communeId: r.communeId, value: r.value })),
    });
  });
  return { year: input.year, communes: resolved.length };
}
