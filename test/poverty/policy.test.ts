import { describe, expect, it } from 'vitest';
import { permissionsOf } from '../../src/modules/auth/permissions';
import {
  povertyPermissions,
  reviewCan,
  reviewRefusal,
  type ReviewAction,
  type ReviewActor,
  type ReviewRefusal,
} from '../../src/domain/poverty/policy';
import type { Role } from '../../src/domain/roles';

const officer = (roles: Role[], coversCommune = true): ReviewActor => ({
  system: false,
  central: false,
  roles,
  coversCommune,
});
const CENTRAL: ReviewActor = { system: false, central: true, roles: ['program_owner'], coversCommune: false };
const CLI: ReviewActor = { system: true, central: false, roles: [], coversCommune: true };

const step: ReviewAction = { kind: 'record_step' };
const approve = (level: 'commune' | 'district' | 'province' | 'central'): ReviewAction => ({ kind: 'approve', level });

/**
 * QĐ 24/2021/QĐ-TTg, Điều 4: the commune organises the review (its officer records the steps);
 * Điều 7 khoản 1–3: the commune reports up, the district (until 30/06/2025) and the province receive and
 * aggregate (a province officer acts for both: no district role exists); Điều 9 khoản 1 điểm c: the ministry
 * announces (central roles only).
 */
const CASES: [string, ReviewActor, ReviewAction, ReviewRefusal | null][] = [
  ['Điều 4: the commune officer records a step of their commune', officer(['commune_officer']), step, null],
  ['Điều 4: not a step of a commune outside the grant', officer(['commune_officer'], false), step, 'scope'],
  ['Điều 4: a province officer does not record the commune’s steps', officer(['province_officer']), step, 'role'],
  ['Điều 7.1: the commune reports up', officer(['commune_officer']), approve('commune'), null],
  ['Điều 7.1: the district receives (province officer)', officer(['province_officer']), approve('district'), null],
  ['Điều 7.2: the province aggregates', officer(['province_officer']), approve('province'), null],
  [
    'Điều 7.2: not for a commune outside its province',
    officer(['province_officer'], false),
    approve('province'),
    'scope',
  ],
  [
    'Điều 7.2: a commune officer does not act for the province',
    officer(['commune_officer']),
    approve('province'),
    'role',
  ],
  ['Điều 9.1.c: only the central level announces', officer(['province_officer']), approve('central'), 'central_only'],
  ['Điều 9.1.c: the program owner acts for the central level', CENTRAL, approve('central'), null],
  ['central roles act for every level and commune', CENTRAL, approve('commune'), null],
  ['the CLI operator acts for every level', CLI, { kind: 'return', level: 'province' }, null],
  ['a steering member acts for no level', officer(['steering_member']), approve('commune'), 'role'],
  ['returning follows the same table', officer(['commune_officer']), { kind: 'return', level: 'district' }, 'role'],
];

describe('the review policy (who acts for which level)', () => {
  it.each(CASES)('%s', (_why, actor, action, refusal) => {
    expect(reviewRefusal(actor, action)).toBe(refusal);
  });

  it('the permissions sent with a commune are the same table', () => {
    expect(reviewCan(officer(['province_officer']))).toEqual({
      recordStep: false,
      approve: { commune: false, district: true, province: true, central: false },
    });
    expect(reviewCan(officer(['commune_officer'], false))).toEqual({
      recordStep: false,
      approve: { commune: false, district: false, province: false, central: false },
    });
    expect(reviewCan(CENTRAL)).toEqual({
      recordStep: true,
      approve: { commune: true, district: true, province: true, central: true },
    });
  });
});

describe('what a signed-in user may open in the poverty area (sent with GET /api/auth/me)', () => {
  it.each([
    // every role reads the figures; the commune work is for whoever works on communes' reviews (the routes' lists)
    [['commune_officer'], { read: true, communeWork: true }],
    [['province_officer'], { read: true, communeWork: true }],
    [['program_owner'], { read: true, communeWork: true }],
    [['admin'], { read: true, communeWork: true }],
    [['ministry_lead'], { read: true, communeWork: false }],
    [['steering_member'], { read: true, communeWork: false }],
    [['steering_member', 'commune_officer'], { read: true, communeWork: true }],
    [[], { read: false, communeWork: false }],
  ] as [Role[], { read: boolean; communeWork: boolean }][])('%j → %j', (roles, expected) => {
    expect(povertyPermissions(roles)).toEqual(expected);
  });

  it('the answer of /api/auth/me carries them; the public (no session) has none', () => {
    const grant = (role: Role) => ({ role, agencyId: null, unitId: role === 'commune_officer' ? 'X' : null });
    const actor = (role: Role) => ({ userId: 1, username: 'u', displayName: 'U', grants: [grant(role)] });
    expect(permissionsOf(actor('steering_member')).poverty).toEqual({ read: true, communeWork: false });
    expect(permissionsOf(actor('commune_officer')).poverty).toEqual({ read: true, communeWork: true });
    expect(permissionsOf(null).poverty).toEqual({ read: false, communeWork: false });
  });
});
