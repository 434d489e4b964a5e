/** A commune's household lists and the export of its poor and near-poor lists (personal data: checked, audited). */
import type { Writable } from 'node:stream';
import type { Db } from '../../../db/client';
import { forbidden } from '../../../errors';
import { CLASS_LABEL_VI } from '../../../domain/poverty/classify';
import { OCCUPATION_LABEL_VI } from '../../../domain/poverty/types';
import { AREA_TEXT_VI } from '../../../domain/poverty/workbook';
import { audit } from '../../audit/audit';
import { writeReviewWorkbook } from '../excel';
import type { HouseholdPageAnswer } from '../contracts';
import * as listsRepo from '../repo-lists';
import type { HouseholdPage } from '../schemas';
import { standardsCatalog } from './standards';
import { auditActorOf, canSeePersonalData, resolveCommune, type Caller } from './shared';

/** One page of a commune's households (code order); `nextCursor` is null on the last page. */
export async function communeHouseholdList(
  db: Db,
  caller: Caller,
  communeId: string,
  year: number,
  page: HouseholdPage = { limit: 500 },
): Promise<HouseholdPageAnswer> {
  const commune = await resolveCommune(db, { communeId }, year);
  if (!(await canSeePersonalData(db, caller, commune.id)))
    throw forbidden('Danh sách hộ có dữ liệu cá nhân: chỉ người được phân quyền trên xã này được xem.');
  const rows = await listsRepo.communeHouseholds(db, commune.id, year, undefined, {
    after: page.cursor,
    limit: page.limit + 1,
  });
  const households = rows.slice(0, page.limit);
  const nextCursor = rows.length > page.limit ? households[households.length - 1].code : null;
  return { commune, households, nextCursor };
}

/** Exports the lists of poor and near-poor households of a commune (personal data: audited). */
export async function exportPoorLists(
  db: Db,
  caller: Caller,
  communeId: string,
  year: number,
  out: Writable,
): Promise<void> {
  const commune = await resolveCommune(db, { communeId }, year);
  if (!(await canSeePersonalData(db, caller, commune.id)))
    throw forbidden('Xuất danh sách hộ có dữ liệu cá nhân: chỉ người được phân quyền trên xã này.');
  const households = await listsRepo.communeHouseholds(db, commune.id, year, ['poor', 'near_poor']);
  const members = await listsRepo.communeMembers(
    db,
    commune.provinceId,
    households.map((h) => h.id),
  );
  await db.tx((tx) =>
    audit(tx, auditActorOf(caller), {
      action: 'poverty.household.export',
      entity: 'commune',
      entityId: commune.id,
      unitId: commune.id,
      after: { year, households: households.length, members: members.length },
    }),
  );
  const codeOf = new Map(households.map((h) => [h.id, h.code]));
  // Real date cells (Excel shows them dd/mm/yyyy and the importer reads them back).
  const decision = (d: string | null) => (d ? new Date(`${d.slice(0, 10)}T00:00:00Z`) : null);
  await writeReviewWorkbook(
    out,
    {
      communeName: commune.fullName,
      year,
      catalog: await standardsCatalog(db),
    },
    {
      households: households.map((h) => [
        h.code,
        h.headName,
        h.headIdNumber,
        h.headEthnicity,
        h.village,
        AREA_TEXT_VI[h.area as 'rural' | 'urban'],
        h.scoreA,
        h.income,
        h.deprived.join('; '),
        h.scoreB,
        h.previousClass ? CLASS_LABEL_VI[h.previousClass] : null,
        h.decisionNo,
        decision(h.decisionDate),
        h.occupation ? OCCUPATION_LABEL_VI[h.occupation] : null,
        h.noLabourCapacity === null ? null : h.noLabourCapacity ? 'Có' : 'Không',
        CLASS_LABEL_VI[h.class],
      ]),
      householdExtras: [{ header: `Phân loại năm ${year}`, width: 18 }],
      members: members.map((m) => [
        codeOf.get(m.householdId) ?? '',
        m.fullName,
        m.relation,
        decision(m.birthDate),
        m.sex,
        m.idNumber,
        m.ethnicity,
      ]),
    },
  );
}
