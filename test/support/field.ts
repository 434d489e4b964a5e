/** Fixtures of the field tests: a phone's survey draft in Phường Ba Đình, and the commune's review workbook. */
import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { FieldSurveyDraft } from '../../src/domain/field/draft';
import { NATIONAL_CATALOG } from '../../src/domain/poverty/standards';
import { writeReviewWorkbook, type TemplateRows } from '../../src/modules/poverty/excel';

// Phường Ba Đình (00004): its boundary's box is about 105.827–105.850 E, 21.028–21.051 N.
export const IN_BA_DINH = { lat: 21.0394, lng: 105.8387, accuracyM: 12, takenAt: '2026-11-20T02:00:00Z' };

/** A 2026 survey of household `code` of Ba Đình, its head alone, located inside the commune. */
export function fieldDraft(code: string, over: Partial<FieldSurveyDraft> = {}): FieldSurveyDraft {
  const headName = over.headName ?? `Chủ hộ ${code}`;
  return {
    clientId: randomUUID(),
    communeCode: '00004',
    year: 2026,
    householdCode: code,
    headName: `Chủ hộ ${code}`,
    headIdNumber: null,
    headEthnicity: 'Kinh',
    village: 'Tổ 1',
    area: 'urban',
    occupation: 'other',
    noLabourCapacity: false,
    previousClass: null,
    scoreA: null,
    b1Answers: null,
    incomePerCapita: 1_500_000,
    deprived: ['1.1', '2.2', '6.1'],
    members: [
      {
        seq: 1,
        fullName: headName,
        relation: 'Chủ hộ',
        birthDate: '1980-01-01',
        sex: 'male',
        idNumber: null,
        ethnicity: 'Kinh',
      },
    ],
    position: IN_BA_DINH,
    photos: [],
    surveyedAt: '2026-11-20T02:05:00Z',
    note: null,
    ...over,
  };
}

/** Ba Đình's review workbook of 2025 with these rows, as a file to upload. */
export async function baDinhWorkbook(rows: TemplateRows): Promise<Blob> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (d: Buffer) => chunks.push(d));
  const ended = new Promise((r) => out.on('end', r));
  await writeReviewWorkbook(out, { communeName: 'Phường Ba Đình', year: 2025, catalog: NATIONAL_CATALOG }, rows);
  await ended;
  return new Blob([new Uint8Array(Buffer.concat(chunks))]);
}
