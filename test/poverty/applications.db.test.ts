/**
 * Mẫu số 04 (QĐ 24/2021/QĐ-TTg, Điều 5): the request kinds and their outcomes, the form's personal fields
 * (QD24-2021-MAU04) kept within scope, every change audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

const FORM = {
  kind: 'exit',
  applicantName: 'Vi Thị Thoát',
  householdCode: 'HGD-0042',
  receivedOn: '2026-03-03',
  applicantSex: 'female',
  applicantBirthDate: '1980-02-29',
  applicantEthnicity: 'Tày',
  applicantIdNumber: '001180000042',
  applicantIdIssuedOn: '2021-06-01',
  applicantIdIssuer: 'Cục Cảnh sát quản lý hành chính về trật tự xã hội',
  applicantResidence: 'Thôn Nà Hin',
};
const PERSONAL = [
  'applicantName',
  'householdCode',
  'applicantSex',
  'applicantBirthDate',
  'applicantEthnicity',
  'applicantIdNumber',
  'applicantIdIssuedOn',
  'applicantIdIssuer',
  'applicantResidence',
] as const;

describe('Mẫu số 04: request kinds, outcomes and the form fields', () => {
  it('records an exit request with its fields, refuses a review outcome for it, decides it; scope and audit', async () => {
    const officer = await t.as('commune_officer');
    const url = `/api/poverty/communes/${encodeURIComponent(t.scope.communeId)}/applications`;

    // every bad field of the form in one answer
    const bad = await officer.post(url, {
      ...FORM,
      applicantIdNumber: '12345',
      applicantSex: 'x',
      applicantBirthDate: '2026-03-04',
    });
    expect(bad.status).toBe(422);
    const paths = (bad.body.error.details.problems as { path: string }[]).map((d) => d.path).sort();
    expect(paths).toEqual(['body.applicantIdNumber', 'body.applicantSex']);
    const late = await officer.post(url, { ...FORM, applicantBirthDate: '2026-03-04' });
    expect(late.status).toBe(422);
    expect(late.body.error.details.problems).toEqual([
      { path: 'body.applicantBirthDate', message: 'Ngày sinh không được sau ngày nhận giấy đề nghị.' },
    ]);

    const created = await officer.post(url, FORM);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ ...FORM, startedOn: '2026-03-15', decidedOn: null, outcome: null });
    const id = created.body.id as number;

    // a review request's outcome ("Điều 5 khoản 2": recognise what was asked) is not an answer to an exit request
    const wrong = await officer.post(`/api/poverty/applications/${id}/decision`, {
      decidedOn: '2026-03-20',
      outcome: 'poor',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details.problems).toEqual([
      {
        path: 'body.outcome',
        message:
          '"Công nhận hộ nghèo" không phải kết quả của giấy đề nghị công nhận hộ thoát nghèo, hộ thoát cận nghèo.',
      },
    ]);
    const decided = await officer.post(`/api/poverty/applications/${id}/decision`, {
      decidedOn: '2026-03-20',
      outcome: 'exited_poor',
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ kind: 'exit', outcome: 'exited_poor', status: 'decided_in_time' });

    // a request without a kind is a review request, and takes only the review outcomes
    const review = await officer.post(url, { applicantName: 'Lò Văn Xin', receivedOn: '2026-03-03' });
    expect(review.body).toMatchObject({ kind: 'review', applicantSex: null, applicantIdNumber: null });
    const exitForReview = await officer.post(`/api/poverty/applications/${review.body.id}/decision`, {
      decidedOn: '2026-03-20',
      outcome: 'exited_near_poor',
    });
    expect(exitForReview.status).toBe(422);

    // the form's personal fields: the commune sees them, a ministry without the commune does not
    const mine = (await officer.get('/api/poverty/applications?year=2026')).body.items.find((a: any) => a.id === id);
    expect(mine).toMatchObject(FORM);
    const ministry = await t.as('ministry_lead');
    const theirs = (await ministry.get('/api/poverty/applications?year=2026')).body.items.find((a: any) => a.id === id);
    expect(theirs).toMatchObject({ kind: 'exit', outcome: 'exited_poor' });
    for (const f of PERSONAL) expect(theirs[f]).toBeNull();

    // audited in the same transaction, naming the fields written but not their values
    const audit = await t.db.query<{ action: string; after: any }>(
      `SELECT action, after FROM audit_log WHERE entity = 'poverty_application' AND entity_id = $1 ORDER BY id`,
      [String(id)],
    );
    expect(audit.map((a) => a.action)).toEqual(['poverty.application.create', 'poverty.application.decide']);
    expect(audit[0].after.kind).toBe('exit');
    expect(audit[0].after.fields).toEqual([
      'applicantBirthDate',
      'applicantEthnicity',
      'applicantIdIssuedOn',
      'applicantIdIssuer',
      'applicantIdNumber',
      'applicantName',
      'applicantResidence',
      'applicantSex',
    ]);
    expect(JSON.stringify(audit[0].after)).not.toContain('001180000042');
  });
});
