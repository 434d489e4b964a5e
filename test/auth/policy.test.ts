import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../src/domain/auth/client-address';
import { passwordProblems } from '../../src/domain/auth/password-policy';
import { ACCOUNT_RULE, ADDRESS_RULE, delayAfter, waitTextVi } from '../../src/domain/auth/throttle';
import { commonPasswords } from '../../src/modules/auth/common-passwords';
import { can } from '../../src/modules/users/policy';
import type { Actor } from '../../src/modules/access/actor';

const common = commonPasswords();

describe('password policy (ASVS 4.0.3 V2.1.1 length ≥ 12, V2.1.7 common passwords; NIST 800-63B §5.1.1.2 user name)', () => {
  it.each([
    ['', 'blank'],
    ['          ', 'blank'],
    ['1', 'short'],
    ['password12', 'short'],
    ['password1234', 'common'],
    ['123456789012', 'simple'],
    ['Matkhau@2024', 'common'],
    ['anhyeuem123456', 'common'],
    ['zzzzzzzzzzzzzzzz', 'simple'],
    ['nguyen.van.an-2026', 'username'],
  ])('%j is refused (%s)', (password, why) => {
    const problems = passwordProblems(password, { username: 'nguyen.van.an', common });
    expect(problems.length).toBeGreaterThan(0);
    const text = problems.join(' ');
    const expected = {
      blank: /khoảng trắng/,
      short: /ít nhất 12 ký tự/,
      common: /phổ biến/,
      simple: /phổ biến|quá đơn giản/,
      username: /tên đăng nhập/,
    }[why];
    expect(text).toMatch(expected!);
  });

  it.each(['mat-khau-thu-nghiem', 'hôm nay trời đẹp quá', 'Kx7#mP2$vL9q', 'mot cau that dai de nho'])(
    '%j is accepted',
    (password) => {
      expect(passwordProblems(password, { username: 'nguyen.van.an', common })).toEqual([]);
    },
  );

  it('counts a Vietnamese letter with its marks as one character', () => {
    expect(passwordProblems('đường phố ha', { common })).toEqual([]); // 12 characters, decomposed or not
    expect(passwordProblems('đường phố ha'.normalize('NFD'), { common })).toEqual([]);
  });

  it('ships a list of at least 10,000 common passwords', () => {
    expect(common.size).toBeGreaterThanOrEqual(10_000);
    expect(common.has('123456')).toBe(true);
    expect(common.has('matkhau')).toBe(true);
  });
});

describe('throttle delays (ASVS 4.0.3 V2.2.1: growing delays, no shared lockout)', () => {
  it.each([
    [4, ACCOUNT_RULE, 0],
    [5, ACCOUNT_RULE, 30_000],
    [6, ACCOUNT_RULE, 60_000],
    [10, ACCOUNT_RULE, 15 * 60_000],
    [1000, ACCOUNT_RULE, 15 * 60_000],
    [19, ADDRESS_RULE, 0],
    [20, ADDRESS_RULE, 5_000],
    [24, ADDRESS_RULE, 60_000],
  ])('after %i failures waits %i ms', (failures, rule, ms) => {
    expect(delayAfter(failures, rule)).toBe(ms);
  });

  it('says the wait in Vietnamese', () => {
    expect(waitTextVi(30_000)).toBe('30 giây');
    expect(waitTextVi(120_000)).toBe('2 phút');
    expect(waitTextVi(90_500)).toBe('1 phút 31 giây');
  });
});

describe('client address and trusted proxies', () => {
  it.each([
    ['10.0.0.1', '1.2.3.4', [], '10.0.0.1'],
    ['::ffff:10.0.0.1', undefined, [], '10.0.0.1'],
    ['127.0.0.1', '1.2.3.4', ['127.0.0.1'], '1.2.3.4'],
    ['127.0.0.1', 'forged, 1.2.3.4', ['127.0.0.1'], '1.2.3.4'],
    ['127.0.0.1', '9.9.9.9, 1.2.3.4, 10.0.0.2', ['127.0.0.1', '10.0.0.2'], '1.2.3.4'],
    [undefined, undefined, [], 'unknown'],
  ] as const)('peer %s, X-Forwarded-For %s, trusted %j → %s', (peer, xff, trusted, expected) => {
    expect(clientAddress(peer, xff, trusted)).toBe(expected);
  });
});

describe('who may manage accounts', () => {
  const admin: Actor = {
    userId: 1,
    username: 'a',
    displayName: 'A',
    grants: [{ role: 'admin', agencyId: null, unitId: null }],
  };
  const owner: Actor = {
    userId: 2,
    username: 'o',
    displayName: 'O',
    grants: [{ role: 'program_owner', agencyId: null, unitId: null }],
  };
  it('lets an administrator act on others, not lock or reset themselves; nobody else', () => {
    expect(can(admin, 'lock', { id: 5, active: true })).toBe(true);
    expect(can(admin, 'lock', { id: 1, active: true })).toBe(false);
    expect(can(admin, 'reset_password', { id: 1, active: true })).toBe(false);
    expect(can(admin, 'unlock', { id: 5, active: true })).toBe(false);
    expect(can(admin, 'unlock', { id: 5, active: false })).toBe(true);
    expect(can(owner, 'list')).toBe(false);
    expect(can(null, 'create')).toBe(false);
  });
});
