import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedHousehold, ParsedMember } from '../../src/domain/poverty/workbook';
import { findCommuneOn, type CommuneRow } from '../../src/modules/poverty/repo';
import { classifyParsed, importParsed } from '../../src/modules/poverty/service';
import { testDatabase, type TestDatabase } from '../support/db';

/**
 * A big import does not hold the database while its rows are loaded: they are staged outside its transaction, so on
 * the embedded engine (one session, one client at a time) other clients' statements run in between; the transaction
 * that moves them into the register stays all-or-nothing.
 */
let t: TestDatabase;
let commune: CommuneRow;
const CLI = { system: 'kiểm thử' };
const YEAR = 2024;
const HOUSEHOLDS = 12_000;

beforeAll(async () => {
  t = await testDatabase();
  commune = (await findCommuneOn(t.db, '00004', `${YEAR}-12-14`))!;
});
afterAll(() => t.close());

function generated(n: number): { households: ParsedHousehold[]; members: ParsedMember[] } {
  const households: ParsedHousehold[] = [];
  const members: ParsedMember[] = [];
  for (let k = 0; k < n; k++) {
    const code = `H${String(k + 1).padStart(6, '0')}`;
    households.push({
      row: k + 2,
      code,
      headName: `Chủ hộ ${k + 1}`,
      headIdNumber: null,
      headEthnicity: 'Kinh',
      ethnicMinority: false,
      village: null,
      area: 'rural',
      // every tenth household below the rural line with three deprivations: poor (Decree 07/2021, Art. 3)
      scoreA: k % 10 === 0 ? 100 : 200,
      income: null,
      deprived: k % 10 === 0 ? ['1.1', '2.1', '3.1'] : [],
      scoreB: null,
      previousClass: null,
      decisionNo: null,
      decisionDate: null,
      occupation: null,
      noLabourCapacity: null,
    });
    for (let j = 0; j < 3; j++)
      members.push({
        row: members.length + 2,
        householdCode: code,
        fullName: `Thành viên ${k + 1}-${j + 1}`,
        relation: j === 0 ? 'Chủ hộ' : 'Con',
        birthDate: null,
        sex: null,
        idNumber: null,
        ethnicity: null,
      });
  }
  return { households, members };
}

function item(sha: string) {
  const g = generated(HOUSEHOLDS);
  const { results, problems } = classifyParsed(g.households, YEAR);
  expect(problems).toEqual([]);
  return { commune, sha, fileName: `${sha}.xlsx`, ...g, results };
}

const count = async (sql: string, params: unknown[] = []) =>
  (await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).n;

const registered = () => count('poverty_household WHERE commune_id = $1', [commune.id]);
const stages = () => count(`pg_class WHERE relname LIKE 'poverty_stage_%'`);

describe('a big import and other clients', () => {
  it('a failure at the very end (the audit row) leaves nothing: no household, member, result, import or stage', async () => {
    // The audit row is the import transaction's last write.
    await t.db.query(`CREATE FUNCTION fail_import_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.action = 'poverty.import.create' AND NEW.after->>'sha256' = 'fails-at-end' THEN
          RAISE EXCEPTION 'hỏng ở bước cuối';
        END IF;
        RETURN NEW;
      END $$`);
    await t.db.query(
      `CREATE TRIGGER fail_import_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION fail_import_audit()`,
    );
    await expect(importParsed(t.db, CLI, YEAR, [item('fails-at-end')])).rejects.toThrow('hỏng ở bước cuối');
    expect(await registered()).toBe(0);
    expect(await count('poverty_result WHERE commune_id = $1', [commune.id])).toBe(0);
    expect(await count('poverty_member')).toBe(0);
    expect(await count('poverty_import WHERE commune_id = $1', [commune.id])).toBe(0);
    expect(await count('poverty_aggregate WHERE commune_id = $1', [commune.id])).toBe(0);
    expect(await stages()).toBe(0);
  });

  it('while 12,000 households and 36,000 members are imported, another client reads, sees none of them, and is answered before the import ends', async () => {
    const events: string[] = [];
    const running = importParsed(t.db, CLI, YEAR, [item('big')]).then((r) => {
      events.push('import committed');
      return r;
    });
    // Wait (by polling, each poll a statement of another client) until the import is loading its stage.
    while ((await stages()) === 0) {
      if (events.length) throw new Error('the import ended before its stage was seen');
    }
    events.push('stage seen');
    // A reader's statement now: answered between the import's chunks, from what is committed (nothing of it yet).
    const during = await registered();
    events.push(`read: ${during} households`);
    const [done] = await running;
    expect(events).toEqual(['stage seen', 'read: 0 households', 'import committed']);
    expect(done.unchanged).toBe(false);
    expect(await registered()).toBe(HOUSEHOLDS);
    expect(await count('poverty_member')).toBe(3 * HOUSEHOLDS);
    expect(
      await t.db.one(
        'SELECT sum(households)::int AS households, sum(poor)::int AS poor FROM poverty_aggregate WHERE commune_id = $1 AND year = $2',
        [commune.id, YEAR],
      ),
    ).toEqual({ households: HOUSEHOLDS, poor: HOUSEHOLDS / 10 });
    expect(await stages()).toBe(0);
  });

  it('the same content again changes nothing and stages nothing', async () => {
    const [again] = await importParsed(t.db, CLI, YEAR, [item('big')]);
    expect(again).toEqual({ communeId: commune.id, importId: null, unchanged: true });
    expect(await count('poverty_import WHERE commune_id = $1', [commune.id])).toBe(1);
  });
});
