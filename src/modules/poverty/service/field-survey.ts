/**
 * The per-household path into the register: households surveyed in the field are written as the
 * workbook import writes them (household, members, result with last year's class), and the commune's
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
import { previousClasses, replaceHouseholdMembers, upsertHouseholdResults, upsertHouseholds } from '../repo-household';
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

/**
 * Writes households' surveys of one province and year into the register (each household at most once),
 * in a few set-based statements whatever their number; returns the household ids in order.
 */
export async function writeHouseholdSurveys(tx: Db, ws: HouseholdSurveyWrite[]): Promise<number[]> {
  if (!ws.length) return [];
  const { provinceId } = ws[0].commune;
  const year = ws[0].year;
  if (ws.some((w) => w.commune.provinceId !== provinceId || w.year !== year))
    throw new Error('writeHouseholdSurveys: one province and year per call');
  const minority = ws.map((w) => isEthnicMinority(w.headEthnicity));
  const ids = await upsertHouseholds(
    tx,
    ws.map((w, i) => ({
      provinceId,
      communeId: w.commune.id,
      code: w.code,
      headName: w.headName,
      headIdNumber: w.headIdNumber,
      headEthnicity: w.headEthnicity,
      ethnicMinority: minority[i],
      village: w.village,
      area: w.area,
      membersCount: w.members.length,
    })),
  );
  await replaceHouseholdMembers(
    tx,
    provinceId,
    ids,
    ws.flatMap((w, i) =>
      [...w.members]
        .sort((a, b) => a.seq - b.seq)
        .map((m, k) => ({
          householdId: ids[i],
          seq: k + 1,
          fullName: m.fullName,
          relation: m.relation,
          birthDate: m.birthDate,
          sex: m.sex ? SEX_IN_REGISTER[m.sex] : null,
          idNumber: m.idNumber,
          ethnicity: m.ethnicity,
        })),
    ),
  );
  const previous = await previousClasses(tx, provinceId, ids, year);
  await upsertHouseholdResults(
    tx,
    year,
    ws.map((w, i) => {
      const r = w.classification;
      return {
        provinceId,
        householdId: ids[i],
        communeId: w.commune.id,
        area: w.area,
        ethnicMinority: minority[i],
        standardId: r.standardId,
        scoreA: r.scoreA,
        income: r.incomePerCapita,
        scoreB: r.scoreB,
        deprived: r.deprived,
        class: r.class,
        previousClass: previous.get(ids[i]) ?? w.previousClass,
        flags: r.flags,
        decisionNo: null,
        decisionDate: null,
        occupation: w.occupation,
        noLabourCapacity: w.noLabourCapacity,
      };
    }),
  );
  return ids;
}

/** After the households of a commune were written: its aggregates, and the years that depend on this one. */
export async function refreshAfterSurveys(tx: Db, year: number, communeIds: string[]): Promise<void> {
  await refreshAggregates(tx, year, communeIds);
  await repo.propagateToNextYear(tx, year, communeIds);
  for (const later of await repo.laterYears(tx, year, communeIds))
    await refreshAggregates(tx, later.year, later.communeIds);
}
