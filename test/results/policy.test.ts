import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../src/modules/access/actor';
import { can, type ResultsAction } from '../../src/modules/results/policy';

const actor = (role: Role): Actor => ({
  userId: 1,
  username: role,
  displayName: role,
  grants: [{ role, agencyId: null, unitId: role.endsWith('officer') ? 'X' : null }],
});

describe('results policy: who may do what', () => {
  it.each<
    [
      Role | 'public',
      ResultsAction,
      { covers?: boolean; level?: 'commune' | 'district' | 'province' | 'central' | null },
      boolean,
    ]
  >([
    ['public', 'overview.read', {}, false],
    ['steering_member', 'overview.read', {}, true],
    ['commune_officer', 'overview.read', {}, false],
    ['province_officer', 'target.enter', { covers: true }, true],
    ['province_officer', 'target.enter', { covers: false }, false],
    ['program_owner', 'target.enter', {}, true],
    ['commune_officer', 'period.open', {}, false],
    ['program_owner', 'period.open', {}, true],
    ['commune_officer', 'report.edit', { covers: true }, true],
    ['commune_officer', 'report.edit', { covers: false }, false],
    ['program_owner', 'report.edit', { covers: true }, false], // the owner does not enter a commune's figures
    ['steering_member', 'report.read', {}, true],
    ['province_officer', 'report.approve', { covers: true, level: 'province' }, true],
    ['province_officer', 'report.approve', { covers: true, level: 'district' }, true], // districts have no accounts; the province acts until 30/06/2025
    ['province_officer', 'report.approve', { covers: false, level: 'province' }, false],
    ['program_owner', 'report.approve', { covers: true, level: 'province' }, false], // no skipping the province
    ['program_owner', 'report.approve', { level: 'central' }, true],
    ['province_officer', 'report.approve', { covers: true, level: 'central' }, false],
    ['commune_officer', 'report.approve', { covers: true, level: 'commune' }, false], // the commune's step is the submission
  ])('%s %s %j → %s', (role, action, resource, expected) => {
    expect(can(role === 'public' ? null : actor(role), action, resource)).toBe(expected);
  });
  it('the CLI operator may everything (audited by name)', () => {
    expect(can({ system: 'cli' }, 'period.open')).toBe(true);
  });
});
