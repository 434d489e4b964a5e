import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { passwordProblems } from '../../domain/auth/password-policy';
import { invalid } from '../../errors';

/** reference/security/common-passwords.txt (source and licence in its header and README). */
export const COMMON_PASSWORDS_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../reference/security/common-passwords.txt',
);

let cached: ReadonlySet<string> | undefined;

export function commonPasswords(): ReadonlySet<string> {
  cached ??= new Set(
    fs
      .readFileSync(COMMON_PASSWORDS_FILE, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#')),
  );
  return cached;
}

/** Refuses a password that breaks the policy: one 422 error naming every problem, on the given field. */
export function assertPasswordAcceptable(
  password: string,
  who: { username?: string; displayName?: string },
  field = 'body.password',
): void {
  const problems = passwordProblems(password, { ...who, common: commonPasswords() });
  if (problems.length)
    throw invalid(
      'Mật khẩu chưa đạt yêu cầu.',
      problems.map((message) => ({ path: field, message })),
    );
}
