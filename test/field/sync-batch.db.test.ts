/**
 * The sync's batch path: the surveys of one request are judged in order, written with set-based statements
 * and audited in one statement at the end of the commune's transaction; two phones of one commune syncing
 * at once never both take a household; the audit chain stays whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldSurveyDraft } from '../../src/domain/field/draft';
import { systemActor } from '../../src/modules/audit/audit';
import { verifyAuditChain } from '../../src/modules/audit/chain';
import type { TemplateRows } from '../../src/modules/poverty/excel';
import { createUser } from '../../src/modules/users/service';
import { testApp, TEST_PASSWORD, type Client, type TestApp } from '../support/app';
import { baDinhWorkbook, fieldDraft } from '../support/field';

let t: TestApp;
let officer: Client;
let second: Client;
let officerCookie: string;

async function login(username: string): Promise<[Client, string]> {
  const res = await t.client().post('/api/auth/login', { username, password: TEST_PASSWORD });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return [t.client(cookie), cookie];
}

const sync = (c: Client, surveys: unknown[]) => c.post('/api/field/surveys', { surveys });
const statuses = (r: { body: any }) => r.body.results.map((x: any) => x.status);

beforeAll(async () => {
  t = await testApp();
  await createUser(t.db, systemActor('test'), {
    username: 't.reviewer-2',
    displayName: 'Người rà soát thứ hai',
    password: TEST_PASSWORD,
    grants: [{ role: 'commune_officer', agencyId: null, unitId: t.scope.communeId }],
  });
  [officer, officerCookie] = await login('t.commune-officer');
  [second] = await login('t.reviewer-2');
  const rows: TemplateRows = {
    households: [
      ['H1', 'Nguyễn Văn Một', null, 'Kinh', 'Tổ 1', 'Thành thị', 170, null, '1.1; 2.2; 6.1', null, null, null, null],
      ['H2', 'Lê Thị Hai', null, 'Mường', 'Tổ 2', 'Thành thị', 170, null, '4.2', null, null, null, null],
      ['H3', 'Phạm Văn Ba', null, 'Kinh', 'Tổ 2', 'Thành thị', null, 5_000_000, '', null, null, null, null],
    ],
    members: [
      ['H1', 'Nguyễn Văn Một', 'Chủ hộ', '01/01/1980', 'Nam', null, 'Kinh'],
      ['H2', 'Lê Thị Hai', 'Chủ hộ', null, 'Nữ', null, 'Mường'],
      ['H3', 'Phạm Văn Ba', 'Chủ hộ', null, 'Nam', null, 'Kinh'],
    ],
  };
  const form = new FormData();
  form.append('file', await baDinhWorkbook(rows), 'so-ra-soat.xlsx');
  const imported = await t.fetch(
    new Request(`http://localhost/api/poverty/communes/${encodeURIComponent(t.scope.communeId)}/import?year=2025`, {
      method: 'POST',
      body: form,
      headers: { cookie: officerCookie },
    }),
  );
  expect(imported.status).toBe(200);
});
afterAll(() => t?.close());

describe('field sync, batch path', () => {
  let a: FieldSurveyDraft;
  let b: FieldSurveyDraft;
  it('one request is judged in order: a client id twice is a duplicate, a second survey of a household a conflict; the first one is the register’s', async () => {
    a = fieldDraft('H1', {
      members: [
        {
          seq: 2,
          fullName: 'Nguyễn Thị Con',
          relation: 'Con',
          birthDate: '2010-05-05',
          sex: 'female',
          idNumber: null,
          ethnicity: 'Kinh',
        },
        {
          seq: 1,
          fullName: 'Chủ hộ H1',
          relation: 'Chủ hộ',
          birthDate: '1980-01-01',
          sex: 'male',
          idNumber: null,
          ethnicity: 'Kinh',
        },
      ],
    });
    b = fieldDraft('H1', { incomePerCapita: 6_000_000, deprived: [] });
    const r = await sync(officer, [a, a, b, fieldDraft('H9')]);
    expect(r.status).toBe(200);
    expect(statuses(r)).toEqual(['accepted', 'duplicate', 'conflict', 'rejected']);
    expect(r.body.results[2].message).toMatch(/chờ cán bộ xã chọn phiếu đúng/);
    const stored = await t.db.query<{ id: string; status: string }>(
      `SELECT client_id::text AS id, status FROM field_survey ORDER BY received_at, status`,
    );
    expect(stored.map((s) => [s.id, s.status])).toEqual([
      [a.clientId, 'accepted'],
      [b.clientId, 'conflict'],
    ]);
    // Decree 07/2021, Art. 3 (2026), urban: income ≤ 2,000,000 VND and ≥ 3 deprivations → poor (survey a)
    const h1 = await t.db.one<{ class: string; previous_class: string; members_count: number }>(
      `SELECT r.class, r.previous_class, h.members_count FROM poverty_result r
       JOIN poverty_household h ON h.province_id = r.province_id AND h.id = r.household_id
       WHERE r.year = 2026 AND h.commune_id = $1 AND h.household_code = 'H1'`,
      [t.scope.communeId],
    );
    expect(h1).toEqual({ class: 'poor', previous_class: 'poor', members_count: 2 });
    const members = await t.db.query<{ seq: number; full_name: string; sex: string }>(
      `SELECT m.seq, m.full_name, m.sex FROM poverty_member m JOIN poverty_household h ON h.province_id = m.province_id AND h.id = m.household_id
       WHERE h.commune_id = $1 AND h.household_code = 'H1' ORDER BY m.seq`,
      [t.scope.communeId],
    );
    expect(members.map((m) => [m.seq, m.full_name, m.sex])).toEqual([
      [1, 'Chủ hộ H1', 'Nam'],
      [2, 'Nguyễn Thị Con', 'Nữ'],
    ]);
  });

  it('two phones of the commune syncing at once: one household taken once, the other phone’s survey waits; aggregates and the audit chain right', async () => {
    const d = fieldDraft('H2', {
      village: 'Tổ 2',
      incomePerCapita: 3_000_000,
      deprived: ['4.2'],
      headEthnicity: 'Mường',
    });
    const e = fieldDraft('H2', {
      village: 'Tổ 2',
      incomePerCapita: 3_000_000,
      deprived: ['4.2'],
      headEthnicity: 'Mường',
    });
    const f = fieldDraft('H3', { village: 'Tổ 2', incomePerCapita: 6_000_000, deprived: [] });
    const [rd, re] = await Promise.all([sync(officer, [d, f]), sync(second, [e])]);
    expect([statuses(rd)[0], statuses(re)[0]].sort()).toEqual(['accepted', 'conflict']);
    expect(statuses(rd)[1]).toBe('accepted');
    const live = await t.db.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM field_survey WHERE household_code = 'H2' GROUP BY 1 ORDER BY 1`,
    );
    expect(live).toEqual([
      { status: 'accepted', n: 1 },
      { status: 'conflict', n: 1 },
    ]);
    // H1 poor, H2 and H3 above the urban line → not poor; H2 near poor last year → escaped near poverty
    const agg = await t.db.one<{ households: number; poor: number; escaped_near_poor: number }>(
      `SELECT sum(households)::int AS households, sum(poor)::int AS poor, sum(escaped_near_poor)::int AS escaped_near_poor
       FROM poverty_aggregate WHERE year = 2026 AND commune_id = $1`,
      [t.scope.communeId],
    );
    expect(agg).toEqual({ households: 3, poor: 1, escaped_near_poor: 1 });
    const trail = await t.db.query<{ action: string; entity_id: string }>(
      `SELECT action, entity_id FROM audit_log WHERE entity = 'field_survey' ORDER BY chain_seq`,
    );
    expect(trail.slice(0, 2)).toEqual([
      { action: 'field.survey.accept', entity_id: a.clientId },
      { action: 'field.survey.conflict', entity_id: b.clientId },
    ]);
    expect(
      trail
        .slice(2)
        .map((x) => x.entity_id)
        .sort(),
    ).toEqual([d.clientId, e.clientId, f.clientId].sort());
    expect(trail).toHaveLength(5);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, broken: null });
  });
});
