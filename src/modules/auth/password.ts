import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export { MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH } from '../../domain/auth/password-policy';

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes).
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A one-time password for a new or reset account: 16 characters from an alphabet without
 * look-alikes (no 0/O, 1/l/I), easy to read aloud or copy from a screen; about 90 bits.
 */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let out = '';
  for (let i = 0; i < 16; i++) out += alphabet[randomInt(alphabet.length)];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8, 12)}-${out.slice(12, 16)}`;
}
