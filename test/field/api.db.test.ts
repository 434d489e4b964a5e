import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldSurveyDraft } from '../../src/domain/field/draft';
import type { TemplateRows } from '../../src/modules/poverty/excel';
import { systemActor } from '../../src/modules/audit/audit';
import { createUser } from '../../src/modules/users/service';
import { testApp, TEST_PASSWORD, type Client, type TestApp } from '../support/app';
import { baDinhWorkbook, fieldDraft, IN_BA_DINH } from '../support/field';

const JPEG = fs.readFileSync(path.join(import.meta.dirname, '../fixtures/field/nha.jpg'));

let t: TestApp;
let officer: Client; // commune officer of Ba Đình (first reviewer)
let second: Client; // a second reviewer of Ba Đình
let outsider: Client; // commune officer of another commune of Hà Nội
let otherCommuneId: string;

async function login(username: string): Promise<Client> {
  const res = await t.client().post('/api/auth/login', { username, password: TEST_PASSWORD });
  expect(res.status).toBe(200);
  return t.client((res.headers.get('set-cookie') ?? '').split(';')[0]);
}

async function raw(username: string, method: string, url: string, body: Buffer, type: string) {
  const res = await t.client().post('/api/auth/login', { username, password: TEST_PASSWORD });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const r = await t.fetch(
    new Request(`http://localhost${url}`, {
      method,
      body: new Uint8Array(body),
      headers: { cookie, 'content-type': type },
    }),
  );
  return { status: r.status, body: (await r.json()) as any };
}

const count = async (sql: string, params: unknown[] = []) =>
  Number((await t.db.one<{ n: string }>(`SELECT count(*) AS n FROM ${sql}`, params)).n);

async function photo(username = 't.commune-officer'): Promise<string> {
  const id = randomUUID();
  const r = await raw(username, 'POST', `/api/field/photos/${id}`, JPEG, 'image/jpeg');
  expect(r.status).toBe(200);
  return id;
}

const sync = (c: Client, surveys: unknown[]) => c.post('/api/field/surveys', { surveys });

beforeAll(async () => {
  t = await testApp();
  otherCommuneId = (
    await t.db.one<{ id: string }>(
      `SELECT id FROM admin_unit WHERE level = 'commune' AND valid_to IS NULL AND province_id = $1 AND code <> '00004' ORDER BY code LIMIT 1`,
      [t.scope.provinceId],
    )
  ).id;
  for (const [username, unitId] of [
    ['t.reviewer-2', t.scope.communeId],
    ['t.outsider', otherCommuneId],
  ] as const) {
    await createUser(t.db, systemActor('test'), {
      username,
      displayName: username === 't.outsider' ? 'Cán bộ xã khác' : 'Người rà soát thứ hai',
      password: TEST_PASSWORD,
      grants: [{ role: 'commune_officer', agencyId: null, unitId }],
    });
  }
  officer = await login('t.commune-officer');
  second = await login('t.reviewer-2');
  outsider = await login('t.outsider');
  // last year's register: H1 (poor), H2 (near poor), H3 (not poor) in Ba Đình
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
  const res = await t.client().post('/api/auth/login', { username: 't.commune-officer', password: TEST_PASSWORD });
  const imported = await t.fetch(
    new Request(`http://localhost/api/poverty/communes/${encodeURIComponent(t.scope.communeId)}/import?year=2025`, {
      method: 'POST',
      body: form,
      headers: { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] },
    }),
  );
  expect(imported.status).toBe(200);
});
afterAll(() => t?.close());

describe('field API', () => {
  it('download: the reviewer gets the commune, its villages and households with last year’s class; another commune’s officer gets 403', async () => {
    const r = await officer.get('/api/field/assignments?year=2026');
    expect(r.status).toBe(200);
    expect(r.body.standardId).toBe('ND07-2021');
    expect(r.body.communes).toHaveLength(1);
    const c = r.body.communes[0];
    expect(c).toMatchObject({ id: t.scope.communeId, code: '00004', name: 'Phường Ba Đình' });
    expect(c.box[0]).toBeCloseTo(105.827, 3);
    expect(c.villages).toEqual([
      { name: 'Tổ 1', households: 1 },
      { name: 'Tổ 2', households: 2 },
    ]);
    expect(c.households.map((h: any) => [h.code, h.previousClass, h.surveyed])).toEqual([
      ['H1', 'poor', false],
      ['H2', 'near_poor', false],
      ['H3', 'not_poor', false],
    ]);
    expect(c.households[0].members).toEqual([
      expect.objectContaining({ fullName: 'Nguyễn Văn Một', sex: 'male', birthDate: '1980-01-01' }),
    ]);
    const other = await outsider.get(
      `/api/field/assignments?year=2026&commune=${encodeURIComponent(t.scope.communeId)}`,
    );
    expect(other.status).toBe(403);
    expect(JSON.stringify(other.body)).not.toContain('Nguyễn Văn Một');
    const own = await outsider.get('/api/field/assignments?year=2026');
    expect(own.body.communes.map((x: any) => x.id)).toEqual([otherCommuneId]);
    expect(JSON.stringify(own.body)).not.toContain('Nguyễn Văn Một');
  });

  it('photos: a real JPEG is stored once (a retry is a duplicate); text called a JPEG and a photo over 1.5 MB are refused in Vietnamese', async () => {
    const id = randomUUID();
    const a = await raw('t.commune-officer', 'POST', `/api/field/photos/${id}`, JPEG, 'image/jpeg');
    expect(a).toMatchObject({ status: 200, body: { id, size: JPEG.length, duplicate: false } });
    const b = await raw('t.commune-officer', 'POST', `/api/field/photos/${id}`, JPEG, 'image/jpeg');
    expect(b.body.duplicate).toBe(true);
    expect(await count('field_photo WHERE id = $1', [id])).toBe(1);
    const text = await raw(
      't.commune-officer',
      'POST',
      `/api/field/photos/${randomUUID()}`,
      Buffer.from('không phải ảnh'),
      'image/jpeg',
    );
    expect(text.status).toBe(415);
    expect(text.body.error.message).toMatch(/không phải ảnh JPEG/);
    const big = Buffer.concat([JPEG.subarray(0, JPEG.length - 2), Buffer.alloc(1_600_000), Buffer.from([0xff, 0xd9])]);
    const tooBig = await raw('t.commune-officer', 'POST', `/api/field/photos/${randomUUID()}`, big, 'image/jpeg');
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.message).toMatch(/vượt quá giới hạn 1,5 MiB/);
    expect(await count('field_photo')).toBe(1);
  });

  let first: FieldSurveyDraft[];
  it('sync: three surveys are classified into the register and aggregates with one audit row each; the same drafts again change nothing', async () => {
    first = [
      fieldDraft('H1', { photos: [{ id: await photo(), contentType: 'image/jpeg', takenAt: '2026-11-20T02:01:00Z' }] }),
      fieldDraft('H2', {
        village: 'Tổ 2',
        incomePerCapita: 3_000_000,
        deprived: ['4.2'],
        headName: 'Lê Thị Hai',
        headEthnicity: 'Mường',
      }),
      fieldDraft('H3', { village: 'Tổ 2', incomePerCapita: 6_000_000, deprived: [] }),
    ];
    const r = await sync(officer, first);
    expect(r.status).toBe(200);
    expect(r.body.results).toEqual(first.map((d) => ({ clientId: d.clientId, status: 'accepted' })));
    const classes = await t.db.query<{ code: string; class: string; import_id: number | null }>(
      `SELECT h.household_code AS code, r.class, r.import_id FROM poverty_result r
       JOIN poverty_household h ON h.province_id = r.province_id AND h.id = r.household_id
       WHERE r.year = 2026 AND r.commune_id = $1 ORDER BY 1`,
      [t.scope.communeId],
    );
    // Decree 07/2021, Art. 3 (applied in 2026), urban: income ≤ 2,000,000 VND and ≥ 3 deprivations → poor;
    // 3,000,000 and 6,000,000 are above the urban line → not poor (the average band is for farm households only)
    expect(classes.map((c) => [c.code, c.class, c.import_id])).toEqual([
      ['H1', 'poor', null],
      ['H2', 'not_poor', null],
      ['H3', 'not_poor', null],
    ]);
    const agg = await t.db.one<{ households: number; poor: number; escaped_near_poor: number }>(
      `SELECT sum(households)::int AS households, sum(poor)::int AS poor, sum(escaped_near_poor)::int AS escaped_near_poor
       FROM poverty_aggregate WHERE year = 2026 AND commune_id = $1`,
      [t.scope.communeId],
    );
    expect(agg).toEqual({ households: 3, poor: 1, escaped_near_poor: 1 });
    expect(await count(`audit_log WHERE action = 'field.survey.accept'`)).toBe(3);

    const before = {
      surveys: await count('field_survey'),
      results: await count('poverty_result WHERE year = 2026'),
      members: await count('poverty_member'),
      audit: await count('audit_log'),
    };
    const again = await sync(officer, first);
    expect(again.body.results.map((x: any) => x.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(again.body.results[0].message).toMatch(/đã được nhận trước đó/);
    expect({
      surveys: await count('field_survey'),
      results: await count('poverty_result WHERE year = 2026'),
      members: await count('poverty_member'),
      audit: await count('audit_log'),
    }).toEqual(before);
  });

  it('rejected: another commune’s household, a position far outside the commune, a photo not uploaded, a bad ID number; nothing stored', async () => {
    const before = await count('field_survey');
    const bad = [
      fieldDraft('H9'),
      fieldDraft('H1', { position: { lat: 10.7769, lng: 106.7009, accuracyM: 20, takenAt: '2026-11-20T02:00:00Z' } }),
      fieldDraft('H2', { photos: [{ id: randomUUID(), contentType: 'image/jpeg', takenAt: '2026-11-20T02:01:00Z' }] }),
      { ...fieldDraft('H3'), headIdNumber: '12345' },
      fieldDraft('H1', { communeCode: '00008' }),
      fieldDraft('H2', {
        members: [
          {
            seq: 1,
            fullName: 'Chủ hộ H2',
            relation: 'Chủ hộ',
            birthDate: '1980-01-01',
            sex: 'male',
            idNumber: '001090000011',
            ethnicity: 'Kinh',
          },
        ],
      }),
    ];
    const r = await sync(officer, bad);
    expect(r.status).toBe(200);
    const [household, far, missing, id, scope, checked] = r.body.results;
    // the household checks (citizen ID structure against the person) run on the server as on the phone
    expect(checked).toMatchObject({ status: 'rejected', problems: [{ path: 'members.0.idNumber' }] });
    expect(checked.problems[0].message).toBe(
      'Chữ số thứ 5 và 6 của số định danh (90) phải là hai số cuối của năm sinh 1980 (80).',
    );
    expect(household).toMatchObject({
      status: 'rejected',
      message: expect.stringMatching(/^Hộ mã H9 không có trong danh sách hộ của Phường Ba Đình/),
    });
    expect(far).toMatchObject({
      status: 'rejected',
      problems: [{ path: 'position', message: expect.stringMatching(/nằm ngoài xã khoảng 1\.\d{3},\d km/) }],
    });
    expect(missing).toMatchObject({
      status: 'rejected',
      problems: [{ path: 'photos.0', message: 'Ảnh chưa được tải lên máy chủ.' }],
    });
    expect(id).toMatchObject({
      status: 'rejected',
      problems: [{ path: 'headIdNumber', message: 'Số định danh cá nhân gồm 12 chữ số.' }],
    });
    expect(scope).toMatchObject({
      status: 'rejected',
      message: expect.stringMatching(/nằm ngoài phạm vi được phân quyền/),
    });
    expect(await count('field_survey')).toBe(before);
  });

  let conflictId: string;
  it('conflict: a second reviewer’s survey of a household already surveyed is held for the officer, never overwriting; the officer accepts it', async () => {
    const d = fieldDraft('H2', {
      village: 'Tổ 2',
      incomePerCapita: 1_800_000,
      deprived: ['4.2'],
      headName: 'Lê Thị Hai',
      headEthnicity: 'Mường',
    });
    conflictId = d.clientId;
    const r = await sync(second, [d]);
    expect(r.body.results[0]).toMatchObject({
      status: 'conflict',
      message: expect.stringMatching(/chờ cán bộ xã chọn phiếu đúng/),
    });
    const classOf = async (code: string) =>
      (
        await t.db.one<{ class: string }>(
          `SELECT r.class FROM poverty_result r JOIN poverty_household h ON h.province_id = r.province_id AND h.id = r.household_id
           WHERE r.year = 2026 AND h.household_code = $1 AND h.commune_id = $2`,
          [code, t.scope.communeId],
        )
      ).class;
    expect(await classOf('H2')).toBe('not_poor');
    const list = await officer.get(`/api/field/surveys?year=2026&commune=${encodeURIComponent(t.scope.communeId)}`);
    expect(list.status).toBe(200);
    expect(list.body.canResolve).toBe(true);
    expect(
      list.body.surveys.filter((s: any) => s.householdCode === 'H2').map((s: any) => [s.status, s.reviewer]),
    ).toEqual([
      ['accepted', 'Người thử commune_officer'],
      ['conflict', 'Người rà soát thứ hai'],
    ]);
    const progress = await officer.get(
      `/api/field/progress?year=2026&commune=${encodeURIComponent(t.scope.communeId)}`,
    );
    expect(progress.body).toMatchObject({
      waitingConflicts: 1,
      byReviewerDay: [
        { reviewer: 'Người rà soát thứ hai', day: '2026-11-20', surveys: 1 },
        { reviewer: 'Người thử commune_officer', day: '2026-11-20', surveys: 3 },
      ],
      villages: [
        { name: 'Tổ 1', households: 1, surveyed: 1, done: true },
        { name: 'Tổ 2', households: 2, surveyed: 2, done: true },
      ],
      toVisit: [],
    });
    expect(progress.body.surveyed).toHaveLength(3);

    const decided = await officer.post(`/api/field/surveys/${conflictId}/resolve`, { decision: 'accept' });
    expect(decided.status).toBe(200);
    expect(decided.body).toEqual({ clientId: conflictId, status: 'accepted', superseded: [first[1].clientId] });
    expect(await classOf('H2')).toBe('near_poor');
    const again = await officer.post(`/api/field/surveys/${conflictId}/resolve`, { decision: 'reject' });
    expect(again.status).toBe(409);
    expect(await count(`audit_log WHERE action = 'field.survey.conflict'`)).toBe(1);
    expect(await count(`audit_log WHERE action = 'field.survey.resolve' AND entity_id = $1`, [conflictId])).toBe(1);
    const agg = await t.db.one<{ poor: number; near_poor: number }>(
      `SELECT sum(poor)::int AS poor, sum(near_poor)::int AS near_poor FROM poverty_aggregate WHERE year = 2026 AND commune_id = $1`,
      [t.scope.communeId],
    );
    expect(agg).toEqual({ poor: 1, near_poor: 1 });
  });

  it('scope: evidence and photos within scope only, audited; another commune’s officer gets 404/403 and no content', async () => {
    const id = first[0].clientId;
    const photoId = first[0].photos[0].id;
    const ev = await officer.get(`/api/field/surveys/${id}/evidence`);
    expect(ev.status).toBe(200);
    expect(ev.body).toMatchObject({ householdCode: 'H1', class: 'poor', position: IN_BA_DINH, photoIds: [photoId] });
    expect(ev.body.reasons.length).toBeGreaterThan(0);
    expect(await count(`audit_log WHERE action = 'field.evidence.read' AND entity_id = $1`, [id])).toBe(1);
    const img = await officer.request('GET', `/api/field/photos/${photoId}`);
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toBe('image/jpeg');
    expect(await count(`audit_log WHERE action = 'field.photo.read' AND entity_id = $1`, [photoId])).toBe(1);

    for (const path of [`/api/field/surveys/${id}/evidence`, `/api/field/photos/${photoId}`]) {
      const r = await outsider.get(path);
      expect(r.status).toBe(404);
      expect(JSON.stringify(r.body)).not.toContain('H1');
    }
    for (const path of ['surveys', 'progress']) {
      const r = await outsider.get(`/api/field/${path}?year=2026&commune=${encodeURIComponent(t.scope.communeId)}`);
      expect(r.status).toBe(403);
      expect(JSON.stringify(r.body)).not.toContain('Chủ hộ');
    }
    expect((await outsider.post(`/api/field/surveys/${conflictId}/resolve`, { decision: 'reject' })).status).toBe(404);
    expect((await (await t.as('steering_member')).get(`/api/field/surveys/${id}/evidence`)).status).toBe(403);
    expect(await count(`audit_log WHERE action = 'field.evidence.read'`)).toBe(1);
  });

  it('after the commune chair recognised the results, a survey waits for the officer instead of changing them', async () => {
    const steps = [
      ['listing', '2026-09-01'],
      ['survey', '2026-09-15'],
      ['village_meeting', '2026-10-01'],
      ['public_posting', '2026-10-05'],
      ['recognition', '2026-11-25'],
    ];
    for (const [step, on] of steps) {
      const r = await officer.post(`/api/poverty/communes/${encodeURIComponent(t.scope.communeId)}/review/steps`, {
        year: 2026,
        step,
        on,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    const d = fieldDraft('H3', { village: 'Tổ 2', incomePerCapita: 900_000, deprived: ['1.1', '2.2', '6.1'] });
    const r = await sync(officer, [d]);
    expect(r.body.results[0]).toMatchObject({
      status: 'conflict',
      message: expect.stringMatching(/đã được công nhận/),
    });
    const stored = await t.db.one<{ status: string; conflict_kind: string }>(
      'SELECT status, conflict_kind FROM field_survey WHERE client_id = $1',
      [d.clientId],
    );
    expect(stored).toEqual({ status: 'conflict', conflict_kind: 'results_locked' });
    const h3 = await t.db.one<{ class: string }>(
      `SELECT r.class FROM poverty_result r JOIN poverty_household h ON h.province_id = r.province_id AND h.id = r.household_id
       WHERE r.year = 2026 AND h.household_code = 'H3' AND h.commune_id = $1`,
      [t.scope.communeId],
    );
    expect(h3.class).toBe('not_poor');
    const dismissed = await officer.post(`/api/field/surveys/${d.clientId}/resolve`, { decision: 'reject' });
    expect(dismissed.body).toEqual({ clientId: d.clientId, status: 'dismissed', superseded: [] });
  });

  it('at most 50 surveys a request', async () => {
    const r = await sync(
      officer,
      Array.from({ length: 51 }, () => fieldDraft('H1')),
    );
    expect(r.status).toBe(422);
    expect(r.body.error.details.problems[0].message).toMatch(/tối đa 50 phiếu/);
  });
});
