/**
 * One client id sent for two communes at the same instant: each commune's sync holds only its own
 * commune's lock, so without a lock on the client id both would pass the "already stored" check and one
 * would fail on the unique client id (a 500, nothing written). Each survey must get a status instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TemplateRows } from '../../src/modules/poverty/excel';
import { testApp, TEST_PASSWORD, type Client, type TestApp } from '../support/app';
import { baDinhWorkbook, fieldDraft } from '../support/field';

let t: TestApp;
let province: Client;
let other: { id: string; code: string };

const rows: TemplateRows = {
  households: ['H1', 'H2', 'H3', 'H4'].map((code) => [
    code,
    `Chủ hộ ${code}`,
    null,
    'Kinh',
    'Tổ 1',
    'Thành thị',
    170,
    null,
    '1.1; 2.2; 6.1',
    null,
    null,
    null,
    null,
  ]),
  members: ['H1', 'H2', 'H3', 'H4'].map((code) => [
    code,
    `Chủ hộ ${code}`,
    'Chủ hộ',
    '01/01/1980',
    'Nam',
    null,
    'Kinh',
  ]),
};

async function importRegister(communeId: string) {
  const form = new FormData();
  form.append('file', await baDinhWorkbook(rows), 'so-ra-soat.xlsx');
  const login = await t.client().post('/api/auth/login', { username: 't.province-officer', password: TEST_PASSWORD });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const res = await t.fetch(
    new Request(`http://localhost/api/poverty/communes/${encodeURIComponent(communeId)}/import?year=2025`, {
      method: 'POST',
      body: form,
      headers: { cookie },
    }),
  );
  expect(res.status, await res.clone().text()).toBe(200);
}

beforeAll(async () => {
  t = await testApp();
  other = await t.db.one<{ id: string; code: string }>(
    `SELECT id, code FROM admin_unit WHERE level = 'commune' AND valid_to IS NULL AND province_id = $1 AND code <> '00004' ORDER BY code LIMIT 1`,
    [t.scope.provinceId],
  );
  await importRegister(t.scope.communeId);
  await importRegister(other.id);
  province = await t.as('province_officer');
});
afterAll(() => t?.close());

const REUSED = (code: string) =>
  `Mã phiếu này đã được dùng cho phiếu của hộ mã ${code} năm 2026; phiếu này chưa được nhận. Hãy lập phiếu mới cho hộ.`;

/** The stored surveys, the audit rows and the 2026 results of a client id and household in both communes. */
async function state(clientId: string, code: string) {
  const surveys = await t.db.query<{ commune_id: string; status: string }>(
    `SELECT commune_id, status FROM field_survey WHERE client_id = $1`,
    [clientId],
  );
  const audits = await t.db.query<{ action: string; unit_id: string }>(
    `SELECT action, unit_id FROM audit_log WHERE entity = 'field_survey' AND entity_id = $1`,
    [clientId],
  );
  const results = await t.db.query<{ commune_id: string; class: string }>(
    `SELECT h.commune_id, r.class FROM poverty_result r
     JOIN poverty_household h ON h.province_id = r.province_id AND h.id = r.household_id
     WHERE r.year = 2026 AND h.household_code = $1 ORDER BY h.commune_id`,
    [code],
  );
  return { surveys, audits, results };
}

describe('field sync, one client id for two communes', () => {
  // several rounds: the two requests meet in the database in either order
  for (const code of ['H1', 'H2', 'H3'])
    it(`at the same instant (household ${code}): one accepted, the other rejected with a message to make a new survey; never an error; one audit row`, async () => {
      const inBaDinh = fieldDraft(code);
      const elsewhere = fieldDraft(code, { clientId: inBaDinh.clientId, communeCode: other.code, position: null });
      const replies = await Promise.all([
        province.post('/api/field/surveys', { surveys: [inBaDinh] }),
        province.post('/api/field/surveys', { surveys: [elsewhere] }),
      ]);
      expect(replies.map((r) => r.status)).toEqual([200, 200]);
      const results = replies.map((r) => r.body.results[0]);
      const winner = results.findIndex((r: any) => r.status === 'accepted');
      expect(winner).toBeGreaterThanOrEqual(0);
      const winnerCommune = winner === 0 ? t.scope.communeId : other.id;
      expect(results[1 - winner]).toEqual({
        clientId: inBaDinh.clientId,
        status: 'rejected',
        message: REUSED(code),
        problems: [{ path: 'clientId', message: 'Mã phiếu đã được dùng cho một phiếu khác.' }],
      });
      expect(await state(inBaDinh.clientId, code)).toEqual({
        surveys: [{ commune_id: winnerCommune, status: 'accepted' }],
        audits: [{ action: 'field.survey.accept', unit_id: winnerCommune }],
        // Decree 07/2021, Art. 3 (2026), urban: income ≤ 2,000,000 VND and ≥ 3 deprivations → poor
        results: [{ commune_id: winnerCommune, class: 'poor' }],
      });
      // sent again: the stored survey is a duplicate, the other one still refused; nothing changes
      const again = await province.post('/api/field/surveys', { surveys: [inBaDinh, elsewhere] });
      expect(again.body.results.map((r: any) => r.status)).toEqual(
        winner === 0 ? ['duplicate', 'rejected'] : ['rejected', 'duplicate'],
      );
      expect((await state(inBaDinh.clientId, code)).audits).toHaveLength(1);
    });

  it('in one request: the first is judged, the second under its id is another survey and refused', async () => {
    const inBaDinh = fieldDraft('H4');
    const elsewhere = fieldDraft('H4', { clientId: inBaDinh.clientId, communeCode: other.code, position: null });
    const r = await province.post('/api/field/surveys', { surveys: [inBaDinh, elsewhere] });
    expect(r.status).toBe(200);
    expect(r.body.results).toEqual([
      { clientId: inBaDinh.clientId, status: 'accepted' },
      {
        clientId: inBaDinh.clientId,
        status: 'rejected',
        message: REUSED('H4'),
        problems: [{ path: 'clientId', message: 'Mã phiếu đã được dùng cho một phiếu khác.' }],
      },
    ]);
    expect(await state(inBaDinh.clientId, 'H4')).toEqual({
      surveys: [{ commune_id: t.scope.communeId, status: 'accepted' }],
      audits: [{ action: 'field.survey.accept', unit_id: t.scope.communeId }],
      results: [{ commune_id: t.scope.communeId, class: 'poor' }],
    });
  });
});
