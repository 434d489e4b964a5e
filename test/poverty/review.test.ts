import { describe, expect, it } from 'vitest';
import {
  monthlyReviewStart,
  approve,
  communeResultsLocked,
  completeStep,
  deadlinesForYear,
  isComplete,
  isOverdue,
  monthlyDecisionDue,
  monthlyStatus,
  nextDeadline,
  nextStep,
  openCampaign,
  returnForCorrection,
  routingFor,
  stepsOf,
  type Campaign,
  type ChainState,
  type CommuneProgress,
  type ReviewStep,
} from '../../src/domain/poverty/review';
import { occurrences, parseDeadline } from '../../src/domain/plan/deadline';
import { officialCalendar } from '../../src/modules/calendar/official';

function campaign(kind: 'periodic' | 'monthly', year: number, month: number | null = null): Campaign {
  const c = openCampaign(kind, year, month);
  if (!c.ok) throw new Error(c.error.message);
  return c.value;
}

function runAll(c: Campaign, from = c.opensOn): CommuneProgress {
  let p: CommuneProgress = { completed: [] };
  for (const step of stepsOf(c)) {
    const r = completeStep(c, p, { step, on: from });
    if (!r.ok) throw new Error(r.error.message);
    p = r.value;
  }
  return p;
}

/**
 * QĐ 24/2021/QĐ-TTg, Art. 3: "Periodic review, once a year: 01 September to 14 December"; regular review "from the
 * 15th".
 */
describe('QĐ 24/2021, Art. 3: campaigns', () => {
  it('a periodic campaign runs from 01/09 to 14/12', () => {
    expect(campaign('periodic', 2024)).toMatchObject({
      opensOn: '2024-09-01',
      closesOn: '2024-12-14',
      routingId: 'QD24-2021',
    });
  });
  it('a monthly campaign starts on the 15th', () => {
    expect(campaign('monthly', 2024, 3).opensOn).toBe('2024-03-15');
  });
  it('the routing is pinned at the start: June 2025 keeps the district, the 2025 periodic review does not', () => {
    expect(campaign('monthly', 2025, 6).routingId).toBe('QD24-2021');
    expect(campaign('periodic', 2025).routingId).toBe('QD24-2021-2CAP');
    expect(routingFor('2025-06-30')!.chain).toEqual(['commune', 'district', 'province', 'central']);
    expect(routingFor('2025-07-01')!.chain).toEqual(['commune', 'province', 'central']);
  });
  it('no routing before QĐ 24/2021 took effect (01/09/2021)', () => {
    expect(openCampaign('monthly', 2021, 3).ok).toBe(false);
  });
});

/**
 * QĐ 24/2021, Art. 4: "1. list households to review → 2. review and classify; village meeting →
 * 3. public posting → 4. report to the district chair for comment; recognition". The district step
 * cannot run after 01/07/2025 (review-procedure.md §11).
 */
describe('QĐ 24/2021, Art. 4: steps of a commune periodic review', () => {
  it.each([
    [2024, ['listing', 'survey', 'village_meeting', 'public_posting', 'district_consultation', 'recognition']],
    [2025, ['listing', 'survey', 'village_meeting', 'public_posting', 'recognition']],
  ] as [number, ReviewStep[]][])('steps of %i', (year, steps) => {
    expect(stepsOf(campaign('periodic', year))).toEqual(steps);
  });

  it('steps run in order, not before the opening and not before the previous step', () => {
    const c = campaign('periodic', 2024);
    const p0: CommuneProgress = { completed: [] };
    expect(completeStep(c, p0, { step: 'survey', on: '2024-09-10' })).toMatchObject({
      ok: false,
      error: { code: 'out_of_order' },
    });
    expect(completeStep(c, p0, { step: 'listing', on: '2024-08-31' })).toMatchObject({
      ok: false,
      error: { code: 'before_open' },
    });
    const p1 = completeStep(c, p0, { step: 'listing', on: '2024-09-05' });
    expect(p1.ok).toBe(true);
    if (!p1.ok) return;
    expect(nextStep(c, p1.value)).toBe('survey');
    expect(completeStep(c, p1.value, { step: 'survey', on: '2024-09-04' })).toMatchObject({
      ok: false,
      error: { code: 'date_before_previous' },
    });
  });

  it('a review not recognised by 14/12 is overdue', () => {
    const c = campaign('periodic', 2024);
    expect(isOverdue(c, { completed: [] }, '2024-12-14')).toBe(false);
    expect(isOverdue(c, { completed: [] }, '2024-12-15')).toBe(true);
    expect(isOverdue(c, runAll(c, '2024-12-10'), '2025-01-10')).toBe(false);
    expect(isComplete(c, runAll(c))).toBe(true);
  });
});

/** QĐ 24/2021, Art. 5.3: "The commune chair decides recognition … within 15 days of the start of the review." */
describe('QĐ 24/2021, Art. 5: monthly review within 15 days', () => {
  it.each([
    // 15/3 + 15 days = Saturday 30/3/2024: the limit runs to Monday 1/4 (BLDS 2015 Điều 148 khoản 5)
    ['2024-03-15', null, '2024-04-01', 'in_time'],
    ['2024-03-15', null, '2024-04-02', 'overdue'],
    ['2024-03-15', '2024-04-01', '2024-04-10', 'decided_in_time'],
    ['2024-03-15', '2024-04-02', '2024-04-10', 'decided_late'],
  ] as const)('started %s, decided %s, today %s → %s', (start, decided, today, expected) => {
    expect(monthlyStatus(start, decided, today, officialCalendar)).toBe(expected);
  });
  it.each([
    ['2024-03-01', '2024-03-15'],
    ['2024-03-15', '2024-03-15'],
    ['2024-03-16', '2024-04-15'],
    ['2024-12-20', '2025-01-15'],
  ])('a request received %s is reviewed from %s (the review runs from the 15th)', (received, start) => {
    expect(monthlyReviewStart(received)).toBe(start);
  });
  it('due date crosses a month end', () => {
    expect(monthlyDecisionDue('2024-02-20', officialCalendar)).toBe('2024-03-06');
  });
  it.each([
    // [started, due, why] — BLDS 2015 Điều 147 khoản 2 (first day not counted), Điều 148 khoản 5 (day off → next
    // working day)
    ['2022-08-15', '2022-08-30', 'a Tuesday: no shift'],
    ['2022-08-17', '2022-09-05', '1/9 and 2/9/2022 off by CV 245/VPCP-KGVX, 3–4/9 weekend'],
    ['2025-01-15', '2025-02-03', 'Tết 25/1–2/2/2025 by CV 8726/VPCP-KGVX, TB 6150/TB-BLĐTBXH'],
    ['2024-04-15', '2024-05-02', '27/4–1/5/2024 off by CV 2450/VPCP-KGVX, TB 1570/TB-BLĐTBXH'],
  ])('started %s → decided by %s (%s), on the calendar officials worked', (start, due) => {
    expect(monthlyDecisionDue(start, officialCalendar)).toBe(due);
  });
  it('a monthly review starts with the application (Mẫu số 04), not with a list', () => {
    expect(stepsOf(campaign('monthly', 2026, 4))[0]).toBe('application');
  });
});

/**
 * QĐ 24/2021, Art. 7 (review-procedure.md §8): "5th of each month, Feb–Sep: report on regular review";
 * "before 15/11 preliminary periodic results"; "before 20/12 official periodic results".
 */
describe('QĐ 24/2021, Art. 7: reporting deadlines', () => {
  const d = deadlinesForYear(2024);
  it('monthly reports on the 5th, February to September', () => {
    expect(d.filter((x) => x.kind === 'monthly_report').map((x) => x.due)).toEqual([
      '2024-02-05',
      '2024-03-05',
      '2024-04-05',
      '2024-05-05',
      '2024-06-05',
      '2024-07-05',
      '2024-08-05',
      '2024-09-05',
    ]);
  });
  it('"trước ngày 15 tháng 11" → 14/11, "trước ngày 20 tháng 12" → 19/12: the same rule as the plan (lastDayBefore)', () => {
    expect(d.find((x) => x.kind === 'preliminary_report')!.due).toBe('2024-11-14');
    expect(d.find((x) => x.kind === 'official_report')!.due).toBe('2024-12-19');
    // the plan's parser reads the same words the same way
    expect(parseDeadline('hằng năm, trước ngày 15/11')).toMatchObject({
      kind: 'recurring',
      day: { month: 11, day: 15, before: true },
    });
    expect(occurrences(parseDeadline('hằng năm, trước ngày 15/11'), '2024-01-01', '2024-12-31')).toEqual([
      '2024-11-14',
    ]);
    expect(parseDeadline('trước ngày 20/12/2024')).toMatchObject({ due: '2024-12-19' });
  });
  it('next deadline after 06/09 is the preliminary report; after 21/12 it is 05/02 next year', () => {
    expect(nextDeadline('2024-09-06')!.kind).toBe('preliminary_report');
    expect(nextDeadline('2024-12-21')!.due).toBe('2025-02-05');
  });
});

/**
 * QĐ 24/2021, Art. 7 and the 2025 reform: commune → district → province → central before 01/07/2025, commune → province
 * → central after.
 */
describe('reporting chain: each level approves and locks', () => {
  it('2024: commune, district, province, central, in order', () => {
    const c = campaign('periodic', 2024);
    const done = runAll(c, '2024-10-01');
    let s: ChainState = { approvals: [] };
    expect(approve(c, { completed: [] }, s, 'commune', '2024-12-01')).toMatchObject({
      ok: false,
      error: { code: 'not_ready' },
    });
    expect(approve(c, done, s, 'province', '2024-12-01')).toMatchObject({ ok: false, error: { code: 'out_of_order' } });
    for (const level of ['commune', 'district', 'province', 'central'] as const) {
      const r = approve(c, done, s, level, '2024-12-10');
      expect(r.ok).toBe(true);
      if (r.ok) s = r.value;
    }
    expect(communeResultsLocked(s)).toBe(true);
    expect(approve(c, done, s, 'central', '2024-12-11')).toMatchObject({ ok: false, error: { code: 'already_done' } });
  });
  it('2025 periodic review: no district level', () => {
    const c = campaign('periodic', 2025);
    const done = runAll(c);
    const s1 = approve(c, done, { approvals: [] }, 'commune', '2025-11-01');
    expect(s1.ok).toBe(true);
    if (!s1.ok) return;
    expect(approve(c, done, s1.value, 'district', '2025-11-02')).toMatchObject({
      ok: false,
      error: { code: 'out_of_order' },
    });
    expect(approve(c, done, s1.value, 'province', '2025-11-02').ok).toBe(true);
  });
  it('the province returns the results to the commune, which unlocks them; a level cannot return out of turn', () => {
    const c = campaign('periodic', 2025);
    const done = runAll(c);
    const s1 = approve(c, done, { approvals: [] }, 'commune', '2025-11-01');
    if (!s1.ok) throw new Error();
    expect(returnForCorrection(c, s1.value, 'central').ok).toBe(false);
    const back = returnForCorrection(c, s1.value, 'province');
    expect(back.ok && communeResultsLocked(back.value)).toBe(false);
  });
});

/**
 * QĐ 24/2021/QĐ-TTg, Art. 4 (S40, S41): "Lập danh sách hộ gia đình cần rà soát; Tổ chức rà soát, phân
 * loại hộ gia đình; tổ chức họp dân để thống nhất kết quả rà soát; Niêm yết, thông báo công khai; Báo cáo,
 * xin ý kiến của Chủ tịch Ủy ban nhân dân cấp huyện và công nhận hộ nghèo, hộ cận nghèo và hộ thoát nghèo,
 * hộ thoát cận nghèo". Art. 7 (S39): the commune chair reports to the district chair, who reports to the
 * province; the provincial chair sends the official results before 20 December.
 */
describe('the review as the law writes it', () => {
  it('names each step as the text does and cites its article', async () => {
    const { STEP_INFO, CHAIN_INFO, CHAIN_LOCK_INFO } = await import('../../src/domain/poverty/review');
    expect(STEP_INFO.listing).toMatchObject({
      labelVi: 'Lập danh sách hộ gia đình cần rà soát',
      citation: 'Quyết định 24/2021/QĐ-TTg, Điều 4 khoản 1',
      basis: 'law',
    });
    expect(STEP_INFO.village_meeting.labelVi).toBe('Tổ chức họp dân để thống nhất kết quả rà soát');
    expect(STEP_INFO.district_consultation.labelVi).toBe('Báo cáo, xin ý kiến của Chủ tịch Ủy ban nhân dân cấp huyện');
    expect(STEP_INFO.recognition).toMatchObject({ actorVi: 'Chủ tịch Ủy ban nhân dân cấp xã', basis: 'law' });
    for (const s of Object.values(STEP_INFO)) expect(s.citation).toMatch(/^Quyết định 24\/2021\/QĐ-TTg, Điều \d/);
    // The levels above receive, check and aggregate reports (Art. 7); they do not "approve" households.
    expect(CHAIN_INFO.district.labelVi).toMatch(/tiếp nhận, tổng hợp, báo cáo/);
    expect(CHAIN_INFO.province.citation).toBe('Quyết định 24/2021/QĐ-TTg, Điều 7 khoản 2, 3');
    expect(CHAIN_LOCK_INFO.basis).toBe('local_practice');
  });
});
