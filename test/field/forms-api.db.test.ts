import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from '../support/app';

let t: TestApp;
let commune: Client, steering: Client, anon: Client;
beforeAll(async () => {
  t = await testApp();
  [commune, steering, anon] = await Promise.all([t.as('commune_officer'), t.as('steering_member'), t.as('public')]);
});
afterAll(() => t?.close());

describe('GET /api/field/forms', () => {
  it('needs sign-in', async () => {
    const res = await anon.get('/api/field/forms');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('gives a reviewer the five forms of 2025 with the unverified notice of Phiếu B1 and the 12 indicators of Phiếu B2', async () => {
    const res = await commune.get('/api/field/forms?year=2025');
    expect(res.status).toBe(200);
    expect(res.body.forms.map((f: { id: string }) => f.id)).toEqual([
      'TT07-2021-M01',
      'TT07-2021-A',
      'TT07-2021-B1',
      'TT07-2021-B2',
      'TT07-2021-C',
    ]);
    const b1 = res.body.forms[2];
    expect(b1.itemTable).toMatchObject({ status: 'unverified' });
    expect(b1.itemTable.noticeVi).toMatch(/nhập tổng điểm A/);
    expect(res.body.forms[3].items).toHaveLength(12);
    expect(res.body.noticeVi).toBeNull();
    expect(res.headers.get('etag')).toBeTruthy();
  });

  it('says there are no forms for 2027 instead of serving the 2021 ones', async () => {
    const res = await steering.get('/api/field/forms?year=2027');
    expect(res.status).toBe(200);
    expect(res.body.forms).toEqual([]);
    expect(res.body.noticeVi).toBe(
      'Chưa có phiếu rà soát cho năm 2027: văn bản hướng dẫn thay thế Thông tư 07/2021/TT-BLĐTBXH chưa được xác minh.',
    );
  });

  it('refuses a malformed year with a Vietnamese message in the one error shape', async () => {
    const res = await commune.get('/api/field/forms?year=20x5');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid');
    expect(res.body.error.details.problems[0].path).toMatch(/year/);
  });
});
