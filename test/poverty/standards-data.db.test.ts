import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogFromData } from '../../src/domain/poverty/catalog';
import { NATIONAL_CATALOG, STANDARD_ND07_2021 } from '../../src/domain/poverty/standards';
import type { PovertyStandard } from '../../src/domain/poverty/types';
import { povertyStandardsDataset, readStandardsFile } from '../../src/modules/poverty/load';
import { saveStandards } from '../../src/modules/poverty/repo-standards';
import { classifyOne, standardsCatalog } from '../../src/modules/poverty/service';
import { testDatabase, type TestDatabase } from '../support/db';

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t?.close());

const sourced = (value: number, citation: string) => ({ value, citation, status: 'unverified', sources: [] });

/**
 * A standard that exists only as data: a province's own standard (higher lines, as a province may set for
 * its territory) and a version for 2031 nobody has issued. Values are invented for the test and marked
 * unverified; no code knows them.
 */
function provincial(id: string, local: boolean): PovertyStandard {
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
    indicators: STANDARD_ND07_2021.indicators.slice(0, 4).map((i) => ({ ...i, sources: ['TEST'] })),
    ...(local ? { local: true } : {}),
  } as PovertyStandard;
}

describe('poverty standards loaded from data', () => {
  it('the catalog read back from the database is the data file, every citation and status kept', async () => {
    expect(readStandardsFile()).toMatchObject(NATIONAL_CATALOG);
    expect(await standardsCatalog(t.db)).toEqual(NATIONAL_CATALOG);
  });

  it('a new standard added as data classifies a household, without code changes', async () => {
    const version = provincial('TEST-2031', false);
    const local = provincial('TINH-THU-2031', true);
    const referenceVersion = async () =>
      (await t.db.one<{ version: string }>('SELECT version::text FROM reference_version')).version;
    const before = await referenceVersion();
    await t.db.tx((tx) =>
      saveStandards(tx, {
        standards: [version, local],
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
    // The standards answer of the API is a reference snapshot: the change drops it.
    expect(await referenceVersion()).not.toBe(before);
    // 2,900,000 ≤ the new rural line 3,000,000 and 2 deprivations ≥ the new minimum 2 → poor.
    const household = { area: 'rural' as const, year: 2031, incomePerCapita: 2_900_000, deprived: ['1.1', '2.1'] };
    const out = await classifyOne(t.db, household);
    expect(out).toMatchObject({ class: 'poor', standardId: 'TEST-2031', deprivationCount: 2 });
    expect(out.reasons.map((r) => r.citation)).toContain('Quyết định thử nghiệm TEST-2031');
    expect(out.flags).toContain('unverified_value');
    // The province's own standard, chosen by id, for a year the national standard covers.
    const mine = await classifyOne(t.db, { ...household, year: 2025, standardId: 'TINH-THU-2031' });
    expect(mine).toMatchObject({ class: 'poor', standardId: 'TINH-THU-2031' });
    // The national standard of 2025 classifies the same household as over the line (1,500,000).
    expect(await classifyOne(t.db, { ...household, year: 2025 })).toMatchObject({ class: 'not_poor' });
    // Reloading the national file replaces the national rows but keeps the province's standard.
    await t.db.tx((tx) => povertyStandardsDataset.load(tx));
    const after = await standardsCatalog(t.db);
    expect(after.standards.map((s) => s.id)).toEqual(['ND07-2021', 'ND351-2025', 'TINH-THU-2031']);
    expect(after.applications).toEqual(NATIONAL_CATALOG.applications);
  });

  it('a data file with a value missing its citation or status is refused, naming where', () => {
    const raw = JSON.parse(fs.readFileSync(path.join('reference', 'poverty', 'standards.json'), 'utf8'));
    delete raw.standards[0].incomeLine.rural.citation;
    expect(() => catalogFromData(raw)).toThrow('standards[0].incomeLine.rural: thiếu căn cứ (citation)');
    raw.standards[0].incomeLine.rural.citation = 'x';
    raw.standards[1].minDeprivations.status = 'VERIFIED';
    expect(() => catalogFromData(raw)).toThrow('standards[1].minDeprivations: trạng thái "VERIFIED"');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gn-std-')), 'standards.json');
    fs.writeFileSync(file, JSON.stringify(raw));
    expect(() => readStandardsFile(file)).toThrow(/Danh mục chuẩn nghèo không hợp lệ/);
  });
});
