/**
 * The review template's guide sheet is written from the catalog read from the database: a standard added
 * there as data (a new version, a province's own standard) shows without a code change or a data file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { STANDARD_ND07_2021 } from '../../src/domain/poverty/standards';
import type { PovertyStandard } from '../../src/domain/poverty/types';
import { saveStandards } from '../../src/modules/poverty/repo-standards';
import { testApp, TEST_PASSWORD, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

const sourced = (value: number, citation: string) => ({ value, citation, status: 'unverified', sources: [] });

/** Values invented for the test and marked unverified; no code or data file knows them. */
function standard(id: string, local: boolean): PovertyStandard {
  const citation = `Quyết định thử nghiệm ${id}`;
  return {
    id,
    nameVi: `Chuẩn nghèo thử nghiệm ${id}`,
    citation,
    issued: '2030-06-01',
    effectiveFrom: '2031-01-01',
    status: 'unverified',
    sources: [],
    incomeLine: { rural: sourced(3_000_000, citation), urban: sourced(3_600_000, citation) },
    minDeprivations: sourced(2, citation),
    scoreRules: null,
    averageBand: null,
    lowIncomeWorker: null,
    indicators: STANDARD_ND07_2021.indicators.slice(0, 2).map((i) => ({ ...i, thresholdVi: `${id}: ${i.code}` })),
    ...(local ? { local: true } : {}),
  } as PovertyStandard;
}

async function guideLines(year: number): Promise<string[]> {
  const login = await t.client().post('/api/auth/login', { username: 't.commune-officer', password: TEST_PASSWORD });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const res = await t.fetch(
    new Request(
      `http://localhost/api/poverty/communes/${encodeURIComponent(t.scope.communeId)}/template.xlsx?year=${year}`,
      { headers: { cookie } },
    ),
  );
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(await res.arrayBuffer()) as never);
  const lines: string[] = [];
  wb.getWorksheet('Hướng dẫn')!.eachRow((row) =>
    lines.push(
      (row.values as ExcelJS.CellValue[])
        .slice(1)
        .map((v) => String(v ?? ''))
        .join(' | '),
    ),
  );
  return lines;
}

describe('the review template reads the standards from the database', () => {
  it('a standard added only in the database appears in the guide sheet of the template', async () => {
    const before = await guideLines(2031);
    expect(before[1]).toBe('Chuẩn áp dụng: chưa có chuẩn nghèo cho năm này');
    expect(before.some((l) => l.includes('TEST-2031') || l.includes('TINH-THU-2031'))).toBe(false);
    await t.db.tx((tx) =>
      saveStandards(tx, {
        standards: [standard('TEST-2031', false), standard('TINH-THU-2031', true)],
        applications: [
          {
            standardId: 'TEST-2031',
            fromYear: 2031,
            toYear: 2031,
            from: '2031-01-01',
            to: '2031-12-31',
            citation: 'Quyết định thử nghiệm TEST-2031',
            status: 'unverified',
            sources: [],
          },
        ],
        itemTables: [],
      }),
    );
    const after = await guideLines(2031);
    expect(after[1]).toBe('Chuẩn áp dụng: Chuẩn nghèo thử nghiệm TEST-2031 (Quyết định thử nghiệm TEST-2031)');
    expect(after).toContain(
      'Chuẩn của địa phương (phân loại kèm chuẩn quốc gia): Chuẩn nghèo thử nghiệm TINH-THU-2031 (Quyết định thử nghiệm TINH-THU-2031)',
    );
    const [i1, i2] = STANDARD_ND07_2021.indicators;
    expect(after).toContain(`${i1.code} | ${i1.dimensionVi}: ${i1.nameVi} | TEST-2031: ${i1.code} (${i1.status})`);
    expect(after).toContain(`${i2.code} | ${i2.dimensionVi}: ${i2.nameVi} | TEST-2031: ${i2.code} (${i2.status})`);
    // The national standard of 2025 is still the one of its year.
    expect((await guideLines(2025))[1]).toContain(STANDARD_ND07_2021.nameVi);
  });
});
