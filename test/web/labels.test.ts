import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTOR_LABELS,
  communeStatusLabel,
  AUDIT_ENTITY_LABELS,
  auditActionLabel,
  FIELD_LABELS,
  fieldLabel,
  programProjectLabel,
  reviewChainLabel,
  reviewDeadlineLabel,
  reviewLevelLabel,
  reviewStepLabel,
  TASK_ACTION_LABELS_EN,
  taskActionLabel,
  taskStatusLabel,
  VERIFICATION_LABELS,
  verificationLabel,
} from '../../src/domain/labels';
import { TRANSITIONS } from '../../src/domain/plan/status';
import { CHAIN_INFO, deadlinesForYear, LEVEL_LABEL_VI, STEP_INFO } from '../../src/domain/poverty/review';

/** Every `action: '…'` and `entity: '…'` literal written to the audit trail by the server code. */
function codesInSource(kind: 'action' | 'entity'): Set<string> {
  const out = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts'))
        for (const m of fs.readFileSync(p, 'utf8').matchAll(new RegExp(`\\b${kind}: '([a-z_.]+)'`, 'g'))) out.add(m[1]);
    }
  };
  walk(path.resolve(import.meta.dirname, '../../src/modules'));
  return out;
}

describe('label table', () => {
  it('has a Vietnamese and an English label for every audit action and entity the server writes', () => {
    const actions = [...codesInSource('action')].filter((a) => a.includes('.'));
    expect(actions.length).toBeGreaterThan(20);
    expect(actions.filter((a) => !AUDIT_ACTION_LABELS[a])).toEqual([]);
    expect([...codesInSource('entity')].filter((e) => !AUDIT_ENTITY_LABELS[e])).toEqual([]);
  });

  it('writes every label with Vietnamese letters in vi and none of the raw code', () => {
    for (const table of [AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, VERIFICATION_LABELS, FIELD_LABELS]) {
      for (const [code, l] of Object.entries(table)) {
        expect(l.vi, code).toBeTruthy();
        expect(l.en, code).toBeTruthy();
        if (!code.startsWith('GIAMNGHEO_')) expect(l.vi.includes(code), code).toBe(false);
      }
    }
  });

  it.each([
    ['auth.session.login', 'vi', 'Đăng nhập'],
    ['auth.session.login', 'en', 'Signed in'],
    ['users.user.lock', 'vi', 'Khóa tài khoản'],
    ['something.new', 'vi', 'Thao tác khác'],
  ] as const)('action %s in %s → %s', (code, lang, text) => {
    expect(auditActionLabel(code, lang)).toBe(text);
  });

  it.each([
    ['VERIFIED', 'đã xác minh'],
    ['PARTIAL', 'xác minh một phần'],
    ['UNVERIFIED', 'chưa xác minh'],
    ['SUSPECT', 'nghi vấn, chưa dùng'],
    ['verified_secondary', 'đã xác minh qua nguồn thứ cấp'],
    [null, 'chưa rõ tình trạng xác minh'],
  ])('status %s → %s', (code, text) => {
    expect(verificationLabel(code, 'vi')).toBe(text);
  });

  it.each([
    ['body.password', 'vi', 'Mật khẩu'],
    ['body.newPassword', 'en', 'New password'],
    ['body.grants.1.validTo', 'vi', 'Vai trò 2 — Đến ngày'],
    ['body.somethingUnknown', 'vi', null],
    [undefined, 'vi', null],
  ] as const)('field %s in %s → %s', (p, lang, text) => {
    expect(fieldLabel(p, lang)).toBe(text);
  });
});

describe('project codes of the Program (numbering of Decision 90/QĐ-TTg)', () => {
  it.each([
    ['DA1', 'vi', 'Dự án 1'],
    ['DA3.TDA2', 'vi', 'Dự án 3 – Tiểu dự án 2'],
    ['DA3.TDA2', 'en', 'Project 3 – sub-project 2'],
    ['T1', 'vi', null],
  ] as const)('%s in %s → %s', (code, lang, text) => {
    expect(programProjectLabel(code, lang)).toBe(text);
  });
});

describe('plan task statuses', () => {
  it.each([
    ['in_progress', 'vi', 'Đang thực hiện'],
    ['in_progress', 'en', 'In progress'],
    ['no_report', 'en', 'No report yet'],
    ['something_new', 'vi', 'trạng thái khác'],
  ] as const)('%s in %s → %s', (code, lang, text) => {
    expect(taskStatusLabel(code, lang)).toBe(text);
  });
});

describe('plan task actions (named in Vietnamese by the workflow)', () => {
  it('has an English name for every action of the workflow', () => {
    const actions = [...new Set(TRANSITIONS.map((t) => t.action))];
    expect(actions.filter((a) => !TASK_ACTION_LABELS_EN[a])).toEqual([]);
  });

  it.each([
    ['Trình kết quả', 'vi', 'Trình kết quả'],
    ['Trình kết quả', 'en', 'Submit the result'],
    ['Trả lại để hoàn thiện', 'en', 'Return for completion'],
  ] as const)('%s in %s → %s', (action, lang, text) => {
    expect(taskActionLabel(action, lang)).toBe(text);
  });
});

describe('labels of the poverty review', () => {
  it('names every step and level in Vietnamese as the review rules do, and in English', () => {
    for (const [step, info] of Object.entries(STEP_INFO)) {
      expect(reviewStepLabel(step, 'vi')).toBe(info.labelVi);
      expect(reviewStepLabel(step, 'en')).toMatch(/^[A-Z][^à-ỹ]+$/);
    }
    for (const [level, vi] of Object.entries(LEVEL_LABEL_VI)) {
      expect(reviewLevelLabel(level, 'vi')).toBe(vi);
      expect(reviewChainLabel(level, 'vi')).toBe(CHAIN_INFO[level as keyof typeof CHAIN_INFO].labelVi);
    }
    expect(reviewStepLabel('listing', 'en')).toBe('List the households to be reviewed');
    expect(reviewLevelLabel('province', 'en')).toBe('Province level');
    expect(reviewStepLabel('something_new', 'vi')).toBe('bước khác');
  });

  it('names each deadline of a year as the deadline rules do', () => {
    for (const d of deadlinesForYear(2026)) expect(reviewDeadlineLabel(d.kind, d.due, 'vi')).toBe(d.labelVi);
    const official = deadlinesForYear(2026).find((d) => d.kind === 'official_report')!;
    expect(reviewDeadlineLabel(official.kind, official.due, 'en')).toBe('Official report of the periodic review 2026');
    expect(reviewDeadlineLabel('monthly_report', '2026-03-05', 'en')).toBe('Report of the regular review, 3/2026');
  });

  it("says a commune's review status in English with the same rules as in Vietnamese", () => {
    const s = {
      hasImport: true,
      nextStep: null,
      nextApprover: 'province',
      locked: true,
      lastApproved: 'commune',
    } as const;
    expect(communeStatusLabel(s, 'vi')).toBe('Đã phê duyệt: cấp xã; chờ cấp tỉnh');
    expect(communeStatusLabel(s, 'en')).toBe('Approved: commune level; awaiting province level');
    expect(communeStatusLabel({ ...s, locked: false, nextStep: 'survey' }, 'en')).toBe(
      'Workbook imported; next step: Review and classify the households',
    );
    expect(communeStatusLabel({ ...s, nextApprover: null }, 'en')).toBe('Approved at every level');
  });

  it('names the actors of the audit trail that are not accounts', () => {
    expect(AUDIT_ACTOR_LABELS['hệ thống']).toEqual({ vi: 'hệ thống', en: 'system' });
  });
});
