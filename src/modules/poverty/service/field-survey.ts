/**
 * The per-household path into the register: one household surveyed in the field is written as the
 * workbook import writes it (household, members, result with last year's class), and the commune's
 * aggregates are recomputed from its results in the same transaction. Scope and audit are the caller's
 * (the field service), like importParsed's caller.
 */
import type { Db } from '../../../db/client';
import type { Classification } from '../../../domain/poverty/classify';
import type { FieldMemberDraft } from '../../../domain/field/draft';
import { SEX_IN_REGISTER } from '../../../domain/field/sync';
import type { AreaType, HouseholdClass, Occupation } from '../../../domain/poverty/types';
import { isEthnicMinority } from '../../../domain/poverty/workbook';
import type { CommuneRow } from '../repo';
import * as repo from '../repo-import';
import { previousClass, replaceHouseholdMembers, upsertHousehold, upsertHouseholdResult } from '../repo-household';
import { refreshAggregates } from './aggregates';

export interface HouseholdSurveyWrite {
  commune: CommuneRow;
  year: number;
  code: string;
  headName: string;
  headIdNumber: string | null;
  headEthnicity: string;
  village: string | null;
  area: AreaType;
  occupation: Occupation | null;
  noLabourCapacity: boolean | null;
  /** Last year's class as the phone had it: used only when the register has no result of last year. */
  previousClass: HouseholdClass | null;
  members: FieldMemberDraft[];
  classification: Classification;
}

/** Writes one household's survey into the register; returns the household id. */
export async function writeHouseholdSurvey(tx: Db, s: HouseholdSurveyWrite): Promise<number> {
  const { commune } = s;
  const ethnicMinority = isEthnicMinority(s.headEthnicity);
  const { id: householdId } = await upsertHousehold(tx, {
    provinceId: commune.provinceId,
    communeId: commune.id,
    code: s.code,
    headName: s.headName,
    headIdNumber: s.headIdNumber,
    headEthnicity: s.headEthnicity,
    ethnicMinority,
    village: s.village,
    area: s.area,
    membersCount: s.members.length,
  });
  const ref = { provinceId: commune.provinceId, householdId };
  await replaceHouseholdMembers(
    tx,
    ref,
    [...s.members]
      .sort((a, b) => a.seq - b.seq)
      .map((m, i) => ({
        seq: i + 1,
        fullName: m.fullName,
        relation: m.relation,
        birthDate: m.birthDate,
        sex: m.sex ? SEX_IN_REGISTER[m.sex] : null,
        idNumber: m.idNumber,
        ethnicity: m.ethnicity,
      })),
  );
  const previous = await previousClass(tx, ref, s.year);
  const r = s.classification;
  await upsertHouseholdResult(tx, s.year, {
    ...ref,
    communeId: commune.id,
    area: s.area,
    ethnicMinority,
    standardId: r.standardId,
    scoreA: r.scoreA,
    income: r.incomePerCapita,
    scoreB: r.scoreB,
    deprived: r.deprived,
    class: r.class,
    previousClass: previous ?? s.previousClass,
    flags: r.flags,
    decisionNo: null,
    decisionDate: null,
    occupation: s.occupation,
    noLabourCapacity: s.noLabourCapacity,
  });
  return householdId;
}

/** After the households of a commune were written: its aggregates, and the years that depend on this one. */
export async function refreshAfterSurveys(tx: Db, year: number, communeIds: string[]): Promise<void> {
  await refreshAggregates(tx, year, communeIds);
  await repo.propagateToNextYear(tx, year, communeIds);
  for (const later of await repo.laterYears(tx, year, communeIds))
    await refreshAggregates(tx, later.year, later.communeIds);
}
