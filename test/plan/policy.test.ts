import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../src/modules/access/actor';
import { can, permissions, PLAN_ROLES, refusal, type PlanAction } from '../../src/modules/plan/policy';

const actor = (role: Role, agencyId: string | null = null): Actor => ({
  userId: 1,
  username: role,
  displayName: role,
  grants: [{ role, agencyId, unitId: null }],
});
const ROLES: Role[] = [
  'admin',
  'program_owner',
  'ministry_lead',
  'steering_member',
  'province_officer',
  'commune_officer',
];

/**
 * QĐ 1705/QĐ-TTg (published summary): "Xác định nội dung công việc phải gắn với trách nhiệm và phát huy vai
 * trò chủ động, tích cực của cơ quan chủ quản Chương trình, các cơ quan chủ trì dự án, tiểu dự án thuộc Chương
 * trình là các bộ, cơ quan Trung ương và cơ quan thực hiện Chương trình ở địa phương là UBND các tỉnh".
 * The program owner (cơ quan chủ quản) acts on every plan; a ministry (cơ quan chủ trì) or a province
 * (UBND tỉnh) on its own.
 */
describe('plan policy: who manages a plan and reports on an assignment', () => {
  const mine = { actingAgencies: ['MOLISA'] };
  const cases: [string, Actor, PlanAction, object, string | null][] = [
    ['the program owner manages any plan', actor('program_owner'), 'plan.manage', { issuerAgencyId: 'MPI' }, null],
    [
      'the program owner fans a task out to every province',
      actor('program_owner'),
      'plan.manage',
      { fanOut: 'provinces' },
      null,
    ],
    [
      'a ministry manages the plan its agency issued',
      actor('ministry_lead', 'MOLISA'),
      'plan.manage',
      { ...mine, issuerAgencyId: 'MOLISA' },
      null,
    ],
    [
      "a ministry does not manage another agency's plan",
      actor('ministry_lead', 'MOLISA'),
      'plan.manage',
      { ...mine, issuerAgencyId: 'MPI' },
      'Bạn chỉ quản lý nhiệm vụ trong kế hoạch do cơ quan mình ban hành.',
    ],
    [
      'only the standing agency fans out to every province or ministry',
      actor('ministry_lead', 'MOLISA'),
      'plan.manage',
      { ...mine, issuerAgencyId: 'MOLISA', fanOut: 'all' },
      'Giao việc cho tất cả các tỉnh / bộ: chỉ cơ quan thường trực Chương trình.',
    ],
    [
      'a province reports on its own assignment',
      actor('province_officer'),
      'assignment.update',
      { actingAgencies: ['UBND:01:2025-07-01'], agencyId: 'UBND:01:2025-07-01' },
      null,
    ],
    [
      "a province does not report on another agency's assignment",
      actor('province_officer'),
      'assignment.update',
      { actingAgencies: ['UBND:01:2025-07-01'], agencyId: 'MOLISA' },
      'Bạn chỉ được cập nhật phân công của cơ quan mình.',
    ],
    [
      'a steering member follows and comments, it does not report',
      actor('steering_member'),
      'assignment.update',
      { agencyId: 'MOLISA' },
      'Bạn chỉ được cập nhật phân công của cơ quan mình.',
    ],
    ['the administrator reports on any assignment', actor('admin'), 'assignment.update', { agencyId: 'MPI' }, null],
  ];
  for (const [name, a, action, resource, expected] of cases)
    it(name, () => {
      expect(refusal(a, action, resource)).toBe(expected);
      expect(can(a, action, resource)).toBe(expected === null);
    });
});

describe('plan policy: the role of each action (the routes declare the same sets)', () => {
  const table: [PlanAction, Role[]][] = [
    ['read', ROLES],
    ['comment', ['admin', 'program_owner', 'ministry_lead', 'steering_member', 'province_officer']],
    ['committee.record', ['admin', 'program_owner', 'province_officer', 'commune_officer']],
    ['national.manage', ['admin', 'program_owner']],
    ['submission.record', ['admin', 'program_owner', 'ministry_lead']],
    ['digest.run', ['admin']],
    ['my_agency.open', ['admin', 'program_owner', 'ministry_lead', 'steering_member', 'province_officer']],
  ];
  for (const [action, allowed] of table)
    it(`${action}: ${allowed.join(', ')}`, () => {
      expect(ROLES.filter((r) => can(actor(r), action))).toEqual(allowed);
      expect([...PLAN_ROLES[action]].sort()).toEqual([...allowed].sort());
    });

  it('nobody signed in may do anything, and the web receives the answers, not the lists', () => {
    expect(can(null, 'read')).toBe(false);
    expect(permissions(actor('steering_member'))).toEqual({
      createTask: false,
      national: false,
      comment: true,
      recordCommittee: false,
      updateAssignment: false,
      respondRecommendation: false,
      openMyAgency: true,
    });
  });
});
